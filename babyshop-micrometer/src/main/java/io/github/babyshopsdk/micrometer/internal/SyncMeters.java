package io.github.babyshopsdk.micrometer.internal;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of the meters: a {@link SyncListener} that turns flow reports, quota waits, warnings and the
 * orders cursor into meters. Only low-cardinality tags (flow, outcome, kind, reason): never an order number, a
 * SKU or a message. Never throws from a callback (a failing dead-letter supplier is logged at debug and its last
 * figures kept). Thread-safe: callbacks may come from several flow threads at once.
 */
public final class SyncMeters implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(SyncMeters.class);
    /** The record counts of a report, as {@link MeterNames#KIND} values. */
    private static final List<String> KINDS = List.of("fetched", "imported", "updated", "pushed", "failed", "repaired");

    private final MeterRegistry registry;
    private final Tags tags;
    private final Clock clock;
    private final Supplier<Map<Flow, Long>> deadLetters;
    private final Set<Meter> meters = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Flow, Instant> lastCompleted = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> ordersCursor = new AtomicReference<>();
    private final AtomicReference<Instant> ordersCompletedFrom = new AtomicReference<>();
    private final AtomicReference<Map<Flow, Long>> deadLetterCounts = new AtomicReference<>();
    private final AtomicReference<Integer> reportedQuota = new AtomicReference<>();
    private final Counter warnings;

    /**
     * Registers the gauges and the zeroed record counters at once; timers and the other counters appear with
     * their first event.
     *
     * @param deadLetters dead letters by flow, read after every flow run; null for no dead-letter gauges
     * @param quotaFromReports whether to register {@link MeterNames#QUOTA_REMAINING} from the reports' figure
     *     (when no client is bound)
     */
    public SyncMeters(MeterRegistry registry, Tags tags, Clock clock, Supplier<Map<Flow, Long>> deadLetters,
                      boolean quotaFromReports) {
        this.registry = registry;
        this.tags = tags;
        this.clock = clock;
        this.deadLetters = deadLetters;
        for (Flow flow : Flow.values()) {
            for (String kind : KINDS) {
                records(flow, kind);
            }
            track(TimeGauge.builder(MeterNames.SYNC_SINCE_COMPLETED, this, TimeUnit.SECONDS,
                            m -> m.secondsSince(m.lastCompleted.get(flow)))
                    .description("time since the flow's last completed run (NaN until one)")
                    .tags(tags).tag(MeterNames.FLOW, MeterNames.tag(flow)).strongReference(true).register(registry));
            if (deadLetters != null) {
                track(Gauge.builder(MeterNames.SYNC_DEAD_LETTERS, this, m -> m.deadLettersOf(flow))
                        .description("dead letters of the flow waiting for an operator (read after each run)")
                        .tags(tags).tag(MeterNames.FLOW, MeterNames.tag(flow)).strongReference(true)
                        .register(registry));
            }
        }
        track(TimeGauge.builder(MeterNames.SYNC_ORDERS_LAG, this, TimeUnit.SECONDS, SyncMeters::ordersLagSeconds)
                .description("how far behind Babyshop the order import is: now minus the later of the orders cursor "
                        + "and the start of the last completed orders run (NaN until an orders run)")
                .tags(tags).strongReference(true).register(registry));
        if (quotaFromReports) {
            track(Gauge.builder(MeterNames.QUOTA_REMAINING, this, m -> {
                Integer left = m.reportedQuota.get();
                return left == null ? Double.NaN : left;
            }).description("calls left in the quota budget at the end of the last flow run").tags(tags)
                    .strongReference(true).register(registry));
        }
        this.warnings = track(Counter.builder(MeterNames.SYNC_WARNINGS)
                .description("warnings the engine gave (a configuration that loses work, a refused partial cancellation)")
                .tags(tags).register(registry));
    }

    private <M extends Meter> M track(M meter) {
        meters.add(meter);
        return meter;
    }

    /** Every meter this listener registered so far. */
    public Set<Meter> meters() {
        return Set.copyOf(meters);
    }

    private Counter records(Flow flow, String kind) {
        return counter(MeterNames.SYNC_RECORDS + "|" + flow + "|" + kind, () -> Counter.builder(MeterNames.SYNC_RECORDS)
                .description("records handled by the flow's runs, by kind (fetched, imported, updated, pushed, failed)")
                .tags(tags).tag(MeterNames.FLOW, MeterNames.tag(flow)).tag(MeterNames.KIND, kind));
    }

    private Counter counter(String key, Supplier<Counter.Builder> builder) {
        return counters.computeIfAbsent(key, k -> track(builder.get().register(registry)));
    }

    @Override
    public void flowFinished(FlowReport report) {
        Flow flow = report.flow();
        Duration took = Duration.between(report.startedAt(), report.finishedAt());
        timers.computeIfAbsent(flow + "|" + report.outcome(), k -> track(Timer.builder(MeterNames.SYNC_RUNS)
                .description("flow runs, by flow and outcome, and how long they took")
                .tags(tags).tag(MeterNames.FLOW, MeterNames.tag(flow))
                .tag(MeterNames.OUTCOME, MeterNames.tag(report.outcome())).register(registry)))
                .record(took.isNegative() ? Duration.ZERO : took);
        int[] counts = {report.fetched(), report.imported(), report.updated(), report.pushed(), report.failed(),
            report.repaired()};
        for (int i = 0; i < KINDS.size(); i++) {
            if (counts[i] > 0) {
                records(flow, KINDS.get(i)).increment(counts[i]);
            }
        }
        for (Map.Entry<OrderReason, Integer> skipped : report.skipped().entrySet()) {
            OrderReason reason = skipped.getKey();
            counter(MeterNames.SYNC_ORDERS_SKIPPED + "|" + reason, () -> Counter.builder(MeterNames.SYNC_ORDERS_SKIPPED)
                    .description("orders not imported or not updated, by reason").tags(tags)
                    .tag(MeterNames.REASON, MeterNames.tag(reason))).increment(skipped.getValue());
        }
        if (report.outcome() == FlowOutcome.COMPLETED) {
            lastCompleted.merge(flow, report.finishedAt(), SyncMeters::later);
            if (flow == Flow.ORDERS) {
                ordersCompletedFrom.accumulateAndGet(report.startedAt(), SyncMeters::later);
            }
        }
        report.quotaRemaining().ifPresent(reportedQuota::set);
        refreshDeadLetters();
    }

    @Override
    public void waitingForQuota(Flow flow, Instant until) {
        counter(MeterNames.SYNC_QUOTA_WAITS + "|" + flow, () -> Counter.builder(MeterNames.SYNC_QUOTA_WAITS)
                .description("times a run of the flow waited for the quota window").tags(tags)
                .tag(MeterNames.FLOW, MeterNames.tag(flow))).increment();
    }

    @Override
    public void warning(String message) {
        warnings.increment();
    }

    @Override
    public void ordersCursor(Instant cursor) {
        ordersCursor.accumulateAndGet(cursor, SyncMeters::later);
    }

    private void refreshDeadLetters() {
        if (deadLetters == null) {
            return;
        }
        try {
            Map<Flow, Long> counts = deadLetters.get();
            if (counts != null) {
                deadLetterCounts.set(Map.copyOf(counts));
            }
        } catch (RuntimeException e) {
            LOG.debug("the dead-letter counts could not be read; the gauges keep their last figures ({})",
                    e.getClass().getSimpleName());
        }
    }

    private double deadLettersOf(Flow flow) {
        Map<Flow, Long> counts = deadLetterCounts.get();
        if (counts == null) {
            return Double.NaN;
        }
        Long count = counts.get(flow);
        return count == null ? 0 : count;
    }

    private double ordersLagSeconds() {
        Instant cursor = ordersCursor.get();
        Instant completed = ordersCompletedFrom.get();
        Instant progress = cursor == null ? completed : completed == null ? cursor : later(cursor, completed);
        return secondsSince(progress);
    }

    private double secondsSince(Instant instant) {
        if (instant == null) {
            return Double.NaN;
        }
        double seconds = Duration.between(instant, clock.instant()).toMillis() / 1000.0;
        return Math.max(0, seconds);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
