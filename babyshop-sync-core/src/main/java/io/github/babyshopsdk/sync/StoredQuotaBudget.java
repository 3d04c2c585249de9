package io.github.babyshopsdk.sync;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaDecision;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.sync.state.QuotaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client {@link QuotaBudget} kept in a {@link QuotaStore}: give every node's client the same key (the
 * seller username, say) and storage, and together they never exceed the budget.
 *
 * <pre>{@code
 * BabyshopClient client = BabyshopClient.builder()...
 *     .quotaBudget(StoredQuotaBudget.of(quotaStore, "seller-uae", 40, Duration.ofMinutes(5)))
 *     .build();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class StoredQuotaBudget implements QuotaBudget {
    private final QuotaStore store;
    private final String key;
    private final int limit;
    private final Duration window;

    private StoredQuotaBudget(QuotaStore store, String key, int limit, Duration window) {
        this.store = store;
        this.key = key;
        this.limit = limit;
        this.window = window;
    }

    /**
     * A budget of {@code limit} calls per rolling {@code window} under {@code key}.
     *
     * @throws IllegalArgumentException for a blank key, a limit below 1 or a window that is not positive
     */
    public static StoredQuotaBudget of(QuotaStore store, String key, int limit, Duration window) {
        Objects.requireNonNull(store, "store");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must name the budget, e.g. the seller username");
        }
        if (limit < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit must be at least 1 and window positive");
        }
        return new StoredQuotaBudget(store, key, limit, window);
    }

    @Override
    public QuotaDecision tryAcquire(int tier, Instant now) {
        return store.tryAcquire(key, now, limit, window);
    }

    @Override
    public QuotaLimits limits() {
        return QuotaLimits.of(limit, window);
    }

    @Override
    public void block(Instant blockedUntil) {
        store.block(key, blockedUntil);
    }

    @Override
    public QuotaSnapshot snapshot(Instant now) {
        return store.snapshot(key, now, limit, window);
    }

    @Override
    public String toString() {
        return "StoredQuotaBudget{" + key + ": " + limit + " per " + window + "}";
    }
}
