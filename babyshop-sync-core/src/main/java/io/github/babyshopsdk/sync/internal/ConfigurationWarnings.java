package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warnings about store settings that, together with the status mapping, would lose work without an error:
 * <ul>
 *   <li>"Automated Order Cancellation On Sales Channel" on while the status mapper does not map the host's
 *       CANCELLED event to Babyshop's Cancelled ({@value #CANCELLATIONS_NOT_PUSHED}): host cancellations would be
 *       skipped, never sent;</li>
 *   <li>Inventory Sync on with Catalog Sync off ({@link StoreSettings#warnings()}).</li>
 * </ul>
 * The mapping's own warnings (Pending/Confirmed/Cancelled unmapped inbound) are {@link StatusMapping#warnings()}.
 * Stateless and thread-safe.
 */
public final class ConfigurationWarnings {
    /** The start of the warning given when host cancellations would not be pushed. */
    public static final String CANCELLATIONS_NOT_PUSHED = "cancelled orders will not sync back to Babyshop";

    private ConfigurationWarnings() {
    }

    /**
     * The warnings of {@code settings} with {@code mapping} as {@code mapper} reads it; empty when none. A mapper
     * that throws is reported as a warning itself, never propagated.
     */
    public static List<String> of(StoreSettings settings, StatusMapping mapping, StatusMapper mapper) {
        List<String> warnings = new ArrayList<>();
        if (settings.autoCancelOnChannel()) {
            cancellationRefusal(settings, mapping, mapper).ifPresent(reason -> warnings.add(
                    CANCELLATIONS_NOT_PUSHED + ": Automated Order Cancellation On Sales Channel is on but " + reason));
        }
        warnings.addAll(settings.warnings());
        return warnings;
    }

    /**
     * The warning of one host cancellation that is not sent because Cancelled is not mapped outbound: the order
     * stays live on Babyshop.
     */
    static String cancellationNotPushed(String orderNo, String reason) {
        return "order " + orderNo + " was cancelled in the host but the cancellation is not sent to Babyshop ("
                + reason + "): " + CANCELLATIONS_NOT_PUSHED + "; map CANCELLED outbound, or cancel it in the"
                + " seller panel";
    }

    private static Optional<String> cancellationRefusal(StoreSettings settings, StatusMapping mapping,
                                                        StatusMapper mapper) {
        try {
            return HostEventIntake.cancelRefusal(settings, mapping, mapper);
        } catch (RuntimeException e) {
            return Optional.of("the status mapper failed to answer for CANCELLED: " + LogSafe.of(e));
        }
    }
}
