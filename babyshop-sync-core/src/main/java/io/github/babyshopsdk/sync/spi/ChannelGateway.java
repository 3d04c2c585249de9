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
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The engine's port to Babyshop: the operations the flows need, in the client's model types, with the
 * client's typed failures ({@link io.github.babyshopsdk.client.error.BabyshopException} and subclasses).
 * The {@linkplain #of(BabyshopClient) default adapter} wraps a {@link BabyshopClient}; tests use fakes or
 * the testkit. Implementations must be thread-safe.
 */
public interface ChannelGateway {

    /** Order headers updated at or after {@code since}, every page, lazily (orderList, no status filter). */
    Pages<OrderSummary> listOrders(Instant since);

    /** Full orders by number (orderFetch); numbers that did not come back are absent. */
    Records<Order> fetchOrders(Collection<String> orderNos);

    /** Products updated at or after {@code since}, every page, lazily (productFetch). */
    Pages<Product> listProducts(Instant since);

    /** Absolute stock levels, per-SKU outcome (inventoryPriceUpdate). */
    InventoryUpdateResult pushInventory(List<InventoryItem> items);

    /** Moderation outcomes of earlier pushes (inventoryPriceStatus). */
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

    /** The adapter over a client. */
    static ChannelGateway of(BabyshopClient client) {
        return new ClientChannelGateway(client);
    }
}
