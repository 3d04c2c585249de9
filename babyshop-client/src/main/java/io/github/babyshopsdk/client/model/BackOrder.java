package io.github.babyshopsdk.client.model;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A back-ordered SKU of a JIT vendor: an item of skuBackOrder's {@code data} (definition
 * {@code skuBack}).
 */
@Value.Immutable
@ModelStyle
public abstract class BackOrder {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** SKU code; never blank. */
    public abstract String sku();

    /** JIT vendor code (wire {@code vendorCode}). */
    public abstract Optional<String> vendorCode();

    /** The vendor's SKU code (wire {@code vendorSKUCode}, capitalised differently from productFetch). */
    public abstract Optional<String> vendorSkuCode();

    /** Back-ordered quantity (wire {@code qty}). */
    public abstract Optional<BigDecimal> quantity();

    /** Price; whether unit price or cost, and the currency, are undocumented. */
    public abstract Optional<BigDecimal> price();

    /** Whether {@link #vendorSkuCode()} is present and not blank. */
    public boolean hasValidVendorSkuCode() {
        return vendorSkuCode().filter(code -> !code.isBlank()).isPresent();
    }

    @Value.Check
    void check() {
        Checks.nonBlank("sku", sku());
    }

    /** Builds a {@link BackOrder}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableBackOrder.Builder {
        Builder() {}
    }
}
