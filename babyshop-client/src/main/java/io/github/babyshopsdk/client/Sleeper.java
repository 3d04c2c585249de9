package io.github.babyshopsdk.client;

import java.time.Duration;

/**
 * Waits. Injected into the client so that every wait (quota, backoff) is testable without real time.
 *
 * <p>Implementations must be thread-safe and must throw {@link InterruptedException} promptly when the
 * calling thread is interrupted.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Blocks the calling thread for {@code duration}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** A sleeper backed by {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
