package io.github.babyshopsdk.client.internal;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.catalog.CatalogService;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.catalog.SkuRejection;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.ResponseCode;
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
 * The client's {@link CatalogService}: each operation through the client's {@link CallExecutor} (one quota
 * permit per request, typed failures, retries where safe). Thread-safe; see the interface for the contract.
 */
final class HttpCatalogService implements CatalogService {
    private final CallExecutor executor;
    private final SellerPanelApi api;
    private final WireCodec codec;
    private final int maxPages;

    /** A service whose requests go through {@code executor}; listings stop after {@code maxPages} pages. */
    HttpCatalogService(CallExecutor executor, SellerPanelApi api, WireCodec codec, int maxPages) {
        this.executor = executor;
        this.api = api;
        this.codec = codec;
        this.maxPages = maxPages;
    }

    @Override
    public Page<Product> productPage(ProductQuery query) {
        Objects.requireNonNull(query, "query");
        String json = codec.productFetch(query);
        return Page.of(query.pageNumber(), query.limit(),
                executor.json(Operation.PRODUCT_FETCH, key -> api.productFetch(key, json), codec::products));
    }

    @Override
    public Pages<Product> products(ProductQuery query) {
        Objects.requireNonNull(query, "query");
        return Pages.of(page -> productPage(ProductQuery.builder().from(query).pageNumber(page).build()),
                query.pageNumber(), maxPages);
    }

    @Override
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

    @Override
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

    @Override
    public Records<BackOrder> backOrders() {
        String json = codec.skuBackOrder();
        return executor.json(Operation.SKU_BACK_ORDER, key -> api.skuBackOrder(key, json), codec::backOrders);
    }
}
