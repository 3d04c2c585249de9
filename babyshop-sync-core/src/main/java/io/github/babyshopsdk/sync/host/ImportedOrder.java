package io.github.babyshopsdk.sync.host;

import io.github.babyshopsdk.client.model.Order;
import org.immutables.value.Value;

/**
 * An order the engine asks the host to create: the Babyshop order as read (with every line and its
 * ordered quantity), the host stage its Babyshop status maps to, and the hub that fulfils it.
 *
 * <p>Immutable and thread-safe. {@link #of} creates one; it throws {@link NullPointerException} on a null argument.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface ImportedOrder {

    /** The Babyshop order, as read from {@code orderFetch}. */
    Order order();

    /** The host lifecycle stage from status mapping, e.g. {@code NEW}. */
    String stage();

    /** The host hub from hub resolution. */
    String hub();

    /** The Babyshop order number: the idempotency key of {@code createOrder}. */
    default String orderNo() {
        return order().orderNo();
    }

    /** Creates one. */
    static ImportedOrder of(Order order, String stage, String hub) {
        return ImmutableImportedOrder.builder().order(order).stage(stage).hub(hub).build();
    }
}
