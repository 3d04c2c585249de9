package io.github.babyshopsdk.client.support;

import io.github.babyshopsdk.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to, and a sleeper that moves it instead of blocking. Thread-safe. */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final AtomicLong sleeps = new AtomicLong();
    private final AtomicReference<Duration> slept = new AtomicReference<>(Duration.ZERO);

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public static ManualClock startingAt(String instant) {
        return new ManualClock(Instant.parse(instant));
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /** A sleeper that advances this clock by the requested duration; still honours interruption. */
    public Sleeper sleeper() {
        return duration -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted before sleeping");
            }
            sleeps.incrementAndGet();
            slept.updateAndGet(total -> total.plus(duration));
            advance(duration);
        };
    }

    public long sleeps() {
        return sleeps.get();
    }

    public Duration totalSlept() {
        return slept.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
