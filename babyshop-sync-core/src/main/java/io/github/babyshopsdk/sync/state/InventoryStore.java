package io.github.babyshopsdk.sync.state;

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

    /** Up to {@code limit} states whose last push has a moderation id and a status that is absent or {@code Pending}. */
    List<InventoryState> awaitingModeration(int limit);
}
