package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.state.OrderReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link SyncListener#composite}: tells every listener each event, in order; a throwing listener does not keep
 * the others from hearing it (the first exception is rethrown after all were told). Every {@link SyncListener}
 * method is forwarded (a test checks that none is left to its default). Immutable and thread-safe.
 */
final class CompositeSyncListener implements SyncListener {
    private final List<SyncListener> listeners;

    CompositeSyncListener(List<SyncListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(Consumer<SyncListener> event) {
        RuntimeException first = null;
        for (SyncListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void flowStarted(Flow flow) {
        each(l -> l.flowStarted(flow));
    }

    @Override
    public void flowFinished(FlowReport report) {
        each(l -> l.flowFinished(report));
    }

    @Override
    public void orderImported(String orderNo, String hostOrderId, String hub) {
        each(l -> l.orderImported(orderNo, hostOrderId, hub));
    }

    @Override
    public void orderSkipped(String orderNo, OrderReason reason, String detail) {
        each(l -> l.orderSkipped(orderNo, reason, detail));
    }

    @Override
    public void orderCancelled(String orderNo, String hostOrderId) {
        each(l -> l.orderCancelled(orderNo, hostOrderId));
    }

    @Override
    public void itemLevelChange(String orderNo, String detail) {
        each(l -> l.itemLevelChange(orderNo, detail));
    }

    @Override
    public void skuRejected(String sku, String reason) {
        each(l -> l.skuRejected(sku, reason));
    }

    @Override
    public void inventoryPushed(String vendorSkuCode, BigDecimal quantity) {
        each(l -> l.inventoryPushed(vendorSkuCode, quantity));
    }

    @Override
    public void inventoryRejected(String vendorSkuCode, String reason) {
        each(l -> l.inventoryRejected(vendorSkuCode, reason));
    }

    @Override
    public void outboundSettled(String orderNo, String operation, String status, String detail) {
        each(l -> l.outboundSettled(orderNo, operation, status, detail));
    }

    @Override
    public void waitingForQuota(Flow flow, Instant until) {
        each(l -> l.waitingForQuota(flow, until));
    }

    @Override
    public void warning(String message) {
        each(l -> l.warning(message));
    }

    @Override
    public void ordersCursor(Instant cursor) {
        each(l -> l.ordersCursor(cursor));
    }

    @Override
    public void orderRepaired(String orderNo, String what) {
        each(l -> l.orderRepaired(orderNo, what));
    }

    @Override
    public void skuRepaired(String vendorSkuCode, String what) {
        each(l -> l.skuRepaired(vendorSkuCode, what));
    }

    @Override
    public String toString() {
        return "SyncListener.composite" + listeners;
    }
}
