package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spends the one quota budget by priority: a flow of priority tier {@code p} may make a call only while
 * at least {@code p * reservePerTier} calls would remain (the reserve scaled down for budgets under 40), so orders and cancellations (tier 0) can always use
 * the last calls, and a backlog of inventory or catalog never starves order import. Thread-safe.
 */
public final class QuotaGuard {
    private static final Logger LOG = LoggerFactory.getLogger(QuotaGuard.class);

    private final ChannelGateway channel;
    private final int reservePerTier;

    QuotaGuard(ChannelGateway channel, int reservePerTier) {
        this.channel = channel;
        this.reservePerTier = reservePerTier;
    }

    /**
     * Whether {@code flow} may make {@code calls} more calls now. Tier-0 flows are always allowed: the
     * client itself waits for the window to roll rather than earning a quota error.
     */
    public boolean allows(Flow flow, int calls) {
        if (flow.priority() == 0) {
            return true;
        }
        QuotaSnapshot snapshot = snapshot();
        if (snapshot == null) {
            return true;
        }
        return snapshot.remaining() - calls >= flow.priority() * reservePerTier(snapshot.limit());
    }

    /**
     * The reserve per tier, scaled to the budget: the configured reserve, but at most an eighth of the
     * limit, so that with a small budget every tier can still run when the window is free.
     */
    private int reservePerTier(int limit) {
        return Math.min(reservePerTier, limit / 8);
    }

    /** The calls left in the budget now, or empty when the gateway cannot tell. */
    public OptionalInt remaining() {
        QuotaSnapshot snapshot = snapshot();
        return snapshot == null ? OptionalInt.empty() : OptionalInt.of(snapshot.remaining());
    }

    private QuotaSnapshot snapshot() {
        try {
            return channel.quota();
        } catch (RuntimeException e) {
            LOG.debug("quota snapshot unavailable: {}", LogSafe.of(e));
            return null;
        }
    }
}
