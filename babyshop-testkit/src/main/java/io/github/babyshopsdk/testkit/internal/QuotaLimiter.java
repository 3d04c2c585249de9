package io.github.babyshopsdk.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A rolling-window call budget per credential: a call at time t counts until t + window. Rejected
 * calls do not count. Thread-safe (synchronised).
 */
public final class QuotaLimiter {

    private final int maxCalls;
    private final Duration window;
    private final Map<String, Deque<Instant>> calls = new HashMap<>();

    /**
     * A limiter.
     *
     * @param maxCalls calls allowed per window, 0 or less to disable
     * @param window window length
     */
    public QuotaLimiter(int maxCalls, Duration window) {
        this.maxCalls = maxCalls;
        this.window = window;
    }

    /**
     * Counts a call if the budget allows it.
     *
     * @param credential username
     * @param now simulated time
     * @return false when the call is over quota (answer 13)
     */
    public synchronized boolean tryAcquire(String credential, Instant now) {
        if (maxCalls <= 0) {
            return true;
        }
        Deque<Instant> q = calls.computeIfAbsent(credential, k -> new ArrayDeque<>());
        Instant cutoff = now.minus(window);
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
            q.pollFirst();
        }
        if (q.size() >= maxCalls) {
            return false;
        }
        q.addLast(now);
        return true;
    }

    /**
     * Calls counted in the window ending now.
     *
     * @param credential username
     * @param now simulated time
     * @return the count
     */
    public synchronized int used(String credential, Instant now) {
        Deque<Instant> q = calls.get(credential);
        if (q == null) {
            return 0;
        }
        Instant cutoff = now.minus(window);
        return (int) q.stream().filter(t -> t.isAfter(cutoff)).count();
    }

    /** Forgets every counted call. */
    public synchronized void reset() {
        calls.clear();
    }
}
