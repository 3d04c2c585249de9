package io.github.babyshopsdk.sync.schedule;

import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.internal.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link SyncEngine#runDue} on a {@link ScheduledExecutorService}: the ready adapter for hosts without a
 * scheduler of their own. The engine decides which flows are due at each call. After each call it waits until
 * {@link SyncEngine#nextDue} (the earliest regular run or continuation of a flow that stopped for quota with work
 * left), but never longer than {@code tick} and never shorter than {@link #MIN_DELAY} (or {@code tick} if that
 * is shorter): a backlog goes on at its tier's next free quota slot, not at the next tick. Thread-safe;
 * {@link #close()} stops it (the executor stays the caller's).
 */
public final class ExecutorSyncRunner implements AutoCloseable {
    /**
     * The shortest wait between two calls (1 second): a flow that is due but cannot run here (its lease is held by
     * another node) is asked again at this pace at most.
     */
    public static final Duration MIN_DELAY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorSyncRunner.class);

    private final SyncEngine engine;
    private final ScheduledExecutorService executor;
    private final Duration tick;
    private final Clock clock;
    private final Object lock = new Object();
    private ScheduledFuture<?> next;
    private boolean closed;
    /** A {@link #wake()} came while a call was in progress: the next call follows that one at once. */
    private boolean woken;

    private ExecutorSyncRunner(SyncEngine engine, ScheduledExecutorService executor, Duration tick, Clock clock) {
        this.engine = engine;
        this.executor = executor;
        this.tick = tick;
        this.clock = clock;
    }

    /**
     * Starts on {@code executor}: the first call at once, then each next one when {@link SyncEngine#nextDue} says
     * (at most {@code tick} after the previous one ended).
     *
     * @param tick the longest wait between two calls (also the polling interval for flows whose scheduler cannot
     *     tell when they are due)
     * @throws IllegalArgumentException if {@code tick} is not positive
     * @throws RejectedExecutionException if the executor refuses the first call
     */
    public static ExecutorSyncRunner start(SyncEngine engine, ScheduledExecutorService executor, Duration tick,
                                           Clock clock) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(clock, "clock");
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be a positive duration, was " + tick);
        }
        ExecutorSyncRunner runner = new ExecutorSyncRunner(engine, executor, tick, clock);
        runner.schedule(Duration.ZERO);
        return runner;
    }

    /**
     * The wait of a host loop after a {@code runDue} call that ended at {@code now}: until {@code nextDue}
     * ({@link SyncEngine#nextDue}), but at least {@link #MIN_DELAY} (or {@code tick} if that is shorter) and at most
     * {@code tick}; {@code tick} when {@code nextDue} is empty. Pure; for hosts with a loop of their own.
     *
     * @throws IllegalArgumentException if {@code tick} is not positive
     */
    public static Duration delay(Optional<Instant> nextDue, Instant now, Duration tick) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be a positive duration, was " + tick);
        }
        Duration floor = MIN_DELAY.compareTo(tick) < 0 ? MIN_DELAY : tick;
        Duration wait = nextDue.map(due -> Duration.between(now, due)).orElse(tick);
        if (wait.compareTo(floor) < 0) {
            return floor;
        }
        return wait.compareTo(tick) > 0 ? tick : wait;
    }

    private void step() {
        try {
            engine.runDue(clock.instant());
        } catch (RuntimeException e) {
            // keep going: a failed call must not cancel the schedule
            LOG.warn("sync tick failed: {}", LogSafe.of(e));
        }
        Duration wait = tick;
        try {
            wait = delay(engine.nextDue(clock.instant()), clock.instant(), tick);
        } catch (RuntimeException e) {
            LOG.warn("could not tell when a flow is next due; asking again in {}: {}", tick, LogSafe.of(e));
        }
        schedule(wait);
    }

    /**
     * Calls the engine again as soon as it can instead of at the end of the current wait: for a host that just gave
     * the engine work that is due soon, such as order hints ({@link SyncEngine#hint}, due after
     * {@link io.github.babyshopsdk.sync.EngineOptions#hintDelay()}; the call after this one is then scheduled for that
     * time by {@link SyncEngine#nextDue}). A call in progress is not interrupted: the next one follows it at once. Does
     * nothing once closed. Thread-safe; cheap (no store read on the caller's thread).
     */
    public void wake() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (next != null && next.cancel(false)) {
                schedule(Duration.ZERO);
            } else {
                woken = true;
            }
        }
    }

    private void schedule(Duration wait) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (woken) {
                woken = false;
                wait = Duration.ZERO;
            }
            try {
                next = executor.schedule(this::step, wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                closed = true;
                if (next == null) {
                    throw e;
                }
                LOG.warn("the executor refused the next sync call; the runner stops");
            }
        }
    }

    /** Whether it still calls the engine: not closed, and the executor not shut down. */
    public boolean isRunning() {
        synchronized (lock) {
            return !closed && !executor.isShutdown();
        }
    }

    /** Stops; a call in progress finishes and schedules nothing more. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
