package io.github.babyshopsdk.sync;

import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderState;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Why an order was or was not imported or updated, as {@link SyncEngine#explain(String)} answers it:
 * the state, the main reason, and every detail the engine holds (outbox entries, quarantine, settings).
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface OrderExplanation {

    /** The Babyshop order number asked about. */
    String orderNo();

    /** The engine's state for it, or empty if never seen. */
    Optional<OrderState> state();

    /** The main reason. */
    OrderReason reason();

    /** The host order id, once imported. */
    Optional<String> hostOrderId();

    /** Human-readable lines: the reason's detail, quarantine, outbound operations, relevant settings. */
    List<String> details();

    /** One paragraph for a support screen. */
    default String summary() {
        return orderNo() + ": " + reason().label() + (details().isEmpty() ? "" : " (" + String.join("; ", details()) + ")");
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link OrderExplanation}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableOrderExplanation.Builder {
        Builder() {}
    }
}
