package io.github.babyshopsdk.examples.bridge;

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
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The channel of an engine built for an admin command that only reads and changes the state database
 * ({@code --dead-letters}, {@code --redrive}, {@code --discard}): no flow runs, so nothing may reach Babyshop; every
 * call fails with {@link IllegalStateException}. Needs no credentials. Stateless; thread-safe.
 */
final class OfflineChannel implements ChannelGateway {

    private static IllegalStateException offline() {
        return new IllegalStateException("an admin command does not call Babyshop");
    }

    @Override
    public Pages<OrderSummary> listOrders(Instant since) {
        throw offline();
    }

    @Override
    public Records<Order> fetchOrders(Collection<String> orderNos) {
        throw offline();
    }

    @Override
    public Pages<Product> listProducts(Instant since) {
        throw offline();
    }

    @Override
    public InventoryUpdateResult pushInventory(List<InventoryItem> items) {
        throw offline();
    }

    @Override
    public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
        throw offline();
    }

    @Override
    public String createInvoice(InvoiceRequest request) {
        throw offline();
    }

    @Override
    public Document fetchLabel(String invoiceNo) {
        throw offline();
    }

    @Override
    public void ship(Shipment shipment) {
        throw offline();
    }

    @Override
    public void cancel(String orderNo) {
        throw offline();
    }

    @Override
    public QuotaSnapshot quota() {
        throw offline();
    }
}
