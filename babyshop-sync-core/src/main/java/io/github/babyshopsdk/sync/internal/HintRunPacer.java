package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.EngineOptions;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces the hint-only orders runs of one engine: a token bucket on the engine's time (the {@code now} its callers
 * pass), holding {@link EngineOptions#hintRunBurst()} runs and refilled with one per
 * {@link EngineOptions#hintRunInterval()}. Time that goes backwards refills nothing. Thread-safe.
 */
public final class HintRunPacer {
    private final long intervalNanos;
    private final long capacityNanos;
    /** The credit in nanoseconds of refill time; a run costs {@link #intervalNanos}. */
    private long credit;
    private Instant last;

    /** A full bucket for {@code options}. */
    public HintRunPacer(EngineOptions options) {
        this.intervalNanos = options.hintRunInterval().toNanos();
        this.capacityNanos = Math.multiplyExact(intervalNanos, (long) options.hintRunBurst());
        this.credit = capacityNanos;
    }

    /** Takes a run if one is available at {@code now}. */
    public synchronized boolean tryTake(Instant now) {
        refill(now);
        if (credit < intervalNanos) {
            return false;
        }
        credit -= intervalNanos;
        return true;
    }

    /** When a run is next available: {@code now} when one is. Takes nothing. */
    public synchronized Instant availableAt(Instant now) {
        refill(now);
        return credit >= intervalNanos ? now : now.plusNanos(intervalNanos - credit);
    }

    private void refill(Instant now) {
        if (last != null && now.isAfter(last)) {
            long elapsed;
            try {
                elapsed = Duration.between(last, now).toNanos();
            } catch (ArithmeticException e) {
                elapsed = Long.MAX_VALUE;
            }
            credit = elapsed >= capacityNanos - credit ? capacityNanos : credit + elapsed;
        }
        if (last == null || now.isAfter(last)) {
            last = now;
        }
    }
}
