package io.github.babyshopsdk.sync.state;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * The link the catalog flow records between a Vendor SKU Code (the inventory key) and the Babyshop
 * {@code sku} that inventoryPriceUpdate takes. Stock is pushed only through such a link.
 *
 * <p>Immutable and thread-safe. {@link #of} creates one; it throws {@link NullPointerException} on a null argument.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface SkuLink {

    /** The Vendor SKU Code (non-blank). */
    String vendorSkuCode();

    /** The Babyshop seller-panel SKU. */
    String sku();

    /** When the catalog flow last saw it. */
    Instant updatedAt();

    /** Creates one. */
    static SkuLink of(String vendorSkuCode, String sku, Instant updatedAt) {
        return ImmutableSkuLink.builder().vendorSkuCode(vendorSkuCode).sku(sku).updatedAt(updatedAt).build();
    }
}
