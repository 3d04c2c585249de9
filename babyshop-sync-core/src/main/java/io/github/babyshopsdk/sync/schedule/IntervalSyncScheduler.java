package io.github.babyshopsdk.sync.schedule;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.spi.SyncScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The default {@link SyncScheduler}: each flow runs when its interval has passed since its last run.
 * Defaults: orders every 30 minutes (as Babyshop documents), cancellations and shipments every 5
 * minutes, inventory every 15 minutes, catalog every 6 hours, reconciliation daily. Shorter intervals are allowed; the quota
 * budget, not the schedule, keeps them safe. A flow that stopped for quota with work left does not wait for its
 * interval: the engine runs it again when its tier next gets a permit (see {@link SyncScheduler}). Immutable and
 * thread-safe.
 */
public final class IntervalSyncScheduler implements SyncScheduler {
    private final Map<Flow, Duration> intervals;

    private IntervalSyncScheduler(Map<Flow, Duration> intervals) {
        this.intervals = new EnumMap<>(intervals);
    }

    /** The default intervals. */
    public static IntervalSyncScheduler defaults() {
        Map<Flow, Duration> intervals = new EnumMap<>(Flow.class);
        intervals.put(Flow.ORDERS, Duration.ofMinutes(30));
        intervals.put(Flow.CANCELLATIONS, Duration.ofMinutes(5));
        intervals.put(Flow.SHIPMENTS, Duration.ofMinutes(5));
        intervals.put(Flow.INVENTORY, Duration.ofMinutes(15));
        intervals.put(Flow.CATALOG, Duration.ofHours(6));
        intervals.put(Flow.RECONCILIATION, Duration.ofDays(1));
        return new IntervalSyncScheduler(intervals);
    }

    /** Every flow on the same interval (e.g. for a bridge run by cycles). */
    public static IntervalSyncScheduler every(Duration interval) {
        IntervalSyncScheduler result = defaults();
        for (Flow flow : Flow.values()) {
            result = result.with(flow, interval);
        }
        return result;
    }

    /**
     * A copy with {@code flow} on {@code interval}.
     *
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    public IntervalSyncScheduler with(Flow flow, Duration interval) {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("interval of " + flow + " must not be negative, was " + interval);
        }
        Map<Flow, Duration> copy = new EnumMap<>(intervals);
        copy.put(flow, interval);
        return new IntervalSyncScheduler(copy);
    }

    /** The interval of {@code flow}. */
    public Duration interval(Flow flow) {
        return intervals.get(flow);
    }

    @Override
    public boolean isDue(Flow flow, Optional<Instant> lastRun, Instant now) {
        return lastRun.map(last -> !now.isBefore(last.plus(intervals.get(flow)))).orElse(true);
    }

    /** {@code lastRun} plus the flow's interval; {@code now} when the flow never ran. */
    @Override
    public Optional<Instant> nextDue(Flow flow, Optional<Instant> lastRun, Instant now) {
        return Optional.of(lastRun.map(last -> last.plus(intervals.get(flow))).orElse(now));
    }

    @Override
    public String toString() {
        return "IntervalSyncScheduler" + intervals;
    }
}
