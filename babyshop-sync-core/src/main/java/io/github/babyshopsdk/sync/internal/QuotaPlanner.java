package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Planning advice from a snapshot of the quota budget; it enforces nothing. Every call takes its permit from
 * the one {@link QuotaBudget} ({@code tryAcquire(tier, now)}, atomic, per tier), which alone keeps the calls
 * held back for more urgent flows. This only tells a less urgent flow not to start a unit of several calls
 * (an outbound entry: invoice, label, ...) that the budget would refuse half-way, and reports the calls left.
 * Thread-safe.
 */
public final class QuotaPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(QuotaPlanner.class);

    private final ChannelGateway channel;

    QuotaPlanner(ChannelGateway channel) {
        this.channel = channel;
    }

    /**
     * Whether {@code flow} can make {@code calls} calls now without the budget refusing one of them
     * ({@link QuotaSnapshot#remainingFor(int) remainingFor(flow.priority())}). Always true for the top tier,
     * which waits for the window instead, and when the gateway cannot tell. Advice only: another thread or
     * node may take the permits meanwhile.
     */
    public boolean canFinish(Flow flow, int calls) {
        if (flow.priority() == QuotaBudget.TOP_TIER) {
            return true;
        }
        QuotaSnapshot snapshot = snapshot();
        return snapshot == null || snapshot.remainingFor(flow.priority()) >= calls;
    }

    /** The calls the top tier may make now, or empty when the gateway cannot tell. */
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
