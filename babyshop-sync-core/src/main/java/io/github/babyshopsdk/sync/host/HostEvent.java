package io.github.babyshopsdk.sync.host;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An order event from the host: packed, shipped, delivered or cancelled. The engine applies each event
 * at most once, keyed by {@link #eventId()}.
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, {@code build()} throws {@link IllegalStateException} when a required attribute is unset and
 * {@link IllegalArgumentException} for a {@code PACKED} event without transporter or AWB.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface HostEvent {

    /** A key unique per event; the engine ignores an id it has seen. */
    String eventId();

    /** The Babyshop order number the event is about. */
    String orderNo();

    /** What happened. */
    HostEventType type();

    /** The courier, required for {@link HostEventType#PACKED}. */
    Optional<String> transporter();

    /** The AWB (tracking) number, required for {@link HostEventType#PACKED}. */
    Optional<String> awbNo();

    /**
     * For {@link HostEventType#CANCELLED}: the line numbers to cancel; empty means the whole order. A
     * partial cancellation is refused (SellerPanel cancels whole orders only).
     */
    List<String> lineNos();

    /** When it happened in the host, if known. */
    Optional<Instant> occurredAt();

    /** Refuses a PACKED event without transporter or AWB. */
    @Value.Check
    default void check() {
        if (type() == HostEventType.PACKED && (transporter().filter(t -> !t.isBlank()).isEmpty()
                || awbNo().filter(a -> !a.isBlank()).isEmpty())) {
            throw new IllegalArgumentException("PACKED event " + eventId() + " for order " + orderNo()
                    + " needs transporter and awbNo");
        }
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link HostEvent}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableHostEvent.Builder {
        Builder() {}
    }
}
