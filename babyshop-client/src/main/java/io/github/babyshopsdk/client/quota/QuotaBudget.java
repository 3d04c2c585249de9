package io.github.babyshopsdk.client.quota;

import java.time.Instant;

/**
 * The call budget of one credential, shared by every thread (and, with a shared implementation, every
 * node) that calls SellerPanel with it, spent by priority tier (see {@link QuotaLimits}). The client takes
 * exactly one permit before each HTTP request it sends ({@code authToken}, retries and re-authentication
 * included), charged to the tier of the client view that sends it
 * ({@link io.github.babyshopsdk.client.BabyshopClient#forTier}). A budget never waits: a refusal says how
 * long until a permit of that tier could be granted, and a {@link QuotaWaiter} decides whether to wait.
 *
 * <p>Implementations must be thread-safe, and {@link #tryAcquire} must be atomic (reserve, not check then
 * act): two callers can never both take the last permit, and a less urgent tier can never take a call held
 * back for a more urgent one, however many threads or nodes ask at once. Time is passed in, so
 * implementations need no clock of their own.
 *
 * @see RollingWindowQuotaBudget the in-memory default
 */
public interface QuotaBudget {

    /** The most urgent tier: it may use every call of the window. */
    int TOP_TIER = 0;

    /**
     * Takes one permit for a call of {@code tier} at {@code now} if the budget allows it: fewer than
     * {@link QuotaLimits#shareOf(int) limits().shareOf(tier)} calls in the rolling window ending at
     * {@code now}, and the budget not blocked.
     *
     * @return {@link QuotaDecision#granted()} when the permit was taken, otherwise how long to wait
     * @throws IllegalArgumentException if {@code tier} is negative
     */
    QuotaDecision tryAcquire(int tier, Instant now);

    /**
     * Records that the server answered code 13 although the local count allowed the call: no permit of any
     * tier is granted before {@code blockedUntil}.
     */
    void block(Instant blockedUntil);

    /** The state of the budget at {@code now}, for planning. Takes no permit. */
    QuotaSnapshot snapshot(Instant now);

    /** The limit, window and tier reserve this budget enforces. */
    QuotaLimits limits();
}
