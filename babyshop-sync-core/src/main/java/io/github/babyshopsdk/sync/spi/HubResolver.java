package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.sync.config.HubMapping;
import java.util.Optional;

/**
 * Chooses the host hub that fulfils an imported order. Babyshop orders carry no warehouse; the
 * {@linkplain #byMapping() default} matches the store's hub-mapping rules on the shipping address and
 * falls back to its default hub. A host can plug its own, for example by stock availability.
 *
 * <p>Implementations must be thread-safe and free of side effects. An order without a hub is held with
 * the reason "no hub" and tried again on later runs; it is never imported half-way.
 */
@FunctionalInterface
public interface HubResolver {

    /**
     * The hub for {@code order}, or empty when none fits.
     *
     * @param mapping the store's current hub mapping
     */
    Optional<String> resolve(Order order, HubMapping mapping);

    /** Rules on the shipping address (country, state, city), first match wins, then the default hub. */
    static HubResolver byMapping() {
        return (order, mapping) -> mapping.hubFor(order.shippingAddress());
    }
}
