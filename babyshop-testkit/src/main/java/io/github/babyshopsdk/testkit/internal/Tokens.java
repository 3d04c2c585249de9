package io.github.babyshopsdk.testkit.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Credentials and API keys. One current key per credential: authToken answers it while it is valid
 * (Vinculum's "static token"), and issues a new one once it has expired (TTL) or was expired by
 * {@link #expireAll(Instant)}. Thread-safe (synchronised).
 */
public final class Tokens {

    /** Outcome of looking a key up. */
    public enum Status {
        /** Unknown key. */
        UNKNOWN,
        /** Known but expired. */
        EXPIRED,
        /** Valid. */
        VALID
    }

    /**
     * A key lookup.
     *
     * @param status outcome
     * @param username owner of a known key, null for an unknown one
     */
    public record Resolution(Status status, String username) {
    }

    private record Token(String value, String username, Instant expiresAt) {
        boolean validAt(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt);
        }
    }

    private final Map<String, Credential> credentials = new LinkedHashMap<>();
    private final Duration ttl;
    private final Random random;
    private final Map<String, Token> byValue = new HashMap<>();
    private final Map<String, Token> current = new HashMap<>();
    private final String prefix;

    /**
     * The store of keys.
     *
     * @param credentials configured logins
     * @param ttl key lifetime, null for keys that never expire
     * @param random source of key values (seeded: keys are repeatable)
     */
    public Tokens(List<Credential> credentials, Duration ttl, Random random) {
        this(credentials, ttl, random, "");
    }

    /**
     * The store of keys, each key starting with {@code prefix} (a marker that secret-leak tests search for).
     *
     * @param credentials configured logins
     * @param ttl key lifetime, null for keys that never expire
     * @param random source of key values (seeded: keys are repeatable)
     * @param prefix the start of every key issued (may be empty)
     */
    public Tokens(List<Credential> credentials, Duration ttl, Random random, String prefix) {
        credentials.forEach(c -> this.credentials.put(c.username(), c));
        this.ttl = ttl;
        this.random = random;
        this.prefix = prefix;
    }

    /**
     * Whether a username is configured.
     *
     * @param username name
     * @return true when known
     */
    public synchronized boolean knows(String username) {
        return credentials.containsKey(username);
    }

    /**
     * Checks a login (constant-time comparison).
     *
     * @param username name
     * @param password password
     * @return the credential when both match
     */
    public synchronized Optional<Credential> check(String username, String password) {
        Credential c = credentials.get(username);
        if (c == null || !MessageDigest.isEqual(c.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(c);
    }

    /**
     * The current key of a credential, issuing a new one if there is none or it expired.
     *
     * @param username a configured username
     * @param now simulated time
     * @return the key value
     */
    public synchronized String issue(String username, Instant now) {
        if (!credentials.containsKey(username)) {
            throw new IllegalArgumentException("unknown username");
        }
        Token t = current.get(username);
        if (t == null || !t.validAt(now)) {
            byte[] bytes = new byte[48];
            random.nextBytes(bytes);
            t = new Token(prefix + Base64.getEncoder().withoutPadding().encodeToString(bytes), username,
                    ttl == null ? null : now.plus(ttl));
            current.put(username, t);
            byValue.put(t.value(), t);
        }
        return t.value();
    }

    /**
     * Looks a key up.
     *
     * @param apiKey the header value
     * @param now simulated time
     * @return the resolution
     */
    public synchronized Resolution resolve(String apiKey, Instant now) {
        Token t = apiKey == null ? null : byValue.get(apiKey.trim());
        if (t == null) {
            return new Resolution(Status.UNKNOWN, null);
        }
        return new Resolution(t.validAt(now) ? Status.VALID : Status.EXPIRED, t.username());
    }

    /**
     * Expires every key issued so far.
     *
     * @param now simulated time
     */
    public synchronized void expireAll(Instant now) {
        byValue.replaceAll((k, t) -> new Token(t.value(), t.username(), now));
        current.replaceAll((k, t) -> byValue.get(t.value()));
    }

    /**
     * The owner code of a credential.
     *
     * @param username name
     * @return its apiOwner
     */
    public synchronized String apiOwner(String username) {
        return credentials.get(username).apiOwner();
    }
}
