package io.github.babyshopsdk.sync.state;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine's durable state for one store (one Babyshop seller account): cursors, order records (the
 * links to host orders), SKU links, the inventory ledger, the outbox, quarantine, settings, mappings,
 * the configuration log and leases.
 *
 * <p>Everything but leases is reached through {@link #inTransaction}, which runs a unit of work
 * atomically: either all of its writes are kept or none (importing an order and moving the cursor,
 * marking outbox work in flight, acknowledging an inventory push). Implementations must be thread-safe;
 * transactions of one store may run concurrently and must be isolated from each other at least as
 * strongly as "read committed" with row locks on written keys.
 *
 * @see io.github.babyshopsdk.sync.memory.InMemorySyncStateStore the reference implementation
 */
public interface SyncStateStore {

    /**
     * Runs {@code work} in one transaction and returns its result. When {@code work} throws, nothing it
     * wrote is kept and the exception propagates.
     *
     * @throws StateStoreException when the store itself fails (the transaction is rolled back)
     */
    <T> T inTransaction(Function<SyncTransaction, T> work);

    /**
     * {@link #inTransaction} for work without a result (a separate name, so that a lambda is never
     * ambiguous between the two).
     */
    default void runInTransaction(Consumer<SyncTransaction> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** The flow leases of this store; each method is atomic by itself. */
    LeaseStore leases();
}
