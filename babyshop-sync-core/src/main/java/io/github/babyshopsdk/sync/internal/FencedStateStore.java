package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.state.LeaseLostException;
import io.github.babyshopsdk.sync.state.LeaseStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.util.Objects;
import java.util.function.Function;

/**
 * The state store as one flow run sees it: every transaction first checks that the run still holds its lease
 * (locally, then {@link SyncTransaction#fence} inside the transaction, atomically with its writes), so a run
 * that lost its lease writes nothing more. A refused transaction marks the run's lease lost. Thread-safe.
 */
final class FencedStateStore implements SyncStateStore {
    private final SyncStateStore delegate;
    private final LeaseKeeper keeper;

    FencedStateStore(SyncStateStore delegate, LeaseKeeper keeper) {
        this.delegate = delegate;
        this.keeper = keeper;
    }

    /**
     * {@inheritDoc}
     *
     * @throws LeaseLostException when the run's lease is lost (nothing was written)
     */
    @Override
    public <T> T inTransaction(Function<SyncTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        keeper.check();
        try {
            return delegate.inTransaction(tx -> {
                tx.fence(keeper.lease());
                return work.apply(tx);
            });
        } catch (LeaseLostException e) {
            keeper.markLost(e.getMessage());
            throw e;
        }
    }

    @Override
    public LeaseStore leases() {
        return delegate.leases();
    }

    @Override
    public String toString() {
        return "fenced " + delegate;
    }
}
