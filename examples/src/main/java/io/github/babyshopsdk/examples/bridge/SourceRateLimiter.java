package io.github.babyshopsdk.examples.bridge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per source (the remote address of a request): each source may make {@code burst} requests at once
 * and {@code perSecond} a second after that. The sources are held in a bounded map: beyond {@code maxSources} the
 * source seen least recently is forgotten (it starts again with a full bucket), so a flood of addresses costs
 * bounded memory. Behind a reverse proxy every request comes from the proxy's address: the limit is then one for
 * all senders together. Thread-safe (one lock; each call is a few arithmetic operations).
 */
final class SourceRateLimiter {
    private final double perNano;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    /**
     * A limiter.
     *
     * @param perSecond requests a second each source may make after its burst; positive
     * @param burst requests a source may make at once; at least 1
     * @param maxSources sources remembered at most; at least 1
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}; a manual one in tests)
     * @throws IllegalArgumentException for a limit out of range
     */
    SourceRateLimiter(double perSecond, int burst, int maxSources, LongSupplier nanoTime) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond) || burst < 1 || maxSources < 1) {
            throw new IllegalArgumentException("rate limit: perSecond must be positive, burst and maxSources at "
                    + "least 1; were " + perSecond + ", " + burst + ", " + maxSources);
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** Takes one request from {@code source}'s bucket; false when it is empty (the request is refused). */
    synchronized boolean tryAcquire(String source) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            bucket = new Bucket(burst, now);
            buckets.put(source, bucket);
        } else {
            long elapsed = Math.max(0, now - bucket.refilledAt);
            bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perNano);
            bucket.refilledAt = now;
        }
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return true;
        }
        return false;
    }

    /** The sources remembered now (at most {@code maxSources}). */
    synchronized int sources() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
