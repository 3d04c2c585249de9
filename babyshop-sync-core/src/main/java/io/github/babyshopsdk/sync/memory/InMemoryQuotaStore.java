package io.github.babyshopsdk.sync.memory;

import io.github.babyshopsdk.client.quota.QuotaDecision;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.sync.state.QuotaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference {@link QuotaStore}: one rolling-window budget per key in this JVM (shared by every engine
 * and client of the JVM that uses this instance). The limit and window of a key are fixed by its first
 * use. Thread-safe.
 */
public final class InMemoryQuotaStore implements QuotaStore {
    private final Map<String, RollingWindowQuotaBudget> budgets = new ConcurrentHashMap<>();
    private final Map<String, Instant> earlyBlocks = new ConcurrentHashMap<>();

    private InMemoryQuotaStore() {
    }

    /** An empty store. */
    public static InMemoryQuotaStore create() {
        return new InMemoryQuotaStore();
    }

    private RollingWindowQuotaBudget budget(String key, int limit, Duration window) {
        return budgets.computeIfAbsent(key, k -> {
            RollingWindowQuotaBudget budget = RollingWindowQuotaBudget.of(limit, window);
            Instant blocked = earlyBlocks.remove(k);
            if (blocked != null) {
                budget.block(blocked);
            }
            return budget;
        });
    }

    @Override
    public QuotaDecision tryAcquire(String key, Instant now, int limit, Duration window) {
        return budget(key, limit, window).tryAcquire(0, now);
    }

    @Override
    public void block(String key, Instant until) {
        RollingWindowQuotaBudget budget = budgets.get(key);
        if (budget != null) {
            budget.block(until);
        } else {
            // a block before the key's first permit: kept until the budget is created
            earlyBlocks.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    @Override
    public QuotaSnapshot snapshot(String key, Instant now, int limit, Duration window) {
        return budget(key, limit, window).snapshot(now);
    }
}
