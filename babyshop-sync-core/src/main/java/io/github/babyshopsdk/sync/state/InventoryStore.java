package io.github.babyshopsdk.sync.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The inventory ledger, keyed by Vendor SKU Code. */
public interface InventoryStore {

    /** The state of {@code vendorSkuCode}, or empty if never pushed or queued. */
    Optional<InventoryState> find(String vendorSkuCode);

    /** Inserts or replaces the state with the same Vendor SKU Code. */
    void save(InventoryState state);

    /** Up to {@code limit} states with a pending quantity that is not dead-lettered, least recently updated first. */
    List<InventoryState> pending(int limit);

    /**
     * Up to {@code limit} states whose last push has a moderation id and a status that is absent or {@code Pending}
     * (ignoring case), whatever their {@link InventoryState#moderationCheckAt()}. The engine reads the due ones
     * with {@link #awaitingModeration(Instant, int)}.
     */
    List<InventoryState> awaitingModeration(int limit);

    /**
     * Up to {@code limit} states whose moderation status read is due by {@code dueBy}: a moderation id, a status
     * absent or {@code Pending} (ignoring case), and a {@link InventoryState#moderationCheckAt()} at or before
     * {@code dueBy} (a state without one is never due). Ordered by check time, earliest first, then by Vendor SKU
     * Code; so the first entry tells the oldest due time and the size (up to {@code limit}) how many are due,
     * in one read that costs {@code O(limit)} (an index on the check time), not a scan of the ledger. Sees the
     * transaction's own writes.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     * @throws StateStoreException when the store cannot be read
     */
    List<InventoryState> awaitingModeration(Instant dueBy, int limit);
}
