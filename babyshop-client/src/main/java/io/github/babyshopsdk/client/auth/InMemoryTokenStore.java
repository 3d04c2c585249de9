package io.github.babyshopsdk.client.auth;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link TokenStore} in a concurrent map: thread-safe, forgotten when the JVM stops. */
public final class InMemoryTokenStore implements TokenStore {
    private final ConcurrentMap<String, AuthToken> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<AuthToken> load(String username) {
        return Optional.ofNullable(tokens.get(username));
    }

    @Override
    public void save(String username, AuthToken token) {
        tokens.put(username, token);
    }

    @Override
    public void invalidate(String username, AuthToken stale) {
        tokens.remove(username, stale);
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore{sellers=" + tokens.size() + "}";
    }
}
