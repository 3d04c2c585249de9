package io.github.babyshopsdk.sync.schedule;

import io.github.babyshopsdk.sync.SyncEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link SyncEngine#runDue} on a {@link ScheduledExecutorService} every {@code tick}: the ready
 * adapter for hosts without a scheduler of their own. The engine's scheduler decides which flows are
 * due at each tick. Thread-safe; {@link #close()} stops ticking (the executor stays the caller's).
 */
public final class ExecutorSyncRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorSyncRunner.class);

    private final ScheduledFuture<?> task;

    private ExecutorSyncRunner(ScheduledFuture<?> task) {
        this.task = task;
    }

    /**
     * Starts ticking on {@code executor}: the first tick at once, then {@code tick} after each one ends.
     *
     * @throws IllegalArgumentException if {@code tick} is not positive
     */
    public static ExecutorSyncRunner start(SyncEngine engine, ScheduledExecutorService executor, Duration tick,
                                           Clock clock) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(clock, "clock");
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be a positive duration, was " + tick);
        }
        Runnable step = () -> {
            try {
                engine.runDue(clock.instant());
            } catch (RuntimeException e) {
                // keep ticking: a failed tick must not cancel the schedule
                LOG.warn("sync tick failed: {}", io.github.babyshopsdk.sync.internal.LogSafe.of(e));
            }
        };
        return new ExecutorSyncRunner(executor.scheduleWithFixedDelay(step, 0, tick.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Whether it still ticks. */
    public boolean isRunning() {
        return !task.isDone();
    }

    /** Stops ticking; a tick in progress finishes. */
    @Override
    public void close() {
        task.cancel(false);
    }
}
