package io.github.babyshopsdk.sync.memory;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Flow leases in a concurrent map; each method is one atomic map operation. Independent of transactions. */
final class MemoryLeaseStore implements LeaseStore {

    private record Lease(String owner, Instant expiry) {
    }

    private final Map<Flow, Lease> leases = new ConcurrentHashMap<>();

    @Override
    public boolean tryAcquire(Flow flow, String owner, Instant now, Duration ttl) {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("lease ttl must be positive: " + ttl);
        }
        Instant expiry = now.plus(ttl);
        Lease held = leases.compute(flow, (f, current) -> current == null || !current.expiry().isAfter(now)
                || current.owner().equals(owner) ? new Lease(owner, expiry) : current);
        return held.owner().equals(owner);
    }

    @Override
    public void release(Flow flow, String owner) {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(owner, "owner");
        leases.computeIfPresent(flow, (f, current) -> current.owner().equals(owner) ? null : current);
    }
}
