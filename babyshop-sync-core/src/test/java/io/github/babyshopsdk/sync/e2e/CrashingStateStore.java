package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link SyncStateStore} over another one whose every transaction is a crash point of a
 * {@link CrashSwitch}: a crash before it loses the transaction (rolled back, as a process killed before
 * its commit), a crash after it keeps it. Leases are not crash points, but a dead process neither takes
 * nor releases them (its lease expires). What was committed stays in the delegate.
 */
final class CrashingStateStore implements SyncStateStore {
    private final SyncStateStore delegate;
    private final CrashSwitch crash;

    CrashingStateStore(SyncStateStore delegate, CrashSwitch crash) {
        this.delegate = delegate;
        this.crash = crash;
    }

    @Override
    public <T> T inTransaction(Function<SyncTransaction, T> work) {
        long point = crash.before("a transaction");
        T result = delegate.inTransaction(work);
        crash.after(point, "a transaction");
        return result;
    }

    @Override
    public LeaseStore leases() {
        LeaseStore leases = delegate.leases();
        return new LeaseStore() {
            @Override
            public Optional<Lease> acquire(Flow flow, String owner, Instant now, Duration ttl) {
                crash.alive();
                return leases.acquire(flow, owner, now, ttl);
            }

            @Override
            public Optional<Lease> renew(Lease lease, Instant now, Duration ttl) {
                crash.alive();
                return leases.renew(lease, now, ttl);
            }

            @Override
            public void release(Lease lease) {
                crash.alive();
                leases.release(lease);
            }

            @Override
            public void release(Flow flow, String owner) {
                crash.alive();
                leases.release(flow, owner);
            }

            @Override
            public Optional<Lease> current(Flow flow) {
                return leases.current(flow);
            }
        };
    }
}
