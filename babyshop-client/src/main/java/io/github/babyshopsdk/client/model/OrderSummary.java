package io.github.babyshopsdk.client.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An order header as orderList and orderListJIT return it (an item of {@code orderList}, definition
 * {@code orderDetailList1}). Use orderFetch for addresses, amounts and lines.
 */
@Value.Immutable
@ModelStyle
public abstract class OrderSummary {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Order number, the key for orderFetch (Q42); never blank, kept raw. */
    public abstract String orderNo();

    /** Raw order status code (wire {@code orderStatus}), e.g. {@code "5"}; see {@link #status()}. */
    public abstract Optional<String> statusCode();

    /** When the order was placed. */
    public abstract Optional<Instant> orderDate();

    /** Last update of the order (wire {@code orderLastUpdateDate}): the incremental-sync cursor. */
    public abstract Optional<Instant> lastUpdated();

    /** On-hold flag, raw ({@code "1"} in the example, presumably on hold); undocumented (Q56). */
    public abstract Optional<String> onHold();

    /** {@link #statusCode()} as an {@link OrderStatus}; {@link OrderStatus#UNKNOWN} if absent or unknown. */
    public OrderStatus status() {
        return statusCode().map(OrderStatus::fromCode).orElse(OrderStatus.UNKNOWN);
    }

    @Value.Check
    void check() {
        Checks.nonBlank("orderNo", orderNo());
    }

    /** Builds a {@link OrderSummary}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableOrderSummary.Builder {
        Builder() {}
    }
}
