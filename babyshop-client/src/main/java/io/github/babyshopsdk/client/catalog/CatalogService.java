package io.github.babyshopsdk.client.catalog;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.ResponseCode;
import io.github.babyshopsdk.client.internal.CallExecutor;
import io.github.babyshopsdk.client.internal.SellerPanelApi;
import io.github.babyshopsdk.client.internal.wire.WireCodec;
import io.github.babyshopsdk.client.model.BackOrder;
import io.github.babyshopsdk.client.model.ImmutableProductQuery;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.Records;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Catalog and stock operations: {@code productFetch}, {@code inventoryPriceUpdate},
 * {@code inventoryPriceStatus} and {@code skuBackOrder}. Obtained from
 * {@link io.github.babyshopsdk.client.BabyshopClient#catalog()}; thread-safe.
 */
public final class CatalogService {
    /** The most items the API takes in one call. */
    public static final int MAX_BATCH = 100;

    private final CallExecutor executor;
    private final SellerPanelApi api;
    private final WireCodec codec;
    private final int maxPages;

    /** Wiring for {@link io.github.babyshopsdk.client.BabyshopClient}; not for direct use. */
    public CatalogService(CallExecutor executor, SellerPanelApi api, WireCodec codec, int maxPages) {
        this.executor = executor;
        this.api = api;
        this.codec = codec;
        this.maxPages = maxPages;
    }

    /**
     * One page of {@code productFetch}: the page and limit the query names.
     *
     * @throws io.github.babyshopsdk.client.error.BabyshopException on failure
     */
    public Page<Product> productPage(ProductQuery query) {
        Objects.requireNonNull(query, "query");
        String json = codec.productFetch(query);
        return Page.of(query.pageNumber(), query.limit(),
                executor.json(Operation.PRODUCT_FETCH, key -> api.productFetch(key, json), codec::products));
    }

    /**
     * Every page of {@code productFetch} from the query's page on, fetched lazily as iteration goes.
     * Nothing is called until iteration starts.
     */
    public Pages<Product> products(ProductQuery query) {
        Objects.requireNonNull(query, "query");
        ImmutableProductQuery first = ImmutableProductQuery.copyOf(query);
        return Pages.of(page -> productPage(first.withPageNumber(page)), query.pageNumber(), maxPages);
    }

    /**
     * Submits absolute stock levels (and optional prices) with {@code inventoryPriceUpdate}, 100 SKUs per
     * call. Per-SKU outcomes: when the server rejects a batch with code 304 (an unknown SKU, without
     * saying which), the batch is split in halves and resent until the unknown SKUs are isolated; the
     * others are accepted. Repeating absolute levels is harmless, so this is safe (it costs about
     * {@code 2 log2(n)} extra calls per unknown SKU). SKUs the server answered success for but did not
     * echo back are reported as rejected without a code.
     *
     * @throws IllegalArgumentException if {@code items} is empty or names a SKU twice
     * @throws io.github.babyshopsdk.client.error.BabyshopException when a call fails for another reason; SKUs of
     *     batches already sent stay submitted
     */
    public InventoryUpdateResult updateInventory(List<InventoryItem> items) {
        Objects.requireNonNull(items, "items");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (InventoryItem item : items) {
            if (!seen.add(item.sku())) {
                throw new IllegalArgumentException("items name SKU " + item.sku() + " twice");
            }
        }
        ImmutableInventoryUpdateResult.Builder result = InventoryUpdateResult.builder();
        for (int from = 0; from < items.size(); from += MAX_BATCH) {
            submit(items.subList(from, Math.min(items.size(), from + MAX_BATCH)), result);
        }
        return result.build();
    }

    private void submit(List<InventoryItem> batch, ImmutableInventoryUpdateResult.Builder result) {
        Records<InventoryModeration> moderations;
        try {
            String json = codec.inventoryPriceUpdate(batch);
            moderations = executor.json(Operation.INVENTORY_PRICE_UPDATE, key -> api.inventoryPriceUpdate(key, json),
                    codec::moderations);
        } catch (NotFoundException e) {
            if (e.responseCode().orElse(null) != ResponseCode.SKU_NOT_FOUND) {
                throw e;
            }
            if (batch.size() == 1) {
                result.addRejected(SkuRejection.of(batch.get(0).sku(), ResponseCode.SKU_NOT_FOUND.code(),
                        "the SKU is not linked to this seller (304)"));
                return;
            }
            int half = batch.size() / 2;
            submit(batch.subList(0, half), result);
            submit(batch.subList(half, batch.size()), result);
            return;
        }
        Set<String> acknowledged = new HashSet<>();
        for (InventoryModeration moderation : moderations.records()) {
            acknowledged.add(moderation.sku());
            result.addAccepted(moderation);
        }
        for (InventoryItem item : batch) {
            if (!acknowledged.contains(item.sku())) {
                result.addRejected(SkuRejection.of(item.sku(), null,
                        "the server answered success but did not acknowledge this SKU"));
            }
        }
    }

    /**
     * Reads moderation outcomes with {@code inventoryPriceStatus}, 100 ids per call.
     *
     * @param moderationIds ids from {@link InventoryUpdateResult#accepted()}
     * @throws IllegalArgumentException if an id is not numeric
     */
    public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
        Objects.requireNonNull(moderationIds, "moderationIds");
        List<InventoryModeration> records = new ArrayList<>();
        List<io.github.babyshopsdk.client.model.RecordFailure> failures = new ArrayList<>();
        for (int from = 0; from < moderationIds.size(); from += MAX_BATCH) {
            String json = codec.inventoryPriceStatus(moderationIds.subList(from,
                    Math.min(moderationIds.size(), from + MAX_BATCH)));
            Records<InventoryModeration> batch = executor.json(Operation.INVENTORY_PRICE_STATUS,
                    key -> api.inventoryPriceStatus(key, json), codec::moderations);
            records.addAll(batch.records());
            failures.addAll(batch.failures());
        }
        return Records.<InventoryModeration>builder().records(records).failures(failures).build();
    }

    /** The JIT back-order book ({@code skuBackOrder}), whole: the operation has no paging. */
    public Records<BackOrder> backOrders() {
        String json = codec.skuBackOrder();
        return executor.json(Operation.SKU_BACK_ORDER, key -> api.skuBackOrder(key, json), codec::backOrders);
    }
}
