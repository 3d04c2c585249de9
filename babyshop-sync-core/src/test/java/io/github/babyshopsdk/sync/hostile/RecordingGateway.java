package io.github.babyshopsdk.sync.hostile;

import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine's gateway, recording every exception the client throws through it (lazily read pages
 * included), so the harness can check that only the client's typed exceptions come out of the client.
 * Thread-safe.
 */
final class RecordingGateway implements ChannelGateway {
    private final ChannelGateway delegate;
    private final List<Throwable> thrown;

    RecordingGateway(ChannelGateway delegate) {
        this(delegate, Collections.synchronizedList(new ArrayList<>()));
    }

    private RecordingGateway(ChannelGateway delegate, List<Throwable> thrown) {
        this.delegate = delegate;
        this.thrown = thrown;
    }

    /** The delegate's view of {@code tier}, recording into this gateway's list. */
    @Override
    public ChannelGateway forTier(int tier, QuotaWaiter waiter) {
        return new RecordingGateway(delegate.forTier(tier, waiter), thrown);
    }

    /** Every exception the client threw so far. */
    List<Throwable> thrown() {
        synchronized (thrown) {
            return List.copyOf(thrown);
        }
    }

    private <T> T record(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException | Error e) {
            thrown.add(e);
            throw e;
        }
    }

    private <T> Pages<T> recordPages(Supplier<Pages<T>> call) {
        Pages<T> inner = record(call);
        Iterator<Page<T>> pages = inner.iterator();
        // the outer pages advance the inner iterator in step, one page per fetch
        return Pages.of(number -> record(pages::next), 1, 1_000_000);
    }

    @Override
    public Pages<OrderSummary> listOrders(Instant since) {
        return recordPages(() -> delegate.listOrders(since));
    }

    @Override
    public Records<Order> fetchOrders(Collection<String> orderNos) {
        return record(() -> delegate.fetchOrders(orderNos));
    }

    @Override
    public Pages<Product> listProducts(Instant since) {
        return recordPages(() -> delegate.listProducts(since));
    }

    @Override
    public InventoryUpdateResult pushInventory(List<InventoryItem> items) {
        return record(() -> delegate.pushInventory(items));
    }

    @Override
    public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
        return record(() -> delegate.moderationStatus(moderationIds));
    }

    @Override
    public String createInvoice(InvoiceRequest request) {
        return record(() -> delegate.createInvoice(request));
    }

    @Override
    public Document fetchLabel(String invoiceNo) {
        return record(() -> delegate.fetchLabel(invoiceNo));
    }

    @Override
    public void ship(Shipment shipment) {
        record(() -> {
            delegate.ship(shipment);
            return null;
        });
    }

    @Override
    public void cancel(String orderNo) {
        record(() -> {
            delegate.cancel(orderNo);
            return null;
        });
    }

    @Override
    public QuotaSnapshot quota() {
        return delegate.quota();
    }
}
