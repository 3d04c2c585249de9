package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.Flow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outbound operations, keyed by id.
 *
 * <p>Reached only through a {@link SyncTransaction}: valid inside that transaction, on its one thread. Every method
 * throws {@link StateStoreException} when the store fails and {@link IllegalStateException} once the transaction
 * has ended.
 */
public interface OutboxStore {

    /** Adds {@code entry} unless an entry with its id exists; returns whether it was added. */
    boolean add(OutboxEntry entry);

    /** The entry with {@code id}, or empty. */
    Optional<OutboxEntry> find(String id);

    /**
     * Replaces the entry with the same id.
     *
     * @throws IllegalArgumentException if no entry has that id (add it first)
     */
    void save(OutboxEntry entry);

    /** Up to {@code limit} {@link OutboxStatus#PENDING} entries of {@code flow} with {@code notBefore <= now}, oldest first. */
    List<OutboxEntry> due(Flow flow, Instant now, int limit);

    /** Every entry for {@code orderNo}, oldest first. */
    List<OutboxEntry> forOrder(String orderNo);

    /**
     * Up to {@code limit} {@link OutboxStatus#DEAD} entries of every flow, the oldest last failure first (by
     * {@code updatedAt}, the time it was dead-lettered, then id): the outbox's dead letters, for an operator to
     * re-drive or discard. Read through an index on status and update time, not a scan of the outbox. Sees the
     * transaction's own writes.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws StateStoreException when the store fails
     */
    List<OutboxEntry> dead(int limit);
}
