package io.github.babyshopsdk.client.quota;

import java.time.Instant;

/**
 * The call budget of one credential, shared by every thread (and, with a shared implementation, every
 * node) that calls SellerPanel with it. The client asks it for a permit before each HTTP request,
 * {@code authToken} included; it never waits inside the budget: a refusal says how long to wait, and
 * the client's {@link io.github.babyshopsdk.client.Sleeper} does the waiting (or the client fails fast).
 *
 * <p>Implementations must be thread-safe, and {@link #tryAcquire} must be atomic: two callers can never
 * both take the last permit. Time is passed in, so implementations need no clock of their own.
 *
 * @see RollingWindowQuotaBudget the in-memory default
 */
public interface QuotaBudget {

    /**
     * Takes one permit if the budget allows a call at {@code now}.
     *
     * @return {@link QuotaDecision#granted()} when the permit was taken, otherwise how long to wait
     */
    QuotaDecision tryAcquire(Instant now);

    /**
     * Records that the server answered code 13 although the local count allowed the call: no permit is
     * granted before {@code blockedUntil}.
     */
    void block(Instant blockedUntil);

    /** The state of the budget at {@code now}, for schedulers that plan with it. Takes no permit. */
    QuotaSnapshot snapshot(Instant now);
}
