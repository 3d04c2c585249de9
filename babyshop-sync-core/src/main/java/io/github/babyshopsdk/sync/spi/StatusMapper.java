package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.host.HostEventType;
import java.util.Optional;

/**
 * Maps statuses both ways: a Babyshop order to the host stage it is imported with, and a host event to
 * the Babyshop action it causes. The {@linkplain #byMapping() default} reads the store's
 * {@link StatusMapping}. Implementations must be thread-safe and free of side effects.
 *
 * <p>This is the only path of a status decision: the engine's flows never read the {@link StatusMapping} tables
 * themselves, they ask the mapper (the mapping is passed so that a mapper may use it). A host that answers
 * {@link #stageFor} in its own way should also answer {@link #isCancellation} and {@link #mapsStatus} in that
 * way when the defaults (which read the tables) would disagree with it.
 */
public interface StatusMapper {

    /** The host stage for {@code order}, or empty when its status is not mapped (the order is not imported). */
    Optional<String> stageFor(Order order, StatusMapping mapping);

    /** The Babyshop action for a host event, or empty when the event is not pushed. */
    default Optional<ChannelAction> actionFor(HostEventType event, StatusMapping mapping) {
        return mapping.actionFor(event);
    }

    /**
     * Whether Babyshop cancelled {@code order}: its status is Cancelled, or it gets the same host stage as
     * Cancelled (e.g. {@code Rejected: CANCELLED} beside {@code Cancelled: CANCELLED}). An imported order that is
     * a cancellation is cancelled in the host when {@link #stageFor} maps it; one first seen cancelled is recorded,
     * not created (unless the host opts in). The default reads the Cancelled stage from {@code mapping} and asks
     * {@link #stageFor} for the order's.
     */
    default boolean isCancellation(Order order, StatusMapping mapping) {
        if (order.status() == OrderStatus.CANCELLED) {
            return true;
        }
        Optional<String> cancelledStage = mapping.stageFor(OrderStatus.CANCELLED);
        return cancelledStage.isPresent() && stageFor(order, mapping).equals(cancelledStage);
    }

    /**
     * Whether orders in Babyshop status {@code status} may be mapped: the engine fetches again an order it skipped
     * as "status unmapped" when its status may be mapped now (after a mapping change), and reconciliation looks for
     * missing orders in such statuses. May answer true for a status whose orders {@link #stageFor} then does not
     * map (a needless fetch), never false for one it maps (such orders would be re-read only when they change).
     * The default reads {@code mapping}'s inbound table.
     */
    default boolean mapsStatus(OrderStatus status, StatusMapping mapping) {
        return mapping.stageFor(status).isPresent();
    }

    /** The store's status mapping, as configured. */
    static StatusMapper byMapping() {
        return (order, mapping) -> mapping.stageFor(order.status());
    }
}
