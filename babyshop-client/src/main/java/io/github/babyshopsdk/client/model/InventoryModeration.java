package io.github.babyshopsdk.client.model;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The moderation state of one submitted stock/price change: an item of {@code skus} in the
 * inventoryPriceUpdate and inventoryPriceStatus responses (definitions {@code InventoryList1} and
 * {@code inventoryPriceList1}, which have the same fields).
 */
@Value.Immutable
@ModelStyle
public abstract class InventoryModeration {

    /** The moderation-status value that means "not decided yet": {@value}. */
    public static final String PENDING = "Pending";

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Moderation id (numeric text, e.g. {@code "24"}); the key to poll with inventoryPriceStatus. Never
     * blank.
     */
    public abstract String moderationId();

    /** SKU the change refers to; never blank. */
    public abstract String sku();

    /** Quantity as submitted (wire {@code requestedInvQty}). */
    public abstract Optional<BigDecimal> requestedQuantity();

    /** Quantity approved (wire {@code approvedInvQty}); absent while pending, by inference. */
    public abstract Optional<BigDecimal> approvedQuantity();

    /**
     * Moderation status, raw. Only {@code "Pending"} is documented; treat any other value as final and
     * unknown ones as worth an alert (Q36).
     */
    public abstract Optional<String> status();

    /** Selling price as submitted; absent when no price was sent, by inference. */
    public abstract Optional<BigDecimal> requestedSalePrice();

    /** True when {@link #status()} equals {@code "Pending"}, ignoring case: poll again later. */
    public boolean isPending() {
        return status().filter(PENDING::equalsIgnoreCase).isPresent();
    }

    @Value.Check
    void check() {
        Checks.nonBlank("moderationId", moderationId());
        Checks.nonBlank("sku", sku());
    }

    /** Builds a {@link InventoryModeration}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableInventoryModeration.Builder {
        Builder() {}
    }
}
