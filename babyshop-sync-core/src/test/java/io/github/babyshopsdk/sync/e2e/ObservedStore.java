package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseLostException;
import io.github.babyshopsdk.sync.state.LeaseStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A state store as one node sees it, for lease tests: counts lease renewals and the transactions the store
 * refused with {@link LeaseLostException}, and can freeze renewals (each renewal blocks until thawed), as a
 * long GC pause freezes a node's renewal thread. Also used by babyshop-sync-jdbc's durability tests (this
 * module's {@code chaos-tests} test-jar). Thread-safe.
 */
public final class ObservedStore implements SyncStateStore {
    private final SyncStateStore delegate;
    private final AtomicInteger renewals = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger blocked = new AtomicInteger();
    private volatile CountDownLatch frozen;

    /** Observes {@code delegate}, renewals not frozen. */
    public ObservedStore(SyncStateStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(Function<SyncTransaction, T> work) {
        try {
            return delegate.inTransaction(work);
        } catch (LeaseLostException e) {
            refused.incrementAndGet();
            throw e;
        }
    }

    @Override
    public LeaseStore leases() {
        LeaseStore leases = delegate.leases();
        return new LeaseStore() {
            @Override
            public Optional<Lease> acquire(Flow flow, String owner, Instant now, Duration ttl) {
                return leases.acquire(flow, owner, now, ttl);
            }

            @Override
            public Optional<Lease> renew(Lease lease, Instant now, Duration ttl) {
                CountDownLatch gate = frozen;
                if (gate != null) {
                    blocked.incrementAndGet();
                    try {
                        gate.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Optional<Lease> renewed = leases.renew(lease, now, ttl);
                renewals.incrementAndGet();
                return renewed;
            }

            @Override
            public void release(Lease lease) {
                leases.release(lease);
            }

            @Override
            public void release(Flow flow, String owner) {
                leases.release(flow, owner);
            }

            @Override
            public Optional<Lease> current(Flow flow) {
                return leases.current(flow);
            }
        };
    }

    /** Renewals done so far. */
    public int renewals() {
        return renewals.get();
    }

    /** Waits (up to 30 s) until {@code count} more renewals than {@code since} were done. */
    public boolean awaitRenewals(int since, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (renewals.get() < since + count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** Transactions the store refused because their fence failed. */
    public int refused() {
        return refused.get();
    }

    /** From now on every renewal blocks until {@link #thaw()}. */
    public void freeze() {
        frozen = new CountDownLatch(1);
    }

    /** Waits (up to 30 s) until a renewal is blocked by {@link #freeze()}: no renewal is in flight then. */
    public boolean awaitFrozenRenewal() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (blocked.get() == 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** Lets blocked and later renewals through. */
    public void thaw() {
        CountDownLatch gate = frozen;
        frozen = null;
        if (gate != null) {
            gate.countDown();
        }
    }
}
