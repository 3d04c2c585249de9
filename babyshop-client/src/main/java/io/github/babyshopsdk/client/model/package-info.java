/**
 * Public value types of the SellerPanel V3 client: what the API returns (orders, returns, products,
 * inventory moderations, back orders, invoice items) and what callers send (queries, inventory items,
 * invoice requests, shipments).
 *
 * <p>Conventions for every type here:
 * <ul>
 *   <li>Instances are immutable and thread-safe; build them with the static {@code builder()} method.
 *   <li>Key fields ({@code orderNo}, {@code sku}, {@code moderationId}, ...) are mandatory, non-blank
 *       {@code String}s kept exactly as received (no trimming, leading zeros kept).
 *   <li>Anything the API may omit is an {@code Optional}; lists are never {@code null} and default to
 *       empty. {@code Optional} text fields keep the raw value, including {@code ""} and surrounding
 *       whitespace (reference Q16, Q19).
 *   <li>Amounts and quantities are {@link java.math.BigDecimal} with the scale as received
 *       ({@code "2"} and {@code "2.00"} are different scales of the same value): compare them with
 *       {@code compareTo}, not {@code equals} (Q15). Value equality of the types themselves is
 *       therefore scale-sensitive.
 *   <li>Date-times are {@link java.time.Instant}s. The wire carries local times without offset; the
 *       wire layer converts them with the zone the client is configured with (IST by default).
 *   <li>Names are the client's domain vocabulary (reference Appendix B); where the wire name differs,
 *       the accessor's javadoc gives it.
 *   <li>Request types validate themselves when built and throw {@link IllegalArgumentException}
 *       naming the field and the rule that failed.
 * </ul>
 */
package io.github.babyshopsdk.client.model;
