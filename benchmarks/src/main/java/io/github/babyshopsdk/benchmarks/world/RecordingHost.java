package io.github.babyshopsdk.benchmarks.world;

import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.ImportedOrder;
import io.github.babyshopsdk.sync.host.StockLevel;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.spi.HostCatalog;
import io.github.babyshopsdk.sync.spi.HostFulfilment;
import io.github.babyshopsdk.sync.spi.HostInventory;
import io.github.babyshopsdk.sync.spi.HostOrders;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's host: an {@link InMemoryHost} for every port, recording when (on the simulated clock) each
 * order was first created and each SKU first received. Thread-safe.
 */
public final class RecordingHost implements HostOrders, HostCatalog, HostInventory, HostFulfilment {
    private final InMemoryHost host;
    private final Clock clock;
    private final Map<String, Instant> orderCreated = new ConcurrentHashMap<>();
    private final Map<String, Instant> skuReceived = new ConcurrentHashMap<>();

    /** A recording host over {@code host}, timing with {@code clock}. */
    public RecordingHost(InMemoryHost host, Clock clock) {
        this.host = Objects.requireNonNull(host, "host");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The host it records for (its orders, SKUs, stock; {@link InMemoryHost#setStock} to change stock). */
    public InMemoryHost host() {
        return host;
    }

    /** When the order was first created in the host, or empty when it was not. */
    public Optional<Instant> orderCreatedAt(String orderNo) {
        return Optional.ofNullable(orderCreated.get(orderNo));
    }

    /** How many distinct orders the host created. */
    public int ordersCreated() {
        return orderCreated.size();
    }

    /** When the SKU (Babyshop SKU code) was first received, or empty when it was not. */
    public Optional<Instant> skuReceivedAt(String sku) {
        return Optional.ofNullable(skuReceived.get(sku));
    }

    /** How many distinct SKUs the host received. */
    public int skusReceived() {
        return skuReceived.size();
    }

    @Override
    public String createOrder(ImportedOrder order) {
        String id = host.createOrder(order);
        orderCreated.putIfAbsent(order.orderNo(), clock.instant());
        return id;
    }

    @Override
    public void cancelOrder(String orderNo, String hostOrderId, String reason) {
        host.cancelOrder(orderNo, hostOrderId, reason);
    }

    @Override
    public void upsertSku(Product product) {
        host.upsertSku(product);
        skuReceived.putIfAbsent(product.sku(), clock.instant());
    }

    @Override
    public ChangeFeed<String> changedSkus(Optional<String> afterToken) {
        return host.changedSkus(afterToken);
    }

    @Override
    public List<StockLevel> available(Collection<String> vendorSkuCodes) {
        return host.available(vendorSkuCodes);
    }

    @Override
    public ChangeFeed<HostEvent> events(Optional<String> afterToken) {
        return host.events(afterToken);
    }

    @Override
    public void shipmentCreated(String orderNo, String invoiceNo, Document label) {
        host.shipmentCreated(orderNo, invoiceNo, label);
    }

    @Override
    public String toString() {
        return "RecordingHost{" + host + "}";
    }
}
