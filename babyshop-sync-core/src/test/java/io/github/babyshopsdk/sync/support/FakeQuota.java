package io.github.babyshopsdk.sync.support;

import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import java.time.Duration;

/**
 * The quota budget of a fake gateway, counted down: {@code remaining} calls left in the window (unknown when
 * null: every call is granted), one fewer per granted call. Like the client with the engine's waiter, a call
 * of tier {@code t} is refused (nothing sent, {@link QuotaExceededException}) while no more than
 * {@code reserveFor(t)} calls of Vinculum's default limits are left; no tier waits. Not thread-safe.
 */
public final class FakeQuota {
    private static final QuotaLimits LIMITS = QuotaLimits.vinculumDefault();

    private Integer remaining;
    private int tier;

    /** A budget with {@code remaining} calls left, or unknown (unlimited) when null. */
    public FakeQuota(Integer remaining) {
        this.remaining = remaining;
    }

    /** Sets the calls left (null: unknown, unlimited). */
    public void remaining(Integer calls) {
        this.remaining = calls;
    }

    /** The calls left, or null when unknown. */
    public Integer remaining() {
        return remaining;
    }

    /** Charges the next calls to {@code tier} (what the engine's view of the gateway does). */
    public void chargeTo(int tier) {
        this.tier = tier;
    }

    /** The tier calls are charged to. */
    public int tier() {
        return tier;
    }

    /**
     * Takes the permit of one call of the current tier.
     *
     * @throws QuotaExceededException when the tier's share is used up (the call must not be sent)
     */
    public void take(String operation) {
        if (remaining == null) {
            return;
        }
        if (remaining <= LIMITS.reserveFor(tier)) {
            throw new QuotaExceededException(null, null, null, operation + ": the local call budget keeps its last "
                    + remaining + " call(s) for more urgent tiers than " + tier, Duration.ofMinutes(1), remaining);
        }
        remaining--;
    }

    /** The budget now, as {@code ChannelGateway.quota()} reports it; null when unknown. */
    public QuotaSnapshot snapshot() {
        if (remaining == null) {
            return null;
        }
        int left = Math.max(0, remaining);
        return QuotaSnapshot.of(LIMITS, left, left > 0 ? Duration.ZERO : Duration.ofMinutes(1));
    }
}
