package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.sync.host.ImportedOrder;
import java.util.Optional;

/**
 * The host's orders, as the engine creates and cancels them.
 *
 * <p>Implementations must be thread-safe. {@link #createOrder} must be idempotent by Babyshop order
 * number: the engine calls it again after a crash between the host's commit and its own, and relies on
 * getting the same host order back instead of a second order.
 */
public interface HostOrders {

    /**
     * Creates the order in the host (or finds the one created earlier for the same Babyshop order number)
     * and returns the host's id for it.
     *
     * @throws RuntimeException when the host cannot take the order now; the engine records the reason and
     *     tries again on a later run without moving its cursor past the order
     */
    String createOrder(ImportedOrder order);

    /**
     * Cancels a whole host order because it was cancelled on Babyshop. Must be idempotent: cancelling a
     * cancelled order succeeds.
     *
     * @param orderNo the Babyshop order number
     * @param hostOrderId the id {@link #createOrder} returned
     * @param reason why, for the host's records
     */
    void cancelOrder(String orderNo, String hostOrderId, String reason);

    /**
     * Whether the host still holds the order {@link #createOrder} returned {@code hostOrderId} for (a cancelled order
     * is still held). Reconciliation creates an order again when the answer is false; an empty answer (the default)
     * means the host cannot tell, and the engine's record is trusted. Must be free of side effects.
     *
     * @param orderNo the Babyshop order number
     * @param hostOrderId the id {@link #createOrder} returned
     * @throws RuntimeException when the host cannot answer now; the reconciliation run fails and is tried again
     */
    default Optional<Boolean> hasOrder(String orderNo, String hostOrderId) {
        return Optional.empty();
    }
}
