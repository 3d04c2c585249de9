package io.github.babyshopsdk.testkit;

import io.github.babyshopsdk.testkit.internal.AcceleratedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move: {@link #advance(Duration)} and
 * {@link #set(Instant)}. Thread-safe. Clocks made by {@link #withZone(ZoneId)} share the same time.
 *
 * <p>For benchmarks, {@link #accelerated(Clock, double)} makes a clock that runs faster than its base.
 */
public final class SimulatedClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /**
     * A clock showing {@code start}, in UTC.
     *
     * @param start the initial instant
     */
    public SimulatedClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private SimulatedClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Moves the clock forward.
     *
     * @param amount a non-negative duration
     * @return the new instant
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward: " + amount);
        }
        return now.updateAndGet(t -> t.plus(amount));
    }

    /**
     * Sets the clock to any instant (backwards too, for tests of clock skew).
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view of this clock in another zone, sharing the same (mutable) time. */
    @Override
    public SimulatedClock withZone(ZoneId newZone) {
        return new SimulatedClock(now, Objects.requireNonNull(newZone, "zone"));
    }

    /**
     * A clock that starts at {@code base}'s current instant and then runs {@code factor} times as
     * fast as {@code base}: with factor 60, one real second is one simulated minute. Thread-safe.
     *
     * @param base the clock to follow, e.g. {@code Clock.systemUTC()}
     * @param factor a positive speed-up factor
     * @return the accelerated clock
     */
    public static Clock accelerated(Clock base, double factor) {
        return new AcceleratedClock(base, factor);
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + now.get() + "," + zone + "]";
    }
}
