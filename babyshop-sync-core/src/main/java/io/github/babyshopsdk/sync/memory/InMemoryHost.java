package io.github.babyshopsdk.sync.memory;

import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.ImportedOrder;
import io.github.babyshopsdk.sync.host.StockLevel;
import io.github.babyshopsdk.sync.spi.HostCatalog;
import io.github.babyshopsdk.sync.spi.HostFulfilment;
import io.github.babyshopsdk.sync.spi.HostInventory;
import io.github.babyshopsdk.sync.spi.HostOrders;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reference host in memory: orders, SKUs, stock per hub with a change feed, order events with a feed,
 * and received labels. It implements every host port ({@link HostOrders}, {@link HostCatalog},
 * {@link HostInventory}, {@link HostFulfilment}) with the contracts they state (idempotent creation,
 * repeatable feeds), for tests, demos and as a model for a real host's adapter. Thread-safe.
 */
public final class InMemoryHost implements HostOrders, HostCatalog, HostInventory, HostFulfilment {
    private final Map<String, HostOrder> orders = new LinkedHashMap<>();
    private final Map<String, Product> skus = new LinkedHashMap<>();
    private final Map<String, Map<String, BigDecimal>> stock = new LinkedHashMap<>();
    private final List<String> stockChanges = new ArrayList<>();
    private final List<HostEvent> events = new ArrayList<>();
    private final Map<String, Document> labels = new LinkedHashMap<>();
    private final AtomicInteger createCalls = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final int feedPageSize;

    private InMemoryHost(int feedPageSize) {
        this.feedPageSize = feedPageSize;
    }

    /** An empty host whose feeds answer up to 500 items a read. */
    public static InMemoryHost create() {
        return new InMemoryHost(500);
    }

    /** An order as the host holds it. Immutable. */
    public record HostOrder(String hostOrderId, ImportedOrder imported, boolean cancelled, String cancelReason) {
        /** The Babyshop order number. */
        public String orderNo() {
            return imported.orderNo();
        }
    }

    @Override
    public synchronized String createOrder(ImportedOrder order) {
        createCalls.incrementAndGet();
        HostOrder existing = orders.get(order.orderNo());
        if (existing != null) {
            return existing.hostOrderId();
        }
        String id = "H-" + ids.incrementAndGet(); // never reused, also after removeOrder
        orders.put(order.orderNo(), new HostOrder(id, order, false, null));
        return id;
    }

    @Override
    public synchronized void cancelOrder(String orderNo, String hostOrderId, String reason) {
        HostOrder order = orders.get(orderNo);
        if (order == null || !order.hostOrderId().equals(hostOrderId)) {
            throw new IllegalArgumentException("no host order " + hostOrderId + " for Babyshop order " + orderNo);
        }
        orders.put(orderNo, new HostOrder(hostOrderId, order.imported(), true, reason));
    }

    @Override
    public synchronized Optional<Boolean> hasOrder(String orderNo, String hostOrderId) {
        HostOrder order = orders.get(orderNo);
        return Optional.of(order != null && order.hostOrderId().equals(hostOrderId));
    }

    /**
     * Deletes the order of Babyshop order number {@code orderNo} (as a host that lost it, e.g. restored from an older
     * backup), so a later {@link #createOrder} creates it anew.
     *
     * @return whether there was one
     */
    public synchronized boolean removeOrder(String orderNo) {
        return orders.remove(orderNo) != null;
    }

    /** The host orders, in creation order. */
    public synchronized List<HostOrder> orders() {
        return new ArrayList<>(orders.values());
    }

    /** The host order for a Babyshop order number. */
    public synchronized Optional<HostOrder> order(String orderNo) {
        return Optional.ofNullable(orders.get(orderNo));
    }

    /** How many times {@link #createOrder} was called (repeats included). */
    public int createCalls() {
        return createCalls.get();
    }

    @Override
    public synchronized void upsertSku(Product product) {
        skus.put(product.sku(), product);
    }

    /** The SKUs received, by Babyshop SKU. */
    public synchronized Map<String, Product> skus() {
        return new LinkedHashMap<>(skus);
    }

    /** Sets the available stock of a Vendor SKU Code in a hub, and records the change in the feed. */
    public synchronized void setStock(String vendorSkuCode, String hub, BigDecimal available) {
        stock.computeIfAbsent(vendorSkuCode, code -> new LinkedHashMap<>()).put(hub, available);
        stockChanges.add(vendorSkuCode);
    }

    @Override
    public synchronized ChangeFeed<String> changedSkus(Optional<String> afterToken) {
        int from = afterToken.map(Integer::parseInt).orElse(0);
        int to = Math.min(stockChanges.size(), from + feedPageSize);
        return ChangeFeed.of(new ArrayList<>(stockChanges.subList(from, to)), Integer.toString(to),
                to < stockChanges.size());
    }

    @Override
    public synchronized List<StockLevel> available(Collection<String> vendorSkuCodes) {
        List<StockLevel> levels = new ArrayList<>();
        for (String code : vendorSkuCodes) {
            stock.getOrDefault(code, Map.of()).forEach((hub, qty) -> levels.add(StockLevel.of(code, hub, qty)));
        }
        return levels;
    }

    /** Appends an order event to the feed. */
    public synchronized void addEvent(HostEvent event) {
        events.add(event);
    }

    @Override
    public synchronized ChangeFeed<HostEvent> events(Optional<String> afterToken) {
        int from = afterToken.map(Integer::parseInt).orElse(0);
        int to = Math.min(events.size(), from + feedPageSize);
        return ChangeFeed.of(new ArrayList<>(events.subList(from, to)), Integer.toString(to), to < events.size());
    }

    @Override
    public synchronized void shipmentCreated(String orderNo, String invoiceNo, Document label) {
        labels.putIfAbsent(orderNo, label);
    }

    /** The AWB labels received, by Babyshop order number. */
    public synchronized Map<String, Document> labels() {
        return new LinkedHashMap<>(labels);
    }

    @Override
    public synchronized String toString() {
        return "InMemoryHost{orders=" + orders.size() + ", skus=" + skus.size() + ", events=" + events.size() + "}";
    }
}
