package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.Flow;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * One acquisition of a flow lease: who holds it, until when, and its fencing token. Immutable.
 *
 * <p>The token is what makes a lease safe against a holder that wakes up late (a long GC pause, a
 * partitioned node): every acquisition of a flow's lease in a store gets a token greater than every token
 * given before for that flow and store, and a state write carrying a token that is no longer the current
 * one is refused ({@link SyncTransaction#fence(Lease)}). Renewal keeps the token.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface Lease {

    /** The flow the lease is for. */
    @Value.Parameter
    Flow flow();

    /** The engine instance that holds (or last held) it. */
    @Value.Parameter
    String holder();

    /** The fencing token of this acquisition: positive, increasing per flow and store. */
    @Value.Parameter
    long token();

    /** When it expires unless renewed; a released lease has expired. */
    @Value.Parameter
    Instant expiresAt();

    /** Whether the lease is still held at {@code now} ({@code expiresAt} after {@code now}). */
    default boolean heldAt(Instant now) {
        return expiresAt().isAfter(now);
    }

    /** A lease. */
    static Lease of(Flow flow, String holder, long token, Instant expiresAt) {
        return ImmutableLease.of(flow, holder, token, expiresAt);
    }
}
