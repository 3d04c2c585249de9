package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.Flow;
import java.util.List;
import java.util.Optional;

/** Quarantined records, keyed by flow and record key. */
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

    /** Every entry of {@code flow}, dead-lettered ones included. */
    List<QuarantineEntry> all(Flow flow);
}
