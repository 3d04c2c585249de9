package io.github.babyshopsdk.client.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One catalogue SKU as productFetch returns it (an item of {@code productList}, definition
 * {@code ProductList1}).
 *
 * <p>Only {@link #sku()} is mandatory. Units of the dimensions are not stated by the reference.
 */
@Value.Immutable
@ModelStyle
public abstract class Product {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Seller-panel SKU code, the key for inventoryPriceUpdate; never blank, kept raw. */
    public abstract String sku();

    /** The vendor's own SKU code (wire {@code vendorSkuCode}); the catalog flow's key when valid. */
    public abstract Optional<String> vendorSkuCode();

    /** Manufacturer SKU code (wire {@code mfgSkuCode}). */
    public abstract Optional<String> manufacturerSkuCode();

    /** Display name (wire {@code skuName}), raw. */
    public abstract Optional<String> skuName();

    /** Maximum retail price. Currency not stated. */
    public abstract Optional<BigDecimal> mrp();

    /** Current selling price. Currency not stated. */
    public abstract Optional<BigDecimal> salePrice();

    /** Cost price (wire {@code baseCost}). */
    public abstract Optional<BigDecimal> baseCost();

    /**
     * Product status code (wire {@code status}), raw; the value list is undocumented ({@code "1"} in the
     * example, probably active), Q56.
     */
    public abstract Optional<String> statusCode();

    /** Last change of the SKU record (wire {@code lastUpdateDate}). */
    public abstract Optional<Instant> lastUpdated();

    /** Brand name. */
    public abstract Optional<String> brand();

    /** Colour (wire {@code color}); often absent. */
    public abstract Optional<String> color();

    /** Size; often absent. */
    public abstract Optional<String> size();

    /** Weight; unit not stated (generateInvoice uses kilograms). */
    public abstract Optional<BigDecimal> weight();

    /** Length; unit not stated (generateInvoice uses centimetres). */
    public abstract Optional<BigDecimal> length();

    /** Width (called {@code bredth} in the generateInvoice request); unit not stated. */
    public abstract Optional<BigDecimal> width();

    /** Height; unit not stated. */
    public abstract Optional<BigDecimal> height();

    /**
     * Serial/IMEI tracking flag (wire {@code serialTracking}), raw: {@code "0"} in the example,
     * presumably {@code "1"} when tracked; undocumented (Q56).
     */
    public abstract Optional<String> serialTracking();

    /**
     * Whether the SKU has a usable Vendor SKU Code: present and not blank. The catalog flow takes only
     * such SKUs.
     */
    public boolean hasValidVendorSkuCode() {
        return vendorSkuCode().filter(code -> !code.isBlank()).isPresent();
    }

    @Value.Check
    void check() {
        Checks.nonBlank("sku", sku());
    }

    /** Builds a {@link Product}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableProduct.Builder {
        Builder() {}
    }
}
