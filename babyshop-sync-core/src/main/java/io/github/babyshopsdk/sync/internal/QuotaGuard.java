package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spends the one quota budget by priority: a flow of priority tier {@code p} may make a call only while
 * more than {@code p * reservePerTier} calls remain, so orders and cancellations (tier 0) can always use
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
        OptionalInt remaining = remaining();
        if (remaining.isEmpty()) {
            return true;
        }
        return remaining.getAsInt() - calls >= flow.priority() * reservePerTier;
    }

    /** The calls left in the budget now, or empty when the gateway cannot tell. */
    public OptionalInt remaining() {
        try {
            QuotaSnapshot snapshot = channel.quota();
            return snapshot == null ? OptionalInt.empty() : OptionalInt.of(snapshot.remaining());
        } catch (RuntimeException e) {
            LOG.debug("quota snapshot unavailable: {}", e.toString());
            return OptionalInt.empty();
        }
    }
}
