package io.github.babyshopsdk.benchmarks.world;

import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Moves a {@link SimulatedClock} and fires the actions scheduled on it: the one place a {@link BenchWorld}'s time
 * moves. It is also the client's {@link Sleeper}: a quota wait or a back-off moves the clock by what was asked,
 * so it costs no real time, and actions due meanwhile (new orders arriving on Babyshop, say) fire at their own
 * instants, in order, on the sleeping thread, before the clock passes them.
 *
 * <p>Thread-safe (synchronised); actions run on the thread that moves the clock and must not move it themselves.
 */
public final class SimulatedTime implements Sleeper {
    private final SimulatedClock clock;
    private final PriorityQueue<Scheduled> actions = new PriorityQueue<>();
    private Duration slept = Duration.ZERO;
    private long sequence;
    private boolean firing;

    /** Time on {@code clock}. */
    public SimulatedTime(SimulatedClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The clock's instant now. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Runs {@code action} when the clock reaches {@code at} (at once, on the next move, if {@code at} is not in
     * the future). Actions of the same instant run in the order they were scheduled.
     */
    public synchronized void at(Instant at, Runnable action) {
        actions.add(new Scheduled(Objects.requireNonNull(at, "at"), sequence++, Objects.requireNonNull(action)));
    }

    /**
     * Moves the clock to {@code target}, firing every action due on the way at its instant. Does nothing when
     * the clock is already at or past {@code target} (except fire actions already due).
     *
     * @throws IllegalStateException when called from an action
     */
    public synchronized void moveTo(Instant target) {
        if (firing) {
            throw new IllegalStateException("an action may not move the clock");
        }
        firing = true;
        try {
            while (!actions.isEmpty() && !actions.peek().at().isAfter(target)) {
                Scheduled next = actions.poll();
                if (next.at().isAfter(clock.instant())) {
                    clock.set(next.at());
                }
                next.action().run();
            }
            if (target.isAfter(clock.instant())) {
                clock.set(target);
            }
        } finally {
            firing = false;
        }
    }

    /** Moves the clock forward by {@code amount} (see {@link #moveTo}). */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + amount);
        }
        moveTo(clock.instant().plus(amount));
    }

    /** The client's waits: moves the clock by {@code duration} instead of sleeping. */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted before a simulated sleep");
        }
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        synchronized (this) {
            slept = slept.plus(duration);
        }
        advance(duration);
    }

    /** The total the client asked to wait (quota windows, back-offs). */
    public synchronized Duration slept() {
        return slept;
    }

    private record Scheduled(Instant at, long sequence, Runnable action) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int byTime = at.compareTo(o.at);
            return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
        }
    }
}
