package io.github.babyshopsdk.testkit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One SKU entry received by inventoryPriceUpdate, with the moderation id it was answered with.
 * Immutable.
 *
 * @param moderationId moderation id answered for this entry
 * @param sku SKU as sent
 * @param invQty quantity as sent, null when the entry carried none
 * @param salePrice sale price as sent, null when the entry carried none
 * @param receivedAt simulated time of receipt
 * @param credential username of the credential that sent it
 */
public record InventoryUpdate(long moderationId, String sku, BigDecimal invQty, BigDecimal salePrice,
                              Instant receivedAt, String credential) {
}
