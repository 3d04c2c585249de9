package io.github.babyshopsdk.client.quota;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides what a request does when the {@link QuotaBudget} refuses its permit: wait (and ask again) or give
 * up (the request is not sent and the call fails with
 * {@link io.github.babyshopsdk.client.error.QuotaExceededException}). Every wait for the quota window goes
 * through the waiter, so the component that owns it (a sync engine renewing its leases, a progress line)
 * sees it. The client's default is {@link #upTo upTo(15 minutes)}.
 *
 * <p>Implementations must be thread-safe and must throw {@link InterruptedException} promptly when the
 * thread is interrupted. A waiter may throw an unchecked exception to abandon the call; it reaches the
 * caller unchanged.
 */
@FunctionalInterface
public interface QuotaWaiter {

    /**
     * Called when a permit was refused.
     *
     * @return true after waiting (typically with {@link QuotaWait#sleep}), to ask the budget again; false
     *     to give up without waiting
     * @throws InterruptedException if interrupted while waiting
     */
    boolean await(QuotaWait wait) throws InterruptedException;

    /** Never waits: a refused permit fails the call at once. */
    static QuotaWaiter failFast() {
        return wait -> false;
    }

    /**
     * Waits for the window while the request's total wait stays within {@code maxWait}.
     *
     * @throws IllegalArgumentException if {@code maxWait} is negative
     */
    static QuotaWaiter upTo(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
        }
        return wait -> {
            if (wait.waited().plus(wait.waitFor()).compareTo(maxWait) > 0) {
                return false;
            }
            wait.sleep(wait.waitFor());
            return true;
        };
    }
}
