package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.Flow;
import java.time.Duration;
import java.time.Instant;

/**
 * Leases that keep two engine instances from running the same flow of the same store at once. A lease
 * has an expiry, so a dead node's lease is taken over once it expires. Each method is atomic.
 */
public interface LeaseStore {

    /**
     * Takes or extends the lease of {@code flow} for {@code owner} until {@code now + ttl}, if it is free,
     * expired, or already held by {@code owner}.
     *
     * @return whether {@code owner} holds the lease now
     */
    boolean tryAcquire(Flow flow, String owner, Instant now, Duration ttl);

    /** Gives the lease up if {@code owner} holds it; does nothing otherwise. */
    void release(Flow flow, String owner);
}
