package io.github.babyshopsdk.sync.state;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the engine knows about one Babyshop order: whether it is imported (the link to the host order),
 * the last Babyshop status and update time it acted on, and the reason for its state. Keyed by the
 * Babyshop order number.
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface OrderRecord {

    /** The Babyshop order number (orderList's {@code orderNo}). */
    String orderNo();

    /** The master order number from orderFetch, if known. */
    Optional<String> masterOrderNo();

    /** Where the order stands. */
    OrderState state();

    /** Why it is in that state. */
    OrderReason reason();

    /** More about the reason, in words (e.g. the host's error or the changed lines). */
    Optional<String> detail();

    /** The host order id, once imported. */
    Optional<String> hostOrderId();

    /** The hub it was routed to, once imported. */
    Optional<String> hub();

    /** The host stage it was imported with. */
    Optional<String> stage();

    /** The Babyshop status code last acted on (the last status exchanged). */
    Optional<String> channelStatusCode();

    /** Babyshop's {@code orderLastUpdateDate} of the version last acted on. */
    Optional<Instant> channelUpdatedAt();

    /** A digest of the lines as imported (line, SKU, quantities), to detect item-level changes. */
    Optional<String> lineSignature();

    /** The invoice created for its shipment, once packed. */
    Optional<String> invoiceNo();

    /** When this record last changed. */
    Instant updatedAt();

    /** Whether the order exists in the host (imported, possibly cancelled since). */
    default boolean isLinked() {
        return hostOrderId().isPresent();
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link OrderRecord}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableOrderRecord.Builder {
        Builder() {}
    }
}
