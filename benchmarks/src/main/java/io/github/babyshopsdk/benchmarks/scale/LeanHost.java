package io.github.babyshopsdk.benchmarks.scale;

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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A host that keeps (almost) nothing, so that a benchmark's heap is the engine's: it counts the SKUs upserted and
 * the orders created (the host order id is derived from the order number, so a repeat gets the same id), knows the
 * stock of every Vendor SKU Code (1 to 50 in one hub, derived from the code) and has no stock changes and no order
 * events to report (the inventory flow still takes in every newly linked SKU). Thread-safe.
 */
final class LeanHost implements HostOrders, HostCatalog, HostInventory, HostFulfilment {

    private final String hub;
    private final AtomicLong upserts = new AtomicLong();
    private final AtomicLong creates = new AtomicLong();

    /**
     * A host whose stock is all in {@code hub}.
     *
     * @param hub the hub the stock is reported in
     */
    LeanHost(String hub) {
        this.hub = hub;
    }

    /** SKUs upserted so far (repeats included). */
    long upserts() {
        return upserts.get();
    }

    /** Orders created so far (repeats included). */
    long creates() {
        return creates.get();
    }

    @Override
    public String createOrder(ImportedOrder order) {
        creates.incrementAndGet();
        return "H-" + order.orderNo();
    }

    @Override
    public void cancelOrder(String orderNo, String hostOrderId, String reason) {
        // nothing kept
    }

    @Override
    public void upsertSku(Product product) {
        upserts.incrementAndGet();
    }

    @Override
    public ChangeFeed<String> changedSkus(Optional<String> afterToken) {
        return ChangeFeed.of(List.of(), afterToken.orElse("0"), false);
    }

    @Override
    public List<StockLevel> available(Collection<String> vendorSkuCodes) {
        List<StockLevel> levels = new ArrayList<>(vendorSkuCodes.size());
        for (String code : vendorSkuCodes) {
            levels.add(StockLevel.of(code, hub, BigDecimal.valueOf(1 + Math.floorMod(code.hashCode(), 50))));
        }
        return levels;
    }

    @Override
    public ChangeFeed<HostEvent> events(Optional<String> afterToken) {
        return ChangeFeed.of(List.of(), afterToken.orElse("0"), false);
    }

    @Override
    public void shipmentCreated(String orderNo, String invoiceNo, Document label) {
        // nothing kept
    }
}
