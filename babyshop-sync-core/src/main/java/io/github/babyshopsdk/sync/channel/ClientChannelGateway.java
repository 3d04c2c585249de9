package io.github.babyshopsdk.sync.channel;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link ChannelGateway}: each method is one client call. {@link #forTier} is the client's
 * {@link BabyshopClient#forTier view} of that tier and waiter, so every request of a flow run is charged to the
 * flow's tier of the client's quota budget. Thread-safe as the client is.
 */
public final class ClientChannelGateway implements ChannelGateway {
    private final BabyshopClient client;

    private ClientChannelGateway(BabyshopClient client) {
        this.client = client;
    }

    /**
     * The gateway over {@code client}: each call is one call of the client, charged to the client's tier until
     * the engine asks for a {@linkplain #forTier view}.
     *
     * @throws NullPointerException if {@code client} is null
     */
    public static ClientChannelGateway of(BabyshopClient client) {
        return new ClientChannelGateway(Objects.requireNonNull(client, "client"));
    }

    /**
     * A gateway over {@code client.forTier(tier, waiter)}: it shares the client's HTTP client, API key, quota
     * budget and metrics.
     *
     * @throws IllegalArgumentException if {@code tier} is negative
     */
    @Override
    public ChannelGateway forTier(int tier, QuotaWaiter waiter) {
        return new ClientChannelGateway(client.forTier(tier, waiter));
    }

    @Override
    public Pages<OrderSummary> listOrders(Instant since) {
        return client.orders().list(OrderListQuery.builder().updatedSince(since).build());
    }

    @Override
    public Records<Order> fetchOrders(Collection<String> orderNos) {
        return client.orders().fetch(orderNos);
    }

    @Override
    public Pages<Product> listProducts(Instant since) {
        return client.catalog().products(ProductQuery.builder().updatedSince(since).build());
    }

    @Override
    public InventoryUpdateResult pushInventory(List<InventoryItem> items) {
        return client.catalog().updateInventory(items);
    }

    @Override
    public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
        return client.catalog().moderationStatus(moderationIds);
    }

    @Override
    public String createInvoice(InvoiceRequest request) {
        return client.fulfilment().generateInvoice(request);
    }

    @Override
    public Document fetchLabel(String invoiceNo) {
        return client.fulfilment().fetchDocument(invoiceNo, DocumentType.SHIPPING_LABEL);
    }

    @Override
    public void ship(Shipment shipment) {
        client.fulfilment().ship(shipment);
    }

    @Override
    public void cancel(String orderNo) {
        client.fulfilment().cancelOrder(orderNo);
    }

    @Override
    public QuotaSnapshot quota() {
        return client.quota();
    }

    @Override
    public String toString() {
        return "ClientChannelGateway{" + client + "}";
    }
}
