package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.state.OrderReason;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Progress and metrics from the engine: every method has an empty default, so a host implements only
 * what it shows. Called on the thread that runs the flow; implementations must be thread-safe, quick,
 * and must not throw (a throwing listener is logged and ignored).
 */
public interface SyncListener {

    /** The start of the {@link #skuRejected} reason for a product without a valid Vendor SKU Code. */
    String NO_VENDOR_SKU_CODE = "no valid Vendor SKU Code";

    /** A flow run started. */
    default void flowStarted(Flow flow) {
    }

    /** A flow run ended: counts, outcome, quota left. */
    default void flowFinished(FlowReport report) {
    }

    /** An order was created in the host. */
    default void orderImported(String orderNo, String hostOrderId, String hub) {
    }

    /** An order was not imported, or not updated, and why. */
    default void orderSkipped(String orderNo, OrderReason reason, String detail) {
    }

    /** A Babyshop-side cancellation cancelled the host order. */
    default void orderCancelled(String orderNo, String hostOrderId) {
    }

    /** A line was cancelled or a quantity changed on Babyshop: reported, not applied. */
    default void itemLevelChange(String orderNo, String detail) {
    }

    /** A SKU was not imported (e.g. no valid Vendor SKU Code). */
    default void skuRejected(String sku, String reason) {
    }

    /** Babyshop acknowledged a stock level. */
    default void inventoryPushed(String vendorSkuCode, BigDecimal quantity) {
    }

    /** A stock push was refused for one SKU (e.g. unknown SKU). */
    default void inventoryRejected(String vendorSkuCode, String reason) {
    }

    /** An outbound operation was acknowledged, skipped or dead-lettered. */
    default void outboundSettled(String orderNo, String operation, String status, String detail) {
    }

    /**
     * A run of {@code flow} (a most urgent flow: orders or cancellations) waits for the quota window: its
     * next call may be made at {@code until}. Called once per refused call before the wait starts; the
     * engine keeps the flow's lease meanwhile. Less urgent flows never wait: they end
     * {@link io.github.babyshopsdk.sync.FlowOutcome#WAITING_ON_QUOTA} and go on at their next run.
     */
    default void waitingForQuota(Flow flow, Instant until) {
    }

    /** Something the host should look at (a configuration that loses work, a refused partial cancellation). */
    default void warning(String message) {
    }

    /**
     * Where the orders flow stands after one of its runs: every order updated on Babyshop before {@code cursor}
     * has been handled (imported, skipped with a reason, or quarantined); orders updated at or after it are read
     * again by the next run. Called once after each orders run that ran (not when the flow is disabled or its
     * lease is held elsewhere) and once a cursor exists, just before {@link #flowFinished}. The distance from now
     * to it is the import's lag; it also grows while no order is updated on Babyshop, so read it together with
     * the run's outcome (a {@link io.github.babyshopsdk.sync.FlowOutcome#COMPLETED completed} run has read
     * everything listed when it started).
     */
    default void ordersCursor(Instant cursor) {
    }

    /**
     * Reconciliation repaired an order: {@code what} says how (imported because missing, created again because the
     * host lost it, cancelled because cancelled on Babyshop).
     */
    default void orderRepaired(String orderNo, String what) {
    }

    /** Reconciliation repaired a linked SKU: {@code what} says how (e.g. a re-push queued). */
    default void skuRepaired(String vendorSkuCode, String what) {
    }

    /** A listener that does nothing. */
    static SyncListener none() {
        return new SyncListener() {
        };
    }

    /**
     * A listener that tells each of {@code listeners} every event, in the order given. A listener that throws does
     * not keep the others from hearing the event: the first exception is rethrown once all were told (the engine
     * logs and ignores it). Thread-safe when every listener is.
     *
     * @throws NullPointerException if {@code listeners} or one of them is null
     */
    static SyncListener composite(SyncListener... listeners) {
        return new CompositeSyncListener(java.util.List.of(listeners));
    }
}
