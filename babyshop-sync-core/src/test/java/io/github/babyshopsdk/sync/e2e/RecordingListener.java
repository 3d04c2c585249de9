package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.OrderReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SyncListener} that records every event as one text line, {@code "<kind> <subject>: <detail>"},
 * e.g. {@code "skuRejected BS-TOY-00003: no valid Vendor SKU Code"}, and keeps every flow report.
 * Thread-safe.
 */
final class RecordingListener implements SyncListener {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<FlowReport> reports = new CopyOnWriteArrayList<>();

    /** Every event, in order. */
    List<String> events() {
        return new ArrayList<>(events);
    }

    /** The events of one kind, e.g. {@code "itemLevelChange"}. */
    List<String> events(String kind) {
        return events.stream().filter(event -> event.startsWith(kind + " ")).toList();
    }

    /** The subjects (order number, SKU, ...) of the events of one kind. */
    List<String> subjects(String kind) {
        return events(kind).stream().map(event -> {
            String rest = event.substring(kind.length() + 1);
            int colon = rest.indexOf(':');
            return colon < 0 ? rest : rest.substring(0, colon);
        }).toList();
    }

    /** Every flow report, in order. */
    List<FlowReport> reports() {
        return new ArrayList<>(reports);
    }

    void clear() {
        events.clear();
        reports.clear();
    }

    @Override
    public void flowStarted(Flow flow) {
        // reports are enough
    }

    @Override
    public void flowFinished(FlowReport report) {
        reports.add(report);
    }

    @Override
    public void orderImported(String orderNo, String hostOrderId, String hub) {
        events.add("orderImported " + orderNo + ": " + hostOrderId + " @" + hub);
    }

    @Override
    public void orderSkipped(String orderNo, OrderReason reason, String detail) {
        events.add("orderSkipped " + orderNo + ": " + reason.label() + " - " + detail);
    }

    @Override
    public void orderCancelled(String orderNo, String hostOrderId) {
        events.add("orderCancelled " + orderNo + ": " + hostOrderId);
    }

    @Override
    public void itemLevelChange(String orderNo, String detail) {
        events.add("itemLevelChange " + orderNo + ": " + detail);
    }

    @Override
    public void skuRejected(String sku, String reason) {
        events.add("skuRejected " + sku + ": " + reason);
    }

    @Override
    public void inventoryPushed(String vendorSkuCode, BigDecimal quantity) {
        events.add("inventoryPushed " + vendorSkuCode + ": " + quantity.toPlainString());
    }

    @Override
    public void inventoryRejected(String vendorSkuCode, String reason) {
        events.add("inventoryRejected " + vendorSkuCode + ": " + reason);
    }

    @Override
    public void outboundSettled(String orderNo, String operation, String status, String detail) {
        events.add("outboundSettled " + orderNo + ": " + operation + " " + status + " - " + detail);
    }

    @Override
    public void waitingForQuota(Flow flow, Instant until) {
        events.add("waitingForQuota " + flow + ": " + until);
    }

    @Override
    public void warning(String message) {
        events.add("warning " + message);
    }

    @Override
    public void orderRepaired(String orderNo, String what) {
        events.add("orderRepaired " + orderNo + ": " + what);
    }

    @Override
    public void skuRepaired(String vendorSkuCode, String what) {
        events.add("skuRepaired " + vendorSkuCode + ": " + what);
    }
}
