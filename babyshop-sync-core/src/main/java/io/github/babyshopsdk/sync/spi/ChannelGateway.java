package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The engine's port to Babyshop: the operations the flows need, in the client's model types, with the
 * client's typed failures ({@link io.github.babyshopsdk.client.error.BabyshopException} and subclasses).
 * The default adapter over a {@link BabyshopClient} is {@code sync.channel.ClientChannelGateway.of(client)};
 * tests use fakes or the testkit. Implementations must be thread-safe.
 *
 * <p><b>Calls and quota.</b> Each method sends one request (a listing: one per page), except where the
 * client itself must re-authenticate or retry; the engine plans every batch, chunk and page. A method that
 * takes a list takes 1 to {@link io.github.babyshopsdk.client.ChannelLimits#MAX_BATCH} items. Every request
 * takes one permit of the credential's quota budget, charged to the tier of the view it is sent through
 * ({@link #forTier}); a refused permit that is not waited for fails the call with
 * {@link io.github.babyshopsdk.client.error.QuotaExceededException} before anything is sent.
 */
public interface ChannelGateway {

    /**
     * A view of this gateway whose calls are charged to priority {@code tier} of the quota budget and wait for
     * the window through {@code waiter} (a refusal the waiter does not wait out fails the call with
     * {@link io.github.babyshopsdk.client.error.QuotaExceededException}). The engine asks for one view per flow
     * run, with the flow's priority and a waiter of its own. The default returns this gateway unchanged, for
     * gateways that keep no budget (fakes); the client adapter returns
     * {@link BabyshopClient#forTier(int, QuotaWaiter)}'s view. A gateway that decorates another (metrics,
     * tracing) must override this to decorate the other's view: otherwise its calls are charged to the tier
     * of the gateway it wraps, whatever the flow.
     *
     * @throws IllegalArgumentException if {@code tier} is negative
     */
    default ChannelGateway forTier(int tier, QuotaWaiter waiter) {
        if (tier < 0) {
            throw new IllegalArgumentException("tier must not be negative, was " + tier);
        }
        return this;
    }

    /** Order headers updated at or after {@code since}, every page, lazily (orderList, no status filter). */
    Pages<OrderSummary> listOrders(Instant since);

    /**
     * Full orders by number: one orderFetch of 1 to {@code MAX_BATCH} numbers (plus its one spill page);
     * {@link Records#missing()} names the numbers the answer did not cover.
     */
    Records<Order> fetchOrders(Collection<String> orderNos);

    /** Products updated at or after {@code since}, every page, lazily (productFetch). */
    Pages<Product> listProducts(Instant since);

    /**
     * Absolute stock levels of 1 to {@code MAX_BATCH} SKUs, no SKU twice: one inventoryPriceUpdate, per-SKU
     * outcome. When the server refuses the whole batch because at least one SKU is unknown (code 304, without
     * saying which), this throws {@link io.github.babyshopsdk.client.error.NotFoundException} with response
     * code {@code SKU_NOT_FOUND}: the caller splits the batch and sends the halves.
     */
    InventoryUpdateResult pushInventory(List<InventoryItem> items);

    /** Moderation outcomes of earlier pushes: one inventoryPriceStatus of 1 to {@code MAX_BATCH} ids. */
    Records<InventoryModeration> moderationStatus(List<String> moderationIds);

    /** Creates the invoice with transporter and AWB and returns its number (generateInvoice). */
    String createInvoice(InvoiceRequest request);

    /** Downloads the AWB label of an invoice (fetchDocuments, shippingLabel). */
    Document fetchLabel(String invoiceNo);

    /** Pushes shipping details: Babyshop status Shipped (orderShipping). */
    void ship(Shipment shipment);

    /** Cancels a whole order on Babyshop (orderCancellation). */
    void cancel(String orderNo);

    /** The credential's quota budget now; takes no permit. */
    QuotaSnapshot quota();
}
