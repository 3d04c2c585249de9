package io.github.babyshopsdk.client.internal;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.auth.AuthToken;
import io.github.babyshopsdk.client.auth.TokenStore;
import io.github.babyshopsdk.client.error.OperationInterruptedException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the one API key of a credential and refreshes it single-flight: however many threads find the
 * same key rejected at once, exactly one {@code authToken} call is made, and the others take its result.
 *
 * <p>The first key comes from the {@link TokenStore} when it has one, so a restart spends no quota.
 * Thread-safe; waiting for another thread's refresh is interruptible.
 */
final class TokenManager {
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final String username;
    private final TokenStore store;
    private final Runnable onReauthentication;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AuthToken current;

    /**
     * @param onReauthentication told each time a rejected key is replaced by a call (not when another
     *     thread's fresh key is taken, nor for the first key)
     */
    TokenManager(String username, TokenStore store, Runnable onReauthentication) {
        this.username = username;
        this.store = store;
        this.onReauthentication = onReauthentication;
    }

    /**
     * The key to use now: the held one, else the stored one, else a fresh one from {@code fetcher}.
     *
     * @param fetcher makes the {@code authToken} call (taking its own quota permit, charged to the caller's tier)
     */
    AuthToken current(Supplier<AuthToken> fetcher) {
        AuthToken token = current;
        return token != null ? token : refresh(null, fetcher);
    }

    /**
     * Replaces {@code rejected} (null when there is no key yet) and returns the key to use. When another
     * thread already replaced it, returns that key without calling the server.
     *
     * @param fetcher makes the {@code authToken} call (taking its own quota permit, charged to the caller's tier)
     */
    AuthToken refresh(AuthToken rejected, Supplier<AuthToken> fetcher) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationInterruptedException(Operation.AUTH_TOKEN, e);
        }
        try {
            AuthToken held = current;
            if (held != null && held != rejected) {
                return held;
            }
            if (rejected == null) {
                Optional<AuthToken> stored = loadStored();
                if (stored.isPresent()) {
                    current = stored.get();
                    LOG.debug("using the stored API key of seller {}", username);
                    return current;
                }
            } else {
                invalidateStored(rejected);
            }
            AuthToken fresh = fetcher.get();
            if (rejected != null) {
                onReauthentication.run();
            }
            current = fresh;
            saveStored(fresh);
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    /** The key held now, if any; makes no call. */
    Optional<AuthToken> held() {
        return Optional.ofNullable(current);
    }

    private Optional<AuthToken> loadStored() {
        try {
            return store.load(username);
        } catch (RuntimeException e) {
            LOG.warn("token store failed to load the API key of seller {}: {}", username, e.getClass().getName());
            return Optional.empty();
        }
    }

    private void saveStored(AuthToken token) {
        try {
            store.save(username, token);
        } catch (RuntimeException e) {
            LOG.warn("token store failed to save the API key of seller {}: {}", username, e.getClass().getName());
        }
    }

    private void invalidateStored(AuthToken rejected) {
        try {
            store.invalidate(username, rejected);
        } catch (RuntimeException e) {
            LOG.warn("token store failed to forget a rejected API key of seller {}: {}", username,
                    e.getClass().getName());
        }
    }
}
