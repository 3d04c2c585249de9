package io.github.babyshopsdk.sync.config;

import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.host.HostEventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Status mapping both ways: Babyshop order status -> host lifecycle stage for import, and host event ->
 * Babyshop action for export. Only orders whose Babyshop status is mapped inbound are imported.
 *
 * <pre>{@code
 * StatusMapping.builder()
 *     .putInbound(OrderStatus.PENDING, "NEW").putInbound(OrderStatus.CONFIRMED, "NEW")
 *     .putInbound(OrderStatus.CANCELLED, "CANCELLED")
 *     .putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, {@code build()} throws {@link IllegalStateException} when a required attribute is unset and
 * {@link IllegalArgumentException} when it maps {@code UNKNOWN} or maps a status to a blank stage.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface StatusMapping {

    /** Babyshop order status -> host stage (a name the host understands, e.g. {@code NEW}). */
    Map<OrderStatus, String> inbound();

    /** Host event -> what to do on Babyshop; an unmapped event is not pushed. */
    Map<HostEventType, ChannelAction> outbound();

    /** The host stage for a Babyshop status, or empty when the status is not mapped (the order is not imported). */
    default Optional<String> stageFor(OrderStatus status) {
        return Optional.ofNullable(inbound().get(status));
    }

    /** The Babyshop action for a host event, or empty when it is not pushed. */
    default Optional<ChannelAction> actionFor(HostEventType event) {
        return Optional.ofNullable(outbound().get(event));
    }

    /**
     * Warnings about a mapping that would silently lose work: Confirmed or Pending unmapped (new orders
     * would never sync), Cancelled unmapped (cancellations would never sync back).
     */
    default List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (OrderStatus status : List.of(OrderStatus.PENDING, OrderStatus.CONFIRMED)) {
            if (!inbound().containsKey(status)) {
                warnings.add(status.label() + " is not mapped: new orders in that status would never sync");
            }
        }
        if (!inbound().containsKey(OrderStatus.CANCELLED)) {
            warnings.add("Cancelled is not mapped: cancellations on Babyshop would never sync back");
        }
        return warnings;
    }

    /** Refuses mappings of {@link OrderStatus#UNKNOWN} and blank stages. */
    @Value.Check
    default void check() {
        if (inbound().containsKey(OrderStatus.UNKNOWN)) {
            throw new IllegalArgumentException("inbound mapping cannot map UNKNOWN; map known statuses only");
        }
        inbound().forEach((status, stage) -> {
            if (stage.isBlank()) {
                throw new IllegalArgumentException("inbound mapping of " + status.label() + " has a blank stage");
            }
        });
    }

    /** Every Babyshop order status a configuration screen can offer ("Fetch Order Status"). */
    static List<OrderStatus> channelStatuses() {
        List<OrderStatus> statuses = new ArrayList<>(List.of(OrderStatus.values()));
        statuses.remove(OrderStatus.UNKNOWN);
        return statuses;
    }

    /** A mapping with nothing mapped. */
    static StatusMapping empty() {
        return builder().build();
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link StatusMapping}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableStatusMapping.Builder {
        Builder() {}
    }
}
