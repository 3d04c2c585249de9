package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.Flow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases that keep two engine instances from running the same flow of the same store at once. A lease
 * has an expiry, so a dead node's lease is taken over once it expires; its holder renews it while it runs.
 * Each method is atomic, also across every node sharing the store, and thread-safe.
 *
 * <p><b>Fencing.</b> Every successful {@link #acquire} returns a {@link Lease} with a fencing token greater
 * than every token given before for that flow of that store (tokens never go back, also not after a
 * release); {@link #renew} keeps the token. The current token of a flow is the one of its latest
 * acquisition. {@link SyncTransaction#fence(Lease)} checks, inside a state transaction and atomically with
 * its writes, that a token is still the current one and not released, so a holder that lost its lease
 * (expired and taken over while it was paused) cannot write after the new holder took over.
 *
 * <p>Expiry is judged against the {@code now} the caller passes (the engine's clock), {@code expiry <= now}
 * meaning expired.
 */
public interface LeaseStore {

    /**
     * Takes the lease of {@code flow} for {@code owner} until {@code now + ttl}, if it is free, expired, or
     * already held by {@code owner} (a restarted process that kept its instance id takes its own lease back
     * at once). Every success is a new acquisition with a new, greater token, so an earlier acquisition by
     * the same owner is fenced off.
     *
     * @return the lease when {@code owner} holds it now, empty when another owner holds it
     * @throws IllegalArgumentException if {@code ttl} is not positive
     * @throws StateStoreException when the store fails
     */
    Optional<Lease> acquire(Flow flow, String owner, Instant now, Duration ttl);

    /**
     * {@link #acquire} for callers that only need to know whether they hold the lease.
     *
     * @return whether {@code owner} holds the lease now
     */
    default boolean tryAcquire(Flow flow, String owner, Instant now, Duration ttl) {
        return acquire(flow, owner, now, ttl).isPresent();
    }

    /**
     * Extends {@code lease} until {@code now + ttl} if its token is still the current one and it was not
     * released (also when it expired meanwhile but nobody took it over: nobody else can have written).
     *
     * @return the renewed lease (same token, new expiry), or empty when the lease was lost
     * @throws IllegalArgumentException if {@code ttl} is not positive
     * @throws StateStoreException when the store fails (the lease may still be held; try again)
     */
    Optional<Lease> renew(Lease lease, Instant now, Duration ttl);

    /**
     * Gives {@code lease} up if its token is still the current one; does nothing otherwise. The token stays
     * current (a later acquisition gets a greater one), but {@link SyncTransaction#fence} refuses it.
     *
     * @throws StateStoreException when the store fails
     */
    void release(Lease lease);

    /** Gives the lease of {@code flow} up if {@code owner} holds it; does nothing otherwise. */
    void release(Flow flow, String owner);

    /**
     * The latest acquisition of {@code flow}'s lease, held or not ({@link Lease#heldAt}); empty if it was never
     * acquired. For diagnostics: "held by node-a until 10:15".
     *
     * @throws StateStoreException when the store fails
     */
    Optional<Lease> current(Flow flow);
}
