package io.github.babyshopsdk.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A simulated catalogue SKU, as productFetch reports it. Immutable.
 *
 * @param sku seller-panel SKU code (the key of inventoryPriceUpdate)
 * @param vendorSkuCode vendor SKU code; blank or null for SKUs without a valid one
 * @param mfgSkuCode manufacturer SKU code
 * @param skuName display name
 * @param brand brand
 * @param mrp list price
 * @param salePrice selling price
 * @param baseCost cost price
 * @param status product status code ({@code "1"} active)
 * @param lastUpdate {@code lastUpdateDate}; the store moves it on every change
 * @param color colour, often null
 * @param size size, often null
 * @param weight weight (kg)
 * @param length length (cm)
 * @param width width (cm)
 * @param height height (cm)
 * @param serialTracking whether serial numbers are tracked ({@code "1"}/{@code "0"})
 */
public record SimProduct(String sku, String vendorSkuCode, String mfgSkuCode, String skuName, String brand,
                         BigDecimal mrp, BigDecimal salePrice, BigDecimal baseCost, String status,
                         Instant lastUpdate, String color, String size, BigDecimal weight, BigDecimal length,
                         BigDecimal width, BigDecimal height, boolean serialTracking) {

    /** Checks the mandatory parts and fills null numbers with zero. */
    public SimProduct {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(lastUpdate, "lastUpdate");
        mrp = orZero(mrp);
        salePrice = orZero(salePrice);
        baseCost = orZero(baseCost);
        weight = orZero(weight);
        length = orZero(length);
        width = orZero(width);
        height = orZero(height);
        status = status == null ? "1" : status;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /**
     * A simple active product.
     *
     * @param sku SKU code
     * @param vendorSkuCode vendor SKU code, may be blank or null
     * @param name name
     * @param brand brand
     * @param price MRP and sale price
     * @param when last update
     * @return the product
     */
    public static SimProduct of(String sku, String vendorSkuCode, String name, String brand, BigDecimal price,
                                Instant when) {
        return new SimProduct(sku, vendorSkuCode, vendorSkuCode, name, brand, price, price, price, "1", when,
                null, null, null, null, null, null, false);
    }

    /**
     * Whether the vendor SKU code is usable (not null and not blank).
     *
     * @return true for a valid vendor SKU code
     */
    public boolean hasValidVendorSkuCode() {
        return vendorSkuCode != null && !vendorSkuCode.isBlank();
    }

    /**
     * Copy with another last-update time.
     *
     * @param when new time
     * @return the copy
     */
    public SimProduct withLastUpdate(Instant when) {
        return new SimProduct(sku, vendorSkuCode, mfgSkuCode, skuName, brand, mrp, salePrice, baseCost, status,
                when, color, size, weight, length, width, height, serialTracking);
    }

    /**
     * Copy with another sale price.
     *
     * @param price new sale price
     * @return the copy
     */
    public SimProduct withSalePrice(BigDecimal price) {
        return new SimProduct(sku, vendorSkuCode, mfgSkuCode, skuName, brand, mrp, price, baseCost, status,
                lastUpdate, color, size, weight, length, width, height, serialTracking);
    }

    /**
     * Copy with another vendor SKU code.
     *
     * @param code new code, may be blank or null
     * @return the copy
     */
    public SimProduct withVendorSkuCode(String code) {
        return new SimProduct(sku, code, mfgSkuCode, skuName, brand, mrp, salePrice, baseCost, status,
                lastUpdate, color, size, weight, length, width, height, serialTracking);
    }
}
