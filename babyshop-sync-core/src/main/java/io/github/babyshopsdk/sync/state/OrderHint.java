package io.github.babyshopsdk.sync.state;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An order number someone asked the engine to look at (an order notification, or a host calling
 * {@code SyncEngine.hint}): the orders flow fetches it at {@link #dueAt()} with the rules of a polled order.
 * A hint never decides a state; it only makes an order due. Keyed by the order number: hints for the same
 * number are one hint (de-duplicated), counted in {@link #timesHinted()}.
 *
 * <p>A hint is <em>pending</em> until its order was fetched (then it is removed) or until fetches did not find
 * the order often enough (then it is <em>dropped</em>: kept a while with the reason, so an operator can see it,
 * then pruned).
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface OrderHint {

    /** The order number, as the hint gave it (a valid {@code RemoteKey}). */
    String orderNo();

    /** When the first hint for it arrived. */
    Instant firstHintedAt();

    /** When the last hint for it arrived. */
    Instant lastHintedAt();

    /** How many hints named it (at least 1). */
    int timesHinted();

    /** How many fetches did not find the order (0 before the first fetch). */
    int attempts();

    /** When the orders flow should fetch it (at once for a new hint; later after a fetch did not find it). */
    Instant dueAt();

    /** When it was dropped; empty while it is pending. */
    Optional<Instant> droppedAt();

    /** Why it was dropped (or why its last fetch did not find the order). */
    Optional<String> reason();

    /** Whether the orders flow still has to fetch it. */
    @Value.Derived
    default boolean pending() {
        return droppedAt().isEmpty();
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link OrderHint}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableOrderHint.Builder {
        Builder() {}
    }
}
