package io.github.babyshopsdk.client.model;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One stock (and optionally price) update for inventoryPriceUpdate: an entry of {@code invPriceList}.
 *
 * <p>Rules, checked on {@code build()}: {@link #sku()} non-blank; {@link #quantity()} not negative;
 * {@link #salePrice()}, when present, greater than 0; both numbers fit Decimal(10,3): at most 3 decimals
 * (trailing zeros ignored) and at most 7 integer digits. Batch rules (1 to
 * {@link io.github.babyshopsdk.client.ChannelLimits#MAX_BATCH} items, no SKU twice) are checked where a
 * batch is sent.
 *
 * <p>Whether the API treats the quantity as an absolute level or a delta is undocumented (Q33); the
 * client treats it as the absolute level.
 */
@Value.Immutable
@ModelStyle
public abstract class InventoryItem {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An item without a price change.
     *
     * @throws IllegalArgumentException if a rule above is broken
     * @throws NullPointerException if an argument is {@code null}
     */
    public static InventoryItem of(String sku, BigDecimal quantity) {
        return builder().sku(sku).quantity(quantity).build();
    }

    /** Seller SKU code, sent raw (wire {@code sku}). */
    public abstract String sku();

    /** Stock quantity (wire {@code invQty}, sent as a string in plain notation). */
    public abstract BigDecimal quantity();

    /** New selling price (wire {@code salePrice}, a string); left out of the request when absent. */
    public abstract Optional<BigDecimal> salePrice();

    @Value.Check
    void check() {
        Checks.nonBlank("sku", sku());
        Checks.notNegative("quantity", quantity());
        Checks.decimal10x3("quantity", quantity());
        salePrice().ifPresent(price -> {
            Checks.positive("salePrice", price);
            Checks.decimal10x3("salePrice", price);
        });
    }

    /** Builds a {@link InventoryItem}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableInventoryItem.Builder {
        Builder() {}
    }
}
