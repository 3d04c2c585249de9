package io.github.babyshopsdk.sync.support;

import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * A Babyshop stand-in for the orders flow's unit tests: orders by number, listed by update time in
 * pages, fetched by number; unreadable orders and a per-page hook (to cause drift) on demand.
 */
public final class FakeChannel implements ChannelGateway {
    private final Map<String, Order> orders = new HashMap<>();
    private final Set<String> unreadable = new HashSet<>();
    private final AtomicInteger listCalls = new AtomicInteger();
    private final AtomicInteger fetchCalls = new AtomicInteger();
    private final List<List<String>> fetched = new ArrayList<>();
    private int pageSize = 100;
    private IntConsumer afterPage = page -> { };

    public synchronized FakeChannel put(Order order) {
        orders.put(order.orderNo(), order);
        return this;
    }

    public synchronized Order order(String orderNo) {
        return orders.get(orderNo);
    }

    /** Makes orderFetch answer this order as an unreadable record (or readable again). */
    public synchronized void unreadable(String orderNo, boolean broken) {
        if (broken) {
            unreadable.add(orderNo);
        } else {
            unreadable.remove(orderNo);
        }
    }

    public void pageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Runs after each orderList page is answered (page number given), e.g. to update an order. */
    public void afterPage(IntConsumer hook) {
        this.afterPage = hook;
    }

    public int listCalls() {
        return listCalls.get();
    }

    public int fetchCalls() {
        return fetchCalls.get();
    }

    /** The order numbers of each orderFetch call, oldest call first. */
    public synchronized List<List<String>> fetched() {
        return List.copyOf(fetched);
    }

    @Override
    public Pages<OrderSummary> listOrders(Instant since) {
        return Pages.of(pageNumber -> {
            listCalls.incrementAndGet();
            List<OrderSummary> page;
            synchronized (this) {
                List<OrderSummary> all = orders.values().stream()
                        .filter(o -> !o.lastUpdated().orElseThrow().isBefore(since))
                        .sorted(Comparator.comparing((Order o) -> o.lastUpdated().orElseThrow()).thenComparing(Order::orderNo))
                        .map(o -> OrderSummary.builder().orderNo(o.orderNo()).statusCode(o.statusCode())
                                .lastUpdated(o.lastUpdated()).orderDate(o.orderDate()).build())
                        .collect(Collectors.toList());
                int from = Math.min(all.size(), (pageNumber - 1) * pageSize);
                page = new ArrayList<>(all.subList(from, Math.min(all.size(), from + pageSize)));
            }
            afterPage.accept(pageNumber);
            return Page.of(pageNumber, pageSize, Records.<OrderSummary>builder().records(page).build());
        }, 1, 1000);
    }

    @Override
    public synchronized Records<Order> fetchOrders(java.util.Collection<String> orderNos) {
        fetchCalls.incrementAndGet();
        fetched.add(List.copyOf(orderNos));
        List<Order> found = new ArrayList<>();
        List<RecordFailure> failures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int index = 0;
        for (String orderNo : orderNos) {
            if (unreadable.contains(orderNo)) {
                failures.add(RecordFailure.of(index, orderNo, "orderDate: not a date, was \"31/02/2026 25:61:61\""));
            } else if (orders.containsKey(orderNo)) {
                found.add(orders.get(orderNo));
            } else {
                missing.add(orderNo);
            }
            index++;
        }
        return Records.<Order>builder().records(found).failures(failures).missing(missing).build();
    }

    /** A copy of an order with a new status and update time, as Babyshop would show it. */
    public synchronized Order update(String orderNo, java.util.function.UnaryOperator<Order.Builder> change,
                                     Duration later) {
        Order current = orders.get(orderNo);
        Order next = change.apply(Order.builder().from(current))
                .lastUpdated(current.lastUpdated().orElseThrow().plus(later)).build();
        orders.put(orderNo, next);
        return next;
    }

    @Override
    public Pages<Product> listProducts(Instant since) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public InventoryUpdateResult pushInventory(List<InventoryItem> items) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public String createInvoice(InvoiceRequest request) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public Document fetchLabel(String invoiceNo) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public void ship(Shipment shipment) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public void cancel(String orderNo) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public QuotaSnapshot quota() {
        return QuotaSnapshot.of(io.github.babyshopsdk.client.quota.QuotaLimits.vinculumDefault(), 40, Duration.ZERO);
    }
}
