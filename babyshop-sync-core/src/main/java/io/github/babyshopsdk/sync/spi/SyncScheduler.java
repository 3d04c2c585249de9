package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.sync.Flow;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides when each flow is due. The engine's {@code runDue(now)} asks it for every flow; host
 * schedulers (Quartz, Spring, the engine's executor adapter) only decide how often to call
 * {@code runDue}. Implementations must be thread-safe and free of side effects.
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
}
