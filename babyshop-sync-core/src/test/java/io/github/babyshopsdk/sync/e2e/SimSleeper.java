package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Sleeper} that moves the simulator's clock by what the client asks to wait (quota waits,
 * backoffs), so they cost no real time, and remembers every wait. Thread-safe.
 */
final class SimSleeper implements Sleeper {
    private final SimulatedClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    SimSleeper(SimulatedClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted before a simulated sleep");
        }
        sleeps.add(duration);
        if (!duration.isNegative()) {
            clock.advance(duration);
        }
    }

    /** Every wait, in the order asked. */
    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of the waits. */
    Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
