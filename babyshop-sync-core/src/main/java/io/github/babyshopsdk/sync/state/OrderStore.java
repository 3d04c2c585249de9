package io.github.babyshopsdk.sync.state;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Order records keyed by Babyshop order number.
 *
 * <p>Reached only through a {@link SyncTransaction}: valid inside that transaction, on its one thread. Every method
 * throws {@link StateStoreException} when the store fails and {@link IllegalStateException} once the transaction
 * has ended.
 */
public interface OrderStore {

    /** The record of {@code orderNo}, or empty if the engine never decided anything about it. */
    Optional<OrderRecord> find(String orderNo);

    /** Inserts or replaces the record with the same order number. */
    void save(OrderRecord record);

    /** Up to {@code limit} records in {@code state}, least recently updated first. */
    List<OrderRecord> inState(OrderState state, int limit);

    /**
     * The records of {@code orderNos} that exist, by order number: what {@link #find(String)} answers for each
     * key, read in fewer round trips by a database store (the engine reads a fetched page of up to 100 orders,
     * or a whole listing, at once). Keys without a record are absent from the map; a key given twice is read
     * once; any number of keys (a store may read them in chunks). The records found are locked as
     * {@code find} locks them, until the transaction ends. Unlike {@code find}, a key without a record is
     * <em>not</em> locked: this read does not keep a concurrent transaction from creating one of those records
     * (the engine creates order records only in the orders flow, which its lease keeps to one run at a time).
     *
     * <p>The default calls {@link #find(String)} for each key.
     *
     * @return an unmodifiable map, possibly empty
     * @throws NullPointerException if {@code orderNos} or one of its keys is null
     * @throws StateStoreException when the store fails
     */
    default Map<String, OrderRecord> findAll(Collection<String> orderNos) {
        Objects.requireNonNull(orderNos, "orderNos");
        Map<String, OrderRecord> found = new LinkedHashMap<>();
        for (String orderNo : orderNos) {
            Objects.requireNonNull(orderNo, "order number");
            if (!found.containsKey(orderNo)) {
                find(orderNo).ifPresent(record -> found.put(orderNo, record));
            }
        }
        return Collections.unmodifiableMap(found);
    }

    /**
     * Saves every record of {@code records} as {@link #save(OrderRecord)} would, one after the other in iteration
     * order (a later record with the same order number replaces an earlier one); a database store sends them as
     * one batch. Atomic with the rest of the transaction, like every write.
     *
     * <p>The default calls {@link #save(OrderRecord)} for each record.
     *
     * @throws NullPointerException if {@code records} or one of its records is null (nothing is saved)
     * @throws StateStoreException when the store fails
     */
    default void saveAll(Collection<OrderRecord> records) {
        Objects.requireNonNull(records, "records");
        records.forEach(record -> Objects.requireNonNull(record, "record"));
        records.forEach(this::save);
    }
}
