package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseLostException;
import io.github.babyshopsdk.sync.state.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease of one flow run: renews it (called by the engine's renewal thread every renewal interval) and
 * knows when it is lost. Once lost it stays lost; {@link #check()} then throws, which the run's fenced store
 * view and fenced calls do before every transaction and every write to the host or Babyshop. Thread-safe.
 */
public final class LeaseKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final LeaseStore leases;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicReference<Lease> lease;
    private final AtomicReference<String> lost = new AtomicReference<>();

    /** Keeps {@code lease}, renewing it for {@code ttl} at the time of {@code clock}. */
    public LeaseKeeper(LeaseStore leases, Lease lease, Clock clock, Duration ttl) {
        this.leases = leases;
        this.clock = clock;
        this.ttl = ttl;
        this.lease = new AtomicReference<>(lease);
    }

    /** The lease as last acquired or renewed. */
    public Lease lease() {
        return lease.get();
    }

    /**
     * Renews the lease once. A refused renewal (taken over, released) marks it lost; a failing store marks it
     * lost once the lease has expired by the engine's clock (before that, the next renewal tries again). Never
     * throws. Called by the engine's renewal thread and, between the slices of a quota wait, by the run's own
     * thread; one renewal at a time.
     */
    public synchronized void renew() {
        if (lost.get() != null) {
            return;
        }
        Lease current = lease.get();
        Instant now = clock.instant();
        try {
            leases.renew(current, now, ttl).ifPresentOrElse(lease::set, () -> markLost("the " + current.flow()
                    + " lease of " + current.holder() + " was taken over or released" + heldBy(current)));
        } catch (RuntimeException e) {
            if (!current.heldAt(clock.instant())) {
                markLost("renewing the " + current.flow() + " lease failed until it expired: " + e.getMessage());
            } else {
                LOG.warn("renewing the {} lease failed, will try again before it expires at {}: {}", current.flow(),
                        current.expiresAt(), e.getMessage());
            }
        }
    }

    private String heldBy(Lease mine) {
        try {
            return leases.current(mine.flow()).filter(l -> l.token() != mine.token())
                    .map(l -> "; held by " + l.holder() + " until " + l.expiresAt()).orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Marks the lease lost (first reason wins), e.g. when the engine closes without waiting for the run. */
    public void markLost(String reason) {
        if (lost.compareAndSet(null, reason)) {
            LOG.warn("{}; the run stops before its next write", reason);
        }
    }

    /** Whether the lease was lost. */
    public boolean isLost() {
        return lost.get() != null;
    }

    /** Why the lease was lost, or null. */
    public String lostReason() {
        return lost.get();
    }

    /**
     * Throws when the lease is known to be lost.
     *
     * @throws LeaseLostException when it is lost
     */
    public void check() {
        String reason = lost.get();
        if (reason != null) {
            throw new LeaseLostException(lease.get().flow(), reason);
        }
    }
}
