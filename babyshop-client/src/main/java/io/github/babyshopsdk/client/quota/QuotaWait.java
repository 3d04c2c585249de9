package io.github.babyshopsdk.client.quota;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One refused permit, handed to a {@link QuotaWaiter}: which request waits, for which tier, until when,
 * and how long it has waited already. {@link #sleep} waits with the client's {@link Sleeper}, so a waiter
 * never needs its own clock or sleeper (tests on simulated time keep working). Not shared between threads.
 */
public final class QuotaWait {
    private final Operation operation;
    private final int tier;
    private final Instant now;
    private final Duration waitFor;
    private final Duration waited;
    private final Sleeper sleeper;

    private QuotaWait(Operation operation, int tier, Instant now, Duration waitFor, Duration waited,
                      Sleeper sleeper) {
        this.operation = operation;
        this.tier = tier;
        this.now = now;
        this.waitFor = waitFor;
        this.waited = waited;
        this.sleeper = sleeper;
    }

    /**
     * A refusal at {@code now} that lasts {@code waitFor}, after {@code waited} already spent waiting for
     * this request.
     *
     * @throws IllegalArgumentException if {@code tier} is negative or a duration is negative
     */
    public static QuotaWait of(Operation operation, int tier, Instant now, Duration waitFor, Duration waited,
                               Sleeper sleeper) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(sleeper, "sleeper");
        if (tier < 0 || waitFor.isNegative() || waited.isNegative()) {
            throw new IllegalArgumentException("tier and durations must not be negative");
        }
        return new QuotaWait(operation, tier, now, waitFor, waited, sleeper);
    }

    /** The operation whose request waits for a permit. */
    public Operation operation() {
        return operation;
    }

    /** The tier the request is charged to. */
    public int tier() {
        return tier;
    }

    /** How long until the budget may grant a permit of this tier. */
    public Duration waitFor() {
        return waitFor;
    }

    /** When the budget may grant a permit of this tier: {@code now + waitFor}. */
    public Instant until() {
        return now.plus(waitFor);
    }

    /** How long this request has already waited for its permit. */
    public Duration waited() {
        return waited;
    }

    /**
     * Sleeps {@code duration} with the client's sleeper (a waiter may sleep in slices, doing its own work
     * between them).
     *
     * @throws InterruptedException if the thread is interrupted while sleeping
     */
    public void sleep(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }

    @Override
    public String toString() {
        return operation + " (tier " + tier + ") waits " + waitFor + " for quota, waited " + waited;
    }
}
