package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link Sleeper} that moves the simulator's clock by what the client asks to wait (quota waits,
 * backoffs), so they cost no real time, and remembers every wait. Thread-safe.
 */
final class SimSleeper implements Sleeper {
    private final SimulatedClock clock;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Duration step;
    private volatile Consumer<Duration> afterStep;

    SimSleeper(SimulatedClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted before a simulated sleep");
        }
        sleeps.add(duration);
        if (duration.isNegative()) {
            return;
        }
        Duration stepSize = step;
        Consumer<Duration> hook = afterStep;
        if (stepSize == null || hook == null) {
            clock.advance(duration);
            return;
        }
        Duration left = duration;
        Duration slept = Duration.ZERO;
        while (left.compareTo(Duration.ZERO) > 0) {
            Duration next = left.compareTo(stepSize) < 0 ? left : stepSize;
            clock.advance(next);
            slept = slept.plus(next);
            left = left.minus(next);
            hook.accept(slept);
        }
    }

    /**
     * From now on, moves the clock in steps of at most {@code stepSize} and calls {@code hook} after each step
     * with the time slept so far in this wait (on the sleeping thread): lets a test act while a client waits.
     */
    void stepping(Duration stepSize, Consumer<Duration> hook) {
        this.afterStep = hook;
        this.step = stepSize;
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
