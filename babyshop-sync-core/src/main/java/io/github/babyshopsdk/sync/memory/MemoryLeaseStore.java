package io.github.babyshopsdk.sync.memory;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseLostException;
import io.github.babyshopsdk.sync.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Flow leases in a map guarded by the store's transaction lock, so that a lease changes hands only between
 * transactions and {@link #fence} inside a transaction is atomic with its writes. Independent of
 * transactions otherwise: a rolled-back transaction does not undo a lease change. A released lease is kept
 * (expired, flagged) so that tokens keep growing.
 */
final class MemoryLeaseStore implements LeaseStore {

    private record Entry(Lease lease, boolean released) {
    }

    private final ReentrantLock lock;
    private final Map<Flow, Entry> leases = new EnumMap<>(Flow.class);

    MemoryLeaseStore(ReentrantLock lock) {
        this.lock = lock;
    }

    @Override
    public Optional<Lease> acquire(Flow flow, String owner, Instant now, Duration ttl) {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        checkTtl(ttl);
        lock.lock();
        try {
            Entry current = leases.get(flow);
            if (current != null && !current.released() && current.lease().heldAt(now)
                    && !current.lease().holder().equals(owner)) {
                return Optional.empty();
            }
            long token = current == null ? 1 : current.lease().token() + 1;
            Lease lease = Lease.of(flow, owner, token, now.plus(ttl));
            leases.put(flow, new Entry(lease, false));
            return Optional.of(lease);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Lease> renew(Lease lease, Instant now, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(now, "now");
        checkTtl(ttl);
        lock.lock();
        try {
            if (!isCurrent(lease)) {
                return Optional.empty();
            }
            Lease renewed = Lease.of(lease.flow(), lease.holder(), lease.token(), now.plus(ttl));
            leases.put(lease.flow(), new Entry(renewed, false));
            return Optional.of(renewed);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        lock.lock();
        try {
            if (isCurrent(lease)) {
                markReleased(lease.flow());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(Flow flow, String owner) {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(owner, "owner");
        lock.lock();
        try {
            Entry current = leases.get(flow);
            if (current != null && !current.released() && current.lease().holder().equals(owner)) {
                markReleased(flow);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Lease> current(Flow flow) {
        Objects.requireNonNull(flow, "flow");
        lock.lock();
        try {
            return Optional.ofNullable(leases.get(flow)).map(Entry::lease);
        } finally {
            lock.unlock();
        }
    }

    /** Throws unless {@code lease} is current; called inside a transaction, with the lock held. */
    void fence(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        if (!isCurrent(lease)) {
            Entry current = leases.get(lease.flow());
            throw new LeaseLostException(lease.flow(), "the " + lease.flow() + " lease of " + lease.holder()
                    + " (token " + lease.token() + ") is no longer held: " + (current == null ? "never acquired"
                    : current.released() ? "released by " + current.lease().holder() + " (token " + current.lease().token()
                    + ")" : "now held by " + current.lease().holder() + " (token "
                    + current.lease().token() + ")"));
        }
    }

    private boolean isCurrent(Lease lease) {
        Entry current = leases.get(lease.flow());
        return current != null && !current.released() && current.lease().token() == lease.token();
    }

    private void markReleased(Flow flow) {
        Lease held = leases.get(flow).lease();
        leases.put(flow, new Entry(Lease.of(flow, held.holder(), held.token(), Instant.EPOCH), true));
    }

    private static void checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("lease ttl must be positive: " + ttl);
        }
    }
}
