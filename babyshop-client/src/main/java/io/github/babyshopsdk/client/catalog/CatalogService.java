package io.github.babyshopsdk.client.catalog;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.ResponseCode;
import io.github.babyshopsdk.client.internal.CallExecutor;
import io.github.babyshopsdk.client.internal.SellerPanelApi;
import io.github.babyshopsdk.client.internal.wire.WireCodec;
import io.github.babyshopsdk.client.model.BackOrder;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.Records;
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
        return Pages.of(page -> productPage(ProductQuery.builder().from(query).pageNumber(page).build()),
                query.pageNumber(), maxPages);
    }

    /**
     * Submits absolute stock levels (and optional prices) with one {@code inventoryPriceUpdate} request.
     * The SKUs the server acknowledges are {@linkplain InventoryUpdateResult#accepted() accepted} with
     * their moderation ids; SKUs it answered success for but did not echo back are
     * {@linkplain InventoryUpdateResult#rejected() rejected} without a code.
     *
     * <p>The server refuses the whole batch with code 304 when at least one SKU is unknown to it, without
     * saying which: that is a {@link NotFoundException} with
     * {@link NotFoundException#responseCode() responseCode} {@link ResponseCode#SKU_NOT_FOUND}, and nothing of
     * the batch was applied. To isolate the unknown SKUs, split the batch and resend the halves (repeating
     * absolute levels is harmless; every half is a request that takes its own quota permit); the sync
     * engine does this. A batch of one SKU refused with 304 names the unknown SKU.
     *
     * @param items 1 to {@link ChannelLimits#MAX_BATCH} items, no SKU twice
     * @throws IllegalArgumentException if {@code items} is empty, holds more than
     *     {@link ChannelLimits#MAX_BATCH} items or names a SKU twice (nothing is sent)
     * @throws NotFoundException with {@link ResponseCode#SKU_NOT_FOUND} when the server refused the batch for
     *     an unknown SKU (code 304)
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the call fails for another reason
     */
    public InventoryUpdateResult updateInventory(List<InventoryItem> items) {
        Objects.requireNonNull(items, "items");
        batchSize("items", items.size());
        Set<String> seen = new HashSet<>();
        for (InventoryItem item : items) {
            if (!seen.add(item.sku())) {
                throw new IllegalArgumentException("items name SKU " + item.sku() + " twice");
            }
        }
        String json = codec.inventoryPriceUpdate(items);
        Records<InventoryModeration> moderations;
        try {
            moderations = executor.json(Operation.INVENTORY_PRICE_UPDATE, key -> api.inventoryPriceUpdate(key, json),
                    codec::moderations);
        } catch (NotFoundException e) {
            if (e.responseCode().orElse(null) != ResponseCode.SKU_NOT_FOUND) {
                throw e;
            }
            throw new NotFoundException(Operation.INVENTORY_PRICE_UPDATE, ResponseCode.SKU_NOT_FOUND.code(),
                    e.serverMessage().orElse(null), items.size() == 1
                    ? "SKU " + items.get(0).sku() + " is not linked to this seller (304)"
                    : "the batch was refused because at least one SKU is unknown; the API does not say which: "
                    + "split and resend");
        }
        InventoryUpdateResult.Builder result = InventoryUpdateResult.builder();
        Set<String> acknowledged = new HashSet<>();
        for (InventoryModeration moderation : moderations.records()) {
            acknowledged.add(moderation.sku());
            result.addAccepted(moderation);
        }
        for (InventoryItem item : items) {
            if (!acknowledged.contains(item.sku())) {
                result.addRejected(SkuRejection.of(item.sku(), null,
                        "the server answered success but did not acknowledge this SKU"));
            }
        }
        return result.build();
    }

    /**
     * Reads moderation outcomes with one {@code inventoryPriceStatus} request.
     *
     * @param moderationIds 1 to {@link ChannelLimits#MAX_BATCH} ids from {@link InventoryUpdateResult#accepted()}
     * @throws IllegalArgumentException if {@code moderationIds} is empty, holds more than
     *     {@link ChannelLimits#MAX_BATCH} ids, or an id is not numeric (nothing is sent)
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the call fails
     */
    public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
        Objects.requireNonNull(moderationIds, "moderationIds");
        batchSize("moderationIds", moderationIds.size());
        String json = codec.inventoryPriceStatus(moderationIds);
        return executor.json(Operation.INVENTORY_PRICE_STATUS, key -> api.inventoryPriceStatus(key, json),
                codec::moderations);
    }

    private static void batchSize(String name, int size) {
        if (size < 1 || size > ChannelLimits.MAX_BATCH) {
            throw new IllegalArgumentException(name + " must hold 1 to " + ChannelLimits.MAX_BATCH
                    + " entries (one request), was " + size);
        }
    }

    /** The JIT back-order book ({@code skuBackOrder}), whole: the operation has no paging. */
    public Records<BackOrder> backOrders() {
        String json = codec.skuBackOrder();
        return executor.json(Operation.SKU_BACK_ORDER, key -> api.skuBackOrder(key, json), codec::backOrders);
    }
}
