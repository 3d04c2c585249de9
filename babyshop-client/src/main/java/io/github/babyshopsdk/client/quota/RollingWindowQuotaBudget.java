package io.github.babyshopsdk.client.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;

/**
 * The in-memory {@link QuotaBudget}: at most {@code limit} calls in any rolling {@code window}, spent by
 * tier (see {@link QuotaLimits}; Vinculum's published default is 40 calls per 5 minutes,
 * {@link #vinculumDefault()}).
 *
 * <p>Keeps the start times of the calls in the last window, so a call of tier {@code t} at time {@code x} is
 * granted only if fewer than {@code limits.shareOf(t)} calls started in {@code (x - window, x]}. Checking
 * and recording happen under one lock, so the count is exact across threads. Thread-safe; shared by every
 * client given it. For several JVMs sharing one credential, use a budget kept in shared storage (the
 * {@code babyshop-sync-jdbc} module has one).
 */
public final class RollingWindowQuotaBudget implements QuotaBudget {
    private final QuotaLimits limits;
    private final Deque<Instant> calls = new ArrayDeque<>();
    private Instant blockedUntil = Instant.MIN;
    private Instant latest = Instant.MIN;

    private RollingWindowQuotaBudget(QuotaLimits limits) {
        this.limits = limits;
    }

    /** A budget with {@code limits}. */
    public static RollingWindowQuotaBudget of(QuotaLimits limits) {
        return new RollingWindowQuotaBudget(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * A budget of {@code limit} calls per rolling {@code window}, with the default tier reserve.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive or {@code window} not positive
     */
    public static RollingWindowQuotaBudget of(int limit, Duration window) {
        return of(QuotaLimits.of(limit, window));
    }

    /** 40 calls per 5 minutes, 5 kept per more urgent tier. */
    public static RollingWindowQuotaBudget vinculumDefault() {
        return of(QuotaLimits.vinculumDefault());
    }

    @Override
    public QuotaLimits limits() {
        return limits;
    }

    @Override
    public synchronized QuotaDecision tryAcquire(int tier, Instant requested) {
        int share = limits.shareOf(tier);
        Instant now = monotonic(requested);
        if (now.isBefore(blockedUntil)) {
            return QuotaDecision.waitFor(Duration.between(now, blockedUntil));
        }
        forgetBefore(now);
        if (calls.size() < share) {
            calls.addLast(now);
            return QuotaDecision.granted();
        }
        return QuotaDecision.waitFor(untilBelow(share, now));
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
            return QuotaSnapshot.of(limits, 0, Duration.between(now, blockedUntil));
        }
        int remaining = limits.limit() - calls.size();
        Duration next = remaining > 0 ? Duration.ZERO : untilBelow(limits.limit(), now);
        return QuotaSnapshot.of(limits, remaining, next);
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
        Instant windowStart = now.minus(limits.window());
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(windowStart)) {
            calls.removeFirst();
        }
    }

    /** How long until fewer than {@code share} calls are in the window: the call that must leave, leaves. */
    private Duration untilBelow(int share, Instant now) {
        int mustLeave = calls.size() - share; // 0-based index of the call whose leaving frees a permit
        Iterator<Instant> oldest = calls.iterator();
        Instant leaving = oldest.next();
        for (int i = 0; i < mustLeave; i++) {
            leaving = oldest.next();
        }
        Duration wait = Duration.between(now, leaving.plus(limits.window()));
        return wait.isNegative() || wait.isZero() ? Duration.ofNanos(1) : wait;
    }

    @Override
    public String toString() {
        return "RollingWindowQuotaBudget{" + limits + "}";
    }
}
