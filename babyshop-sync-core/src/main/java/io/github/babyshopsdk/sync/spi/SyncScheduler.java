package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.sync.Flow;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides when each flow is due. The engine's {@code runDue(now)} asks it for every flow; host
 * schedulers (Quartz, Spring, the engine's executor adapter) only decide how often to call
 * {@code runDue}. Implementations must be thread-safe and free of side effects.
 *
 * <p><b>Backlogs continue on the engine's rule, not the scheduler's.</b> A run that stopped for quota with work
 * left ({@link io.github.babyshopsdk.sync.FlowOutcome#WAITING_ON_QUOTA}) gets a continuation time
 * ({@link io.github.babyshopsdk.sync.FlowReport#continueAt()}: when its tier next gets a permit), and
 * {@code runDue} runs that flow once that time has come whatever {@link #isDue} says; the scheduler decides only
 * the regular runs. A host should therefore call {@code runDue} at {@code SyncEngine.nextDue(now)} (or on a tick
 * of a minute or less), not only at the intervals.
 *
 * @see io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler the default, per-flow intervals
 */
@FunctionalInterface
public interface SyncScheduler {

    /**
     * Whether {@code flow} should run at {@code now}.
     *
     * @param lastRun when the flow last finished a run, or empty if it never ran
     */
    boolean isDue(Flow flow, Optional<Instant> lastRun, Instant now);

    /**
     * The earliest instant at which {@link #isDue} becomes true for {@code flow} (at or before {@code now} when it
     * is due already), so a host can sleep until then; empty when this scheduler cannot tell (the host then calls
     * {@code runDue} on a tick). Must agree with {@link #isDue}. The default cannot tell: empty.
     *
     * @param lastRun when the flow last finished a run, or empty if it never ran
     */
    default Optional<Instant> nextDue(Flow flow, Optional<Instant> lastRun, Instant now) {
        return Optional.empty();
    }
}
