package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Instant;
import java.util.Optional;

/**
 * The hint-only orders run: when the orders flow is not due but order hints are, the engine runs this under the
 * orders lease and quota tier. No orderList: only orderFetch of the due hints ({@link OrderHints#drain}), with the
 * rules of a polled order. It reports as an orders run ({@link Flow#ORDERS}) but does not count as one: the orders
 * flow's last run and continuation are not touched, so polling keeps its interval. A run that fails or stops for
 * quota sets {@link #NOT_BEFORE} ({@link #notBefore}) so the next one waits for {@link EngineOptions#retryDelay()}
 * or the tier's next permit. Stateless and thread-safe.
 */
public final class HintOnlyRun implements FlowRun {
    /** The cursor: no hint-only run before this instant (empty text: none). */
    public static final String NOT_BEFORE = "orders.hints.notBefore";

    @Override
    public Flow flow() {
        return Flow.ORDERS;
    }

    @Override
    public FlowReport run(FlowContext context, Instant now) {
        return OrderHints.drain(context, now);
    }

    /**
     * When hints make a hint-only run due, read in {@code tx}: the earliest pending hint's due time, not before
     * {@link #NOT_BEFORE}; empty when no hint is pending or order sync is off.
     */
    public static Optional<Instant> due(SyncTransaction tx) {
        if (!tx.settings().settings().orderSync()) {
            return Optional.empty();
        }
        Optional<Instant> earliest = tx.hints().earliestDue();
        if (earliest.isEmpty()) {
            return earliest;
        }
        Optional<Instant> notBefore = FlowContinuation.parse(tx.cursors().get(NOT_BEFORE));
        return notBefore.filter(at -> at.isAfter(earliest.get())).or(() -> earliest);
    }

    /**
     * When the next hint-only run may start after {@code report} (a settled report of a hint-only run): a run that
     * stopped for quota at its continuation (the tier's next permit), one that failed (Babyshop or the store down)
     * {@code retryDelay} after it ended; empty otherwise.
     */
    public static Optional<Instant> notBefore(FlowReport report, EngineOptions options) {
        if (report.outcome() == FlowOutcome.WAITING_ON_QUOTA) {
            return report.continueAt().or(() -> Optional.of(report.finishedAt().plus(FlowContinuation.FALLBACK)));
        }
        if (report.outcome() == FlowOutcome.FAILED) {
            return Optional.of(report.finishedAt().plus(options.retryDelay()));
        }
        return Optional.empty();
    }
}
