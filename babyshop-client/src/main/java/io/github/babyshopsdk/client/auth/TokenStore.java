package io.github.babyshopsdk.client.auth;

import java.util.Optional;

/**
 * Keeps the API key of a seller across restarts, so a restarted host does not spend quota on
 * {@code authToken}. The client reads it before its first call, saves every fresh key, and tells the
 * store when the server rejected a key (code 2000).
 *
 * <p>Implementations must be thread-safe. The store is an optimisation: when one of its methods throws,
 * the client logs the failure (without the key) and carries on as if the store were empty. Keys are
 * secrets: store them as you would the password.
 */
public interface TokenStore {

    /** The last saved key for {@code username}, or empty. */
    Optional<AuthToken> load(String username);

    /** Saves the key the server just issued for {@code username}, replacing any older one. */
    void save(String username, AuthToken token);

    /**
     * Forgets {@code stale} for {@code username} because the server rejected it. Implementations must not
     * remove a newer key saved in the meantime. The default does nothing.
     */
    default void invalidate(String username, AuthToken stale) {
    }

    /** A store that keeps keys in this JVM only (the default). */
    static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }
}
