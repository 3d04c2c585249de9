package io.github.babyshopsdk.sync.memory;

import io.github.babyshopsdk.sync.state.InventoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The in-memory store's index of ledger states awaiting a moderation status read, by check time then Vendor SKU
 * Code: what {@link io.github.babyshopsdk.sync.state.InventoryStore#awaitingModeration(Instant, int)} lists, in
 * {@code O(log n + limit)} instead of a sort of the whole ledger. Holds keys only; the states stay in the ledger
 * map. Not thread-safe: guarded, like {@link MemoryState}, by the store's transaction lock.
 */
final class ModerationDueIndex {

    /** One indexed state: its check time and Vendor SKU Code. */
    private record Key(Instant checkAt, String vendorSkuCode) {
    }

    private static final Comparator<Key> ORDER =
            Comparator.comparing(Key::checkAt).thenComparing(Key::vendorSkuCode);

    private final NavigableSet<Key> keys = new TreeSet<>(ORDER);

    /** Whether {@code state} awaits a status read: a moderation id, a status absent or Pending, a check time. */
    static boolean awaiting(InventoryState state) {
        return state.moderationId().isPresent() && state.moderationCheckAt().isPresent()
                && state.moderationStatus().map("Pending"::equalsIgnoreCase).orElse(true);
    }

    /** Replaces {@code before}'s entry (either may be null: no state) with {@code after}'s. */
    void replace(InventoryState before, InventoryState after) {
        key(before).ifPresent(keys::remove);
        key(after).ifPresent(keys::add);
    }

    /** The Vendor SKU Codes of up to {@code limit} states due by {@code dueBy}, earliest check first. */
    List<String> due(Instant dueBy, int limit) {
        List<String> codes = new ArrayList<>(Math.min(limit, 128));
        for (Key key : keys) {
            if (codes.size() >= limit || key.checkAt().isAfter(dueBy)) {
                break;
            }
            codes.add(key.vendorSkuCode());
        }
        return codes;
    }

    private static Optional<Key> key(InventoryState state) {
        return state != null && awaiting(state)
                ? Optional.of(new Key(state.moderationCheckAt().orElseThrow(), state.vendorSkuCode()))
                : Optional.empty();
    }
}
