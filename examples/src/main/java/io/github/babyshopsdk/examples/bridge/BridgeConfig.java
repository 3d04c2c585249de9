package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The bridge's configuration file, validated: the zone of the API's date-times, the store settings, status
 * and hub mapping, where the first import starts, the schedule and the quota budget.
 *
 * @param zone zone of the API's date-times (default {@code Asia/Kolkata})
 * @param settings the store-level toggles (each off unless the file turns it on)
 * @param statusMapping inbound (Babyshop status to host stage) and outbound (host event to Babyshop action)
 * @param hubMapping hub rules and default hub; names at least one hub
 * @param orderImportFrom orders updated before this are not imported (default: none, a first run reads the last 7 days)
 * @param scheduler when each flow is due in the scheduled modes
 * @param tick the longest wait between two asks of what is due in the scheduled modes (default 1 minute); they
 *     ask sooner when a flow is due sooner ({@code SyncEngine.nextDue}, e.g. a backlog continuing)
 * @param quota the credential's quota budget: calls per rolling window (default 40 per 5 minutes) and the calls
 *     kept per more urgent flow tier (default {@link QuotaLimits#reservePerTier()})
 * @param warnings things that are allowed but probably unintended (e.g. Pending not mapped)
 * @param safetyStock stock held back from Babyshop (default {@link SafetyStock#none()})
 */
public record BridgeConfig(ZoneId zone, StoreSettings settings, StatusMapping statusMapping, HubMapping hubMapping,
                           Optional<Instant> orderImportFrom, IntervalSyncScheduler scheduler, Duration tick,
                           QuotaLimits quota, List<String> warnings, SafetyStock safetyStock) {

    /** Calls allowed per quota window. */
    public int quotaCalls() {
        return quota.limit();
    }

    /** The quota's rolling window. */
    public Duration quotaWindow() {
        return quota.window();
    }

    /** The host stage a cancelled order gets: what Cancelled maps to inbound, else {@code CANCELLED}. */
    public String cancelledStage() {
        return statusMapping.stageFor(OrderStatus.CANCELLED).orElse("CANCELLED");
    }
}
