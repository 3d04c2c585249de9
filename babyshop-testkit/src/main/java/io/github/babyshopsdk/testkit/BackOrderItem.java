package io.github.babyshopsdk.testkit;

import java.math.BigDecimal;

/**
 * One entry of the skuBackOrder answer. Immutable.
 *
 * @param vendorCode JIT vendor code, e.g. {@code "jit_01"}
 * @param sku SKU code
 * @param qty back-ordered quantity
 * @param price price
 * @param vendorSkuCode vendor SKU code (sent as {@code vendorSKUCode})
 */
public record BackOrderItem(String vendorCode, String sku, BigDecimal qty, BigDecimal price, String vendorSkuCode) {
}
