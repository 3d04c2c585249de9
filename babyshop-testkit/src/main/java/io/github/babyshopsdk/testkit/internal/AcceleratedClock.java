package io.github.babyshopsdk.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A clock running {@code factor} times as fast as a base clock from the moment it was made. Immutable. */
public final class AcceleratedClock extends Clock {

    private final Clock base;
    private final double factor;
    private final Instant origin;

    /**
     * Anchors at {@code base.instant()}.
     *
     * @param base base clock
     * @param factor positive factor
     */
    public AcceleratedClock(Clock base, double factor) {
        this(base, factor, base.instant());
    }

    private AcceleratedClock(Clock base, double factor, Instant origin) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be positive: " + factor);
        }
        this.base = Objects.requireNonNull(base, "base");
        this.factor = factor;
        this.origin = origin;
    }

    @Override
    public Instant instant() {
        Duration real = Duration.between(origin, base.instant());
        double nanos = (real.getSeconds() * 1_000_000_000d + real.getNano()) * factor;
        return origin.plus(Duration.ofNanos((long) nanos));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AcceleratedClock(base.withZone(zone), factor, origin);
    }

    @Override
    public String toString() {
        return "AcceleratedClock[x" + factor + " of " + base + "]";
    }
}
