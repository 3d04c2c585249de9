package io.github.babyshopsdk.client.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The in-memory {@link QuotaBudget}: at most {@code limit} calls in any rolling {@code window}
 * (Vinculum's published default for its APIs is 40 calls per 5 minutes, {@link #vinculumDefault()}).
 *
 * <p>Keeps the start times of the calls in the last window, so a call at time {@code t} is granted only
 * if fewer than {@code limit} calls started in {@code (t - window, t]}. Thread-safe; shared by every
 * client instance that is given it. For several JVMs sharing one credential, use a budget kept in shared
 * storage instead.
 */
public final class RollingWindowQuotaBudget implements QuotaBudget {
    private final int limit;
    private final Duration window;
    private final Deque<Instant> calls = new ArrayDeque<>();
    private Instant blockedUntil = Instant.MIN;
    private Instant latest = Instant.MIN;

    private RollingWindowQuotaBudget(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /**
     * Creates a budget of {@code limit} calls per rolling {@code window}.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive or {@code window} not positive
     */
    public static RollingWindowQuotaBudget of(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("quota limit must be at least 1 call, was " + limit);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("quota window must be a positive duration, was " + window);
        }
        return new RollingWindowQuotaBudget(limit, window);
    }

    /** 40 calls per 5 minutes. */
    public static RollingWindowQuotaBudget vinculumDefault() {
        return of(40, Duration.ofMinutes(5));
    }

    @Override
    public synchronized QuotaDecision tryAcquire(Instant requested) {
        Instant now = monotonic(requested);
        if (now.isBefore(blockedUntil)) {
            return QuotaDecision.waitFor(Duration.between(now, blockedUntil));
        }
        forgetBefore(now);
        if (calls.size() < limit) {
            calls.addLast(now);
            return QuotaDecision.granted();
        }
        return QuotaDecision.waitFor(untilOldestLeaves(now));
    }

    @Override
    public synchronized void block(Instant until) {
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    @Override
    public synchronized QuotaSnapshot snapshot(Instant requested) {
        Instant now = monotonic(requested);
        forgetBefore(now);
        if (now.isBefore(blockedUntil)) {
            return QuotaSnapshot.of(limit, window, 0, Duration.between(now, blockedUntil));
        }
        int remaining = limit - calls.size();
        Duration next = remaining > 0 ? Duration.ZERO : untilOldestLeaves(now);
        return QuotaSnapshot.of(limit, window, remaining, next);
    }

    /**
     * Threads read the clock before taking the lock, so instants may arrive slightly out of order; time
     * never runs backwards here, which keeps the window count exact.
     */
    private Instant monotonic(Instant now) {
        if (now.isAfter(latest)) {
            latest = now;
        }
        return latest;
    }

    private void forgetBefore(Instant now) {
        Instant windowStart = now.minus(window);
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(windowStart)) {
            calls.removeFirst();
        }
    }

    private Duration untilOldestLeaves(Instant now) {
        Duration wait = Duration.between(now, calls.peekFirst().plus(window));
        return wait.isNegative() || wait.isZero() ? Duration.ofNanos(1) : wait;
    }

    @Override
    public String toString() {
        return "RollingWindowQuotaBudget{" + limit + " calls per " + window + "}";
    }
}
