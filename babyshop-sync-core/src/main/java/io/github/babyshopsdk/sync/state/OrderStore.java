package io.github.babyshopsdk.sync.state;

import java.util.List;
import java.util.Optional;

/** Order records keyed by Babyshop order number. */
public interface OrderStore {

    /** The record of {@code orderNo}, or empty if the engine never decided anything about it. */
    Optional<OrderRecord> find(String orderNo);

    /** Inserts or replaces the record with the same order number. */
    void save(OrderRecord record);

    /** Up to {@code limit} records in {@code state}, least recently updated first. */
    List<OrderRecord> inState(OrderState state, int limit);
}
