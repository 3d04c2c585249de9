package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.config.StoreSettings;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciliation flow ({@link Flow#RECONCILIATION}, the lowest priority): over
 * {@link io.github.babyshopsdk.sync.EngineOptions#reconciliationWindow()} (default the last 7 days) it compares
 * Babyshop with the engine's records and the host and repairs what differs, with Order Sync on
 * ({@link OrderReconciliation}: missing orders imported, orders the host lost created again, orders cancelled on
 * Babyshop while live in the host cancelled per the rules) and with Inventory Sync on ({@link SkuReconciliation}:
 * linked SKUs Babyshop changed queued for a re-push). Orders go first.
 *
 * <p>Quota-aware: it runs in the least urgent tier and never waits; when the budget refuses it a call it ends
 * {@link FlowOutcome#WAITING_ON_QUOTA} with what it repaired so far committed, and the engine continues it when the
 * tier next gets a permit (the next run compares again from the start of the window: what was repaired no longer
 * differs). The report's {@code fetched} is the orders and products listed, {@code imported} the orders imported
 * or created again, {@code updated} the orders cancelled, {@code repaired} every order repaired plus every SKU
 * queued; each repair is also told to the listener ({@code orderRepaired}, {@code skuRepaired}). Stateless and
 * thread-safe; the engine's lease keeps two runs of one store apart.
 */
final class ReconciliationFlow implements FlowRun {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationFlow.class);

    @Override
    public Flow flow() {
        return Flow.RECONCILIATION;
    }

    @Override
    public FlowReport run(FlowContext context, Instant now) {
        StoreSettings settings = context.store().inTransaction(tx -> tx.settings().settings());
        OrderReconciliation orders = new OrderReconciliation(context, now);
        SkuReconciliation skus = new SkuReconciliation(context, now);
        FlowOutcome outcome = FlowOutcome.COMPLETED;
        try {
            if (settings.orderSync()) {
                orders.run();
            }
            if (orders.applied().map(r -> r.outcome() == FlowOutcome.INTERRUPTED).orElse(false)) {
                outcome = FlowOutcome.INTERRUPTED;
            } else if (settings.inventorySync() && !Thread.currentThread().isInterrupted()) {
                skus.run();
            }
        } catch (QuotaExceededException e) {
            LOG.info("reconciliation: no quota left for this tier, it continues later: {}", LogSafe.of(e.getMessage()));
            outcome = FlowOutcome.WAITING_ON_QUOTA;
        }
        FlowReport.Builder report = FlowReport.builder().flow(Flow.RECONCILIATION).outcome(outcome).startedAt(now)
                .finishedAt(context.clock().instant()).fetched(orders.listed() + skus.listed())
                .repaired(orders.repaired() + skus.requeued()).quotaRemaining(context.quota().remaining());
        orders.applied().ifPresent(applied -> report.imported(applied.imported()).updated(applied.updated())
                .failed(applied.failed()).putAllSkipped(applied.skipped()));
        return report.build();
    }
}
