package io.github.babyshopsdk.sync.state;

import java.util.Optional;

/**
 * Named positions: update-time cursors, host feed tokens, last-run times. Values are opaque text.
 *
 * <p>Reached only through a {@link SyncTransaction}: valid inside that transaction, on its one thread. Every method
 * throws {@link StateStoreException} when the store fails and {@link IllegalStateException} once the transaction
 * has ended.
 */
public interface CursorStore {

    /** The value of cursor {@code name}, or empty if never saved. */
    Optional<String> get(String name);

    /** Saves cursor {@code name}. */
    void put(String name, String value);
}
