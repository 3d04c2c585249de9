package io.github.babyshopsdk.sync.e2e;

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
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A {@link ChannelGateway} that forwards every call to another one, calling {@link #before(String)} before
 * each call to Babyshop (not before {@link #quota()}, which only reads the local budget): tests override the
 * hook to act at a precise point of a run (expire tokens, crash). Thread-safe if the hook is.
 */
class ForwardingGateway implements ChannelGateway {
    private final ChannelGateway delegate;

    ForwardingGateway(ChannelGateway delegate) {
        this.delegate = delegate;
    }

    /** Called before each call with the method's name ({@code listOrders}, {@code fetchOrders}, ...). */
    protected void before(String method) {
    }

    /** The delegate's view of {@code tier}, behind this gateway's hook. */
    @Override
    public ChannelGateway forTier(int tier, QuotaWaiter waiter) {
        ForwardingGateway outer = this;
        return new ForwardingGateway(delegate.forTier(tier, waiter)) {
            @Override
            protected void before(String method) {
                outer.before(method);
            }
        };
    }

    @Override
    public Pages<OrderSummary> listOrders(Instant since) {
        before("listOrders");
        return delegate.listOrders(since);
    }

    @Override
    public Records<Order> fetchOrders(Collection<String> orderNos) {
        before("fetchOrders");
        return delegate.fetchOrders(orderNos);
    }

    @Override
    public Pages<Product> listProducts(Instant since) {
        before("listProducts");
        return delegate.listProducts(since);
    }

    @Override
    public InventoryUpdateResult pushInventory(List<InventoryItem> items) {
        before("pushInventory");
        return delegate.pushInventory(items);
    }

    @Override
    public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
        before("moderationStatus");
        return delegate.moderationStatus(moderationIds);
    }

    @Override
    public String createInvoice(InvoiceRequest request) {
        before("createInvoice");
        return delegate.createInvoice(request);
    }

    @Override
    public Document fetchLabel(String invoiceNo) {
        before("fetchLabel");
        return delegate.fetchLabel(invoiceNo);
    }

    @Override
    public void ship(Shipment shipment) {
        before("ship");
        delegate.ship(shipment);
    }

    @Override
    public void cancel(String orderNo) {
        before("cancel");
        delegate.cancel(orderNo);
    }

    @Override
    public QuotaSnapshot quota() {
        return delegate.quota();
    }
}
