package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.Flow;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Quarantined records, keyed by flow and record key.
 *
 * <p>Reached only through a {@link SyncTransaction}: valid inside that transaction, on its one thread. Every method
 * throws {@link StateStoreException} when the store fails and {@link IllegalStateException} once the transaction
 * has ended.
 */
public interface QuarantineStore {

    /** The entry of {@code key} in {@code flow}, or empty. */
    Optional<QuarantineEntry> find(Flow flow, String key);

    /** Inserts or replaces the entry with the same flow and key. */
    void save(QuarantineEntry entry);

    /** Removes the entry (the record read fine); does nothing if absent. */
    void remove(Flow flow, String key);

    /**
     * Up to {@code limit} entries of {@code flow} that are not dead-lettered, least recently failed first
     * (by {@code lastFailedAt}), so a limited retry budget rotates through every entry.
     */
    List<QuarantineEntry> retryable(Flow flow, int limit);

    /**
     * Up to {@code limit} dead-lettered entries of every flow, the oldest last failure first (by
     * {@code lastFailedAt}, then {@code firstFailedAt}, flow and key): the quarantine's dead letters, for an
     * operator to re-drive or discard. Read through an index, not a scan of every entry. Sees the transaction's
     * own writes.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws StateStoreException when the store fails
     */
    List<QuarantineEntry> deadLettered(int limit);

    /** Every entry of {@code flow}, dead-lettered ones included. */
    List<QuarantineEntry> all(Flow flow);

    /**
     * The entries of {@code keys} in {@code flow} that exist, by key: what {@link #find(Flow, String)} answers for
     * each key, read in fewer round trips by a database store. Keys without an entry are absent from the map; a
     * key given twice is read once; any number of keys (a store may read them in chunks). The entries found are
     * locked as {@code find} locks them, until the transaction ends; unlike {@code find}, a key without an entry
     * is <em>not</em> locked (this read does not keep a concurrent transaction from creating that entry).
     *
     * <p>The default calls {@link #find(Flow, String)} for each key.
     *
     * @return an unmodifiable map, possibly empty
     * @throws NullPointerException if {@code flow}, {@code keys} or one of the keys is null
     * @throws StateStoreException when the store fails
     */
    default Map<String, QuarantineEntry> findAll(Flow flow, Collection<String> keys) {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(keys, "keys");
        Map<String, QuarantineEntry> found = new LinkedHashMap<>();
        for (String key : keys) {
            Objects.requireNonNull(key, "key");
            if (!found.containsKey(key)) {
                find(flow, key).ifPresent(entry -> found.put(key, entry));
            }
        }
        return Collections.unmodifiableMap(found);
    }
}
