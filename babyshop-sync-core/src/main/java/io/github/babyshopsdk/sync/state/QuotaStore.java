package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.client.quota.QuotaDecision;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import java.time.Duration;
import java.time.Instant;

/**
 * Call budgets kept in shared storage, so that several engine instances (and JVMs) that share one
 * Babyshop credential never exceed its quota together. Wire one into the client through
 * {@link io.github.babyshopsdk.sync.StoredQuotaBudget}. Each method is atomic across every instance
 * using the same storage; implementations must be thread-safe.
 */
public interface QuotaStore {

    /**
     * Takes one permit of budget {@code key} if fewer than {@code limit} permits were taken in the
     * rolling {@code window} ending at {@code now} and the budget is not blocked.
     *
     * @return granted, or how long to wait before asking again
     */
    QuotaDecision tryAcquire(String key, Instant now, int limit, Duration window);

    /** Grants no permit of budget {@code key} before {@code until} (the server answered quota exceeded). */
    void block(String key, Instant until);

    /** The state of budget {@code key} at {@code now}; takes no permit. */
    QuotaSnapshot snapshot(String key, Instant now, int limit, Duration window);
}
