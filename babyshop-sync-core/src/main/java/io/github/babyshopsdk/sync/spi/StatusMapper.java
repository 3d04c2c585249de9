package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.host.HostEventType;
import java.util.Optional;

/**
 * Maps statuses both ways: a Babyshop order to the host stage it is imported with, and a host event to
 * the Babyshop action it causes. The {@linkplain #byMapping() default} reads the store's
 * {@link StatusMapping}. Implementations must be thread-safe and free of side effects.
 */
public interface StatusMapper {

    /** The host stage for {@code order}, or empty when its status is not mapped (the order is not imported). */
    Optional<String> stageFor(Order order, StatusMapping mapping);

    /** The Babyshop action for a host event, or empty when the event is not pushed. */
    default Optional<ChannelAction> actionFor(HostEventType event, StatusMapping mapping) {
        return mapping.actionFor(event);
    }

    /** The store's status mapping, as configured. */
    static StatusMapper byMapping() {
        return (order, mapping) -> mapping.stageFor(order.status());
    }
}
