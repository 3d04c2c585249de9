package io.github.babyshopsdk.sync.state;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory ledger, keyed by Vendor SKU Code.
 *
 * <p>Reached only through a {@link SyncTransaction}: valid inside that transaction, on its one thread. Every method
 * throws {@link StateStoreException} when the store fails and {@link IllegalStateException} once the transaction
 * has ended.
 */
public interface InventoryStore {

    /** The state of {@code vendorSkuCode}, or empty if never pushed or queued. */
    Optional<InventoryState> find(String vendorSkuCode);

    /** Inserts or replaces the state with the same Vendor SKU Code. */
    void save(InventoryState state);

    /**
     * Up to {@code limit} states with a pending quantity that is not dead-lettered, least recently updated first
     * (by {@code updatedAt}, then Vendor SKU Code), whatever their attempts: {@link #pending(Instant, int)} with
     * every failed state counted as due.
     */
    default List<InventoryState> pending(int limit) {
        return pending(Instant.MAX, limit);
    }

    /**
     * As {@link #pending(Instant, Instant, int)} with every state in a moderation back-off counted as due
     * ({@code backOffBy} = {@link Instant#MAX}): for tools and tests; the engine calls the three-argument form.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    default List<InventoryState> pending(Instant retryBy, int limit) {
        return pending(retryBy, Instant.MAX, limit);
    }

    /**
     * The states due for a push: up to {@code limit} states with a pending quantity that is not dead-lettered, and
     * <ul>
     *   <li>with a {@link InventoryState#retryAt()} (a moderation refusal's back-off): that time at or before
     *       {@code backOffBy} (the engine passes now), whatever their attempts;</li>
     *   <li>without one: no failed attempt ({@code attempts() == 0}), or last updated at or before {@code retryBy}
     *       (the engine passes now minus its retry delay: a failed push is tried again once the delay has
     *       passed).</li>
     * </ul>
     * Least recently updated first (by {@code updatedAt}, then Vendor SKU Code). When more states with a
     * {@code retryAt} are due than {@code limit}, those due earliest (by {@code retryAt}, then code) are the ones
     * taken. States not due are not read, so a store should answer in about O(limit + log n), not by going
     * through every pending state (the in-memory store keeps sorted indexes; the JDBC store indexes on the update
     * and retry times). Sees the transaction's own writes.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws NullPointerException if {@code retryBy} or {@code backOffBy} is null
     * @throws StateStoreException when the store cannot be read
     */
    List<InventoryState> pending(Instant retryBy, Instant backOffBy, int limit);

    /**
     * The states of those of {@code vendorSkuCodes} that have one, keyed by Vendor SKU Code (codes without a
     * state are absent; duplicates count once). A batch read for the inventory flow: it costs the store about
     * one statement per 500 codes, not one per code. Rows found are locked as {@link #find(String)} locks its
     * row; a code without a row is <em>not</em> locked (a concurrent transaction may create it; the engine
     * writes the ledger only under its inventory flow lease).
     *
     * @throws NullPointerException if {@code vendorSkuCodes} or one of its codes is null
     */
    Map<String, InventoryState> find(Collection<String> vendorSkuCodes);

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

    /**
     * Up to {@code limit} dead-lettered states ({@link InventoryState#deadLettered()}), the oldest last failure
     * first (by {@code updatedAt}, the time it was dead-lettered, then Vendor SKU Code): the ledger's dead letters,
     * for an operator to re-drive or discard. Read through an index, not a scan of the ledger. Sees the
     * transaction's own writes.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws StateStoreException when the store fails
     */
    List<InventoryState> deadLettered(int limit);
}
