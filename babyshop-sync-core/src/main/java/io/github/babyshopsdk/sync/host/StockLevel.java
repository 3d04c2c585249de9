package io.github.babyshopsdk.sync.host;

import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * The host's available stock of one Vendor SKU Code in one hub (may be negative: the engine floors the total
 * at 0). The inventory flow takes in a value only between -1,000,000,000 and 1,000,000,000 with at most 9
 * decimals; a SKU with a value outside that range is not pushed and is reported through
 * {@code SyncListener.inventoryRejected}, the other SKUs go on.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface StockLevel {

    /** The Vendor SKU Code: the inventory key shared by host and Babyshop. */
    String vendorSkuCode();

    /** The host hub. */
    String hub();

    /** Available quantity (on hand minus reserved, as the host defines it). */
    BigDecimal available();

    /** Creates one. */
    static StockLevel of(String vendorSkuCode, String hub, BigDecimal available) {
        return ImmutableStockLevel.builder().vendorSkuCode(vendorSkuCode).hub(hub).available(available).build();
    }
}
