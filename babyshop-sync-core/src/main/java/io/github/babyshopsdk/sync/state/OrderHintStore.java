package io.github.babyshopsdk.sync.state;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Order hints, keyed by order number ({@link OrderHint}). The engine keeps the rules (de-duplication, the bound
 * on pending hints, retries, dropping); a store only keeps the rows, durably and with the transaction's
 * isolation. Every read sees the transaction's own writes. Like every store of a {@link SyncTransaction}: one
 * transaction, one thread.
 */
public interface OrderHintStore {

    /**
     * The hints of those of {@code orderNos} that exist, by order number (pending and dropped). A number given
     * twice is read once; any number of numbers (a database store reads them in chunks).
     *
     * @return an unmodifiable map, possibly empty
     * @throws NullPointerException if {@code orderNos} or one of them is null
     * @throws StateStoreException when the store fails
     */
    Map<String, OrderHint> findAll(Collection<String> orderNos);

    /**
     * Inserts each hint, or replaces the hint with the same order number (an upsert: two transactions saving the
     * same new number both succeed, the later commit wins).
     *
     * @throws NullPointerException if {@code hints} or one of them is null
     * @throws StateStoreException when the store fails
     */
    void saveAll(Collection<OrderHint> hints);

    /**
     * Removes the hints of {@code orderNos} (pending or dropped); numbers without a hint are ignored.
     *
     * @throws NullPointerException if {@code orderNos} or one of them is null
     * @throws StateStoreException when the store fails
     */
    void removeAll(Collection<String> orderNos);

    /**
     * Up to {@code limit} pending hints due at or before {@code now}, the earliest {@link OrderHint#dueAt()} first,
     * then by order number. Read through an index, not a scan of every hint.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws StateStoreException when the store fails
     */
    List<OrderHint> due(Instant now, int limit);

    /**
     * The earliest {@link OrderHint#dueAt()} of a pending hint; empty when no hint is pending.
     *
     * @throws StateStoreException when the store fails
     */
    Optional<Instant> earliestDue();

    /**
     * How many hints are pending (dropped ones not counted).
     *
     * @throws StateStoreException when the store fails
     */
    long pendingCount();

    /**
     * Removes up to {@code limit} dropped hints dropped before {@code before}, the oldest first.
     *
     * @return how many were removed
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws StateStoreException when the store fails
     */
    int pruneDropped(Instant before, int limit);
}
