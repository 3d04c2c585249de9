package io.github.babyshopsdk.sync.memory;

import io.github.babyshopsdk.sync.state.LeaseStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The reference {@link SyncStateStore}: everything in memory, lost when the JVM stops. For tests, demos
 * and hosts that rebuild their state on start.
 *
 * <p>Transactions are serializable: one store-wide lock is held for the whole of each transaction, and
 * its writes are undone (newest first) when the work throws, after which the exception propagates
 * unchanged. A transaction may not be opened inside another on the same thread (that would deadlock a
 * database-backed store): doing so throws {@link IllegalStateException}. The {@link SyncTransaction} passed
 * to the work refuses any use after the transaction ended or from another thread. Leases live outside
 * transactions (a rollback does not undo a lease change) but change hands only under the transaction lock,
 * so {@link SyncTransaction#fence} is atomic with the transaction's writes.
 *
 * <p>Beyond the SPI: list results are unmodifiable; a negative {@code limit} or a non-positive lease ttl
 * throws {@link IllegalArgumentException}; {@code OutboxStore.save} of an id that was never added throws
 * {@link IllegalArgumentException} rather than dropping or inserting it; ties in ordered results are broken
 * by key.
 */
public final class InMemorySyncStateStore implements SyncStateStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final MemoryState state = new MemoryState();
    private final MemoryLeaseStore leases = new MemoryLeaseStore(lock);

    private InMemorySyncStateStore() {
    }

    /** A new, empty store: settings all off, mappings empty, no cursors, records, links or leases. */
    public static InMemorySyncStateStore create() {
        return new InMemorySyncStateStore();
    }

    @Override
    public <T> T inTransaction(Function<SyncTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("inTransaction called inside a transaction of the same store");
        }
        lock.lock();
        try {
            MemoryTransaction tx = new MemoryTransaction(state, leases, Thread.currentThread());
            T result;
            try {
                result = work.apply(tx);
            } catch (Throwable failure) {
                tx.rollback();
                throw failure;
            }
            if (tx.fenceFailure() != null) {
                tx.rollback();
                throw tx.fenceFailure();
            }
            tx.commit();
            return result;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public LeaseStore leases() {
        return leases;
    }

    @Override
    public String toString() {
        return "InMemorySyncStateStore@" + Integer.toHexString(System.identityHashCode(this));
    }
}
