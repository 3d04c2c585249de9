package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.spi.SyncListener;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SyncListener} that records the catalog and inventory events as text lines, e.g.
 * {@code "skuRejected S1: no valid Vendor SKU Code"} or {@code "inventoryPushed V1=5"}. Thread-safe.
 */
final class CatInvRecordingListener implements SyncListener {
    private final List<String> events = new CopyOnWriteArrayList<>();

    /** Every event, in order. */
    List<String> events() {
        return new ArrayList<>(events);
    }

    /** The events that start with {@code kind}. */
    List<String> events(String kind) {
        return events.stream().filter(event -> event.startsWith(kind + " ")).toList();
    }

    void clear() {
        events.clear();
    }

    @Override
    public void skuRejected(String sku, String reason) {
        events.add("skuRejected " + sku + ": " + reason);
    }

    @Override
    public void inventoryPushed(String vendorSkuCode, BigDecimal quantity) {
        events.add("inventoryPushed " + vendorSkuCode + "=" + quantity.toPlainString());
    }

    @Override
    public void inventoryRejected(String vendorSkuCode, String reason) {
        events.add("inventoryRejected " + vendorSkuCode + ": " + reason);
    }

    @Override
    public void warning(String message) {
        events.add("warning " + message);
    }
}
