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
 * transactions of one store may run concurrently and must not lose updates: a transaction that reads a
 * key and then writes it must see the latest committed value and keep others from changing it until it
 * ends (lock the rows read for update, e.g. {@code SELECT ... FOR UPDATE}, or run serializable and retry).
 * The reference implementation holds one store-wide lock per transaction. Transactions do not nest.
 *
 * <p><b>Fencing.</b> Every transaction of a flow run starts with {@link SyncTransaction#fence}, which must
 * refuse ({@link LeaseLostException}, nothing kept) a lease token that is no longer the current one of its
 * flow and keep the lease from changing hands until the transaction ends; tokens come from {@link #leases()}
 * (see {@link LeaseStore}). The conformance suite's {@code LeaseFencingContract} checks this.
 *
 * <p>Values must round-trip exactly: {@code Instant}s to at least the microsecond, {@code BigDecimal}s
 * with their scale ({@code 11.500} stays {@code 11.500}).
 *
 * @see io.github.babyshopsdk.sync.memory.InMemorySyncStateStore the reference implementation
 */
public interface SyncStateStore {

    /**
     * Runs {@code work} in one transaction and returns its result. When {@code work} throws, nothing it
     * wrote is kept and the exception propagates. A database store may run {@code work} more than once
     * (after a deadlock or serialization failure), so {@code work} must have no effects outside the
     * transaction: call listeners, hosts and Babyshop after it returns.
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

    /** The flow leases of this store, with their fencing tokens; each method is atomic by itself. */
    LeaseStore leases();
}
