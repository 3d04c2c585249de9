package io.github.babyshopsdk.client.catalog;

import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One SKU of an inventory update that the server did not accept: code 304 ({@code [SKU & Seller] Code
 * Combination not found}) for an unknown SKU, or no code when the server answered success without
 * echoing the SKU back (Q35).
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface SkuRejection {

    /** The SKU as sent. */
    String sku();

    /** The response code that rejected it, if the server sent one for it. */
    OptionalInt code();

    /** Why it was rejected, in words. */
    String reason();

    /** Creates a rejection. */
    static SkuRejection of(String sku, Integer code, String reason) {
        return ImmutableSkuRejection.builder().sku(sku)
                .code(code == null ? OptionalInt.empty() : OptionalInt.of(code)).reason(reason).build();
    }
}
