package io.github.babyshopsdk.client.catalog;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.ResponseCode;
import io.github.babyshopsdk.client.model.BackOrder;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.Records;
import java.util.List;

/**
 * Catalog and stock operations: {@code productFetch}, {@code inventoryPriceUpdate},
 * {@code inventoryPriceStatus} and {@code skuBackOrder}. The client's implementation is obtained from
 * {@link io.github.babyshopsdk.client.BabyshopClient#catalog()}; it is thread-safe, every HTTP request it
 * sends takes one quota permit, and its failures are {@link io.github.babyshopsdk.client.error.BabyshopException}s
 * (a refused permit: {@link io.github.babyshopsdk.client.error.QuotaExceededException}). Hosts may implement
 * this interface themselves, e.g. as a fake in their own tests.
 */
public interface CatalogService {

    /**
     * One page of {@code productFetch}: one request for the page and limit the query names.
     *
     * @throws NullPointerException if {@code query} is null
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the request fails
     */
    Page<Product> productPage(ProductQuery query);

    /**
     * Every page of {@code productFetch} from the query's page on, fetched lazily as iteration goes.
     * Nothing is sent until iteration starts, then one request per page (see {@link Pages}).
     *
     * @throws NullPointerException if {@code query} is null
     * @throws io.github.babyshopsdk.client.error.BabyshopException from iteration, when a page's request fails
     */
    Pages<Product> products(ProductQuery query);

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
     * @throws NullPointerException if {@code items} is null
     * @throws IllegalArgumentException if {@code items} is empty, holds more than
     *     {@link ChannelLimits#MAX_BATCH} items or names a SKU twice (nothing is sent)
     * @throws NotFoundException with {@link ResponseCode#SKU_NOT_FOUND} when the server refused the batch for
     *     an unknown SKU (code 304)
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the call fails for another reason
     */
    InventoryUpdateResult updateInventory(List<InventoryItem> items);

    /**
     * Reads moderation outcomes with one {@code inventoryPriceStatus} request.
     *
     * @param moderationIds 1 to {@link ChannelLimits#MAX_BATCH} ids from {@link InventoryUpdateResult#accepted()}
     * @throws NullPointerException if {@code moderationIds} is null
     * @throws IllegalArgumentException if {@code moderationIds} is empty, holds more than
     *     {@link ChannelLimits#MAX_BATCH} ids, or an id is not numeric (nothing is sent)
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the call fails
     */
    Records<InventoryModeration> moderationStatus(List<String> moderationIds);

    /**
     * The JIT back-order book ({@code skuBackOrder}), whole, with one request: the operation has no paging.
     *
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the call fails
     */
    Records<BackOrder> backOrders();
}
