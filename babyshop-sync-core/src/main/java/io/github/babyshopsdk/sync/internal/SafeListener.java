package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.OrderReason;
import java.math.BigDecimal;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forwards to the host's listener and logs (never rethrows) what it throws. */
final class SafeListener implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
    private final SyncListener delegate;

    private SafeListener(SyncListener delegate) {
        this.delegate = delegate;
    }

    static SyncListener wrap(SyncListener listener) {
        return listener instanceof SafeListener ? listener : new SafeListener(listener);
    }

    private void safely(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("sync listener failed on {}: {}", event, LogSafe.of(e));
        }
    }

    @Override
    public void flowStarted(Flow flow) {
        safely("flowStarted", () -> delegate.flowStarted(flow));
    }

    @Override
    public void flowFinished(FlowReport report) {
        safely("flowFinished", () -> delegate.flowFinished(report));
    }

    @Override
    public void orderImported(String orderNo, String hostOrderId, String hub) {
        safely("orderImported", () -> delegate.orderImported(orderNo, hostOrderId, hub));
    }

    @Override
    public void orderSkipped(String orderNo, OrderReason reason, String detail) {
        safely("orderSkipped", () -> delegate.orderSkipped(orderNo, reason, detail));
    }

    @Override
    public void orderCancelled(String orderNo, String hostOrderId) {
        safely("orderCancelled", () -> delegate.orderCancelled(orderNo, hostOrderId));
    }

    @Override
    public void itemLevelChange(String orderNo, String detail) {
        safely("itemLevelChange", () -> delegate.itemLevelChange(orderNo, detail));
    }

    @Override
    public void skuRejected(String sku, String reason) {
        safely("skuRejected", () -> delegate.skuRejected(sku, reason));
    }

    @Override
    public void inventoryPushed(String vendorSkuCode, BigDecimal quantity) {
        safely("inventoryPushed", () -> delegate.inventoryPushed(vendorSkuCode, quantity));
    }

    @Override
    public void inventoryRejected(String vendorSkuCode, String reason) {
        safely("inventoryRejected", () -> delegate.inventoryRejected(vendorSkuCode, reason));
    }

    @Override
    public void outboundSettled(String orderNo, String operation, String status, String detail) {
        safely("outboundSettled", () -> delegate.outboundSettled(orderNo, operation, status, detail));
    }

    @Override
    public void waitingForQuota(Flow flow, Instant until) {
        safely("waitingForQuota", () -> delegate.waitingForQuota(flow, until));
    }

    @Override
    public void warning(String message) {
        safely("warning", () -> delegate.warning(message));
    }

    @Override
    public void ordersCursor(Instant cursor) {
        safely("ordersCursor", () -> delegate.ordersCursor(cursor));
    }

    @Override
    public void orderRepaired(String orderNo, String what) {
        safely("orderRepaired", () -> delegate.orderRepaired(orderNo, what));
    }

    @Override
    public void skuRepaired(String vendorSkuCode, String what) {
        safely("skuRepaired", () -> delegate.skuRepaired(vendorSkuCode, what));
    }
}
