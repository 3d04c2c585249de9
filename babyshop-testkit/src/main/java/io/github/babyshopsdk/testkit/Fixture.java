package io.github.babyshopsdk.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recipe for the simulator's initial data: {@code n} orders over {@code m} SKUs, generated from a
 * seed. The same recipe (seed, counts, shares and anchor) always yields an identical store.
 * Immutable; the {@code with...} methods return changed copies.
 *
 * <p>Generated data is UAE/KSA flavoured: orders in AED (addresses in Dubai, Abu Dhabi, Sharjah,
 * country {@code ARE}, phones {@code +971}) or SAR (Riyadh, Jeddah, Dammam, {@code SAU},
 * {@code +966}); baby-product names and brands; 1-4 lines per order; statuses mostly Pending (1) and
 * Confirmed (5), some Cancelled (8), Ready for Ship (10), Shipped (15) and Delivered (25); invoices
 * for orders from Ready for Ship on; some returns of delivered orders; a few back-order entries.
 * Timestamps lie in the 14 days (orders) or 60 days (SKUs) before the anchor.
 */
public final class Fixture {

    private final long seed;
    private final int orders;
    private final int skus;
    private final double invalidVendorSkuShare;
    private final double jitShare;
    private final Instant anchor;

    private Fixture(long seed, int orders, int skus, double invalidVendorSkuShare, double jitShare, Instant anchor) {
        if (orders < 0 || skus < 0 || (orders > 0 && skus == 0)) {
            throw new IllegalArgumentException("need orders >= 0, skus >= 0, and skus > 0 when there are orders");
        }
        checkShare(invalidVendorSkuShare);
        checkShare(jitShare);
        this.seed = seed;
        this.orders = orders;
        this.skus = skus;
        this.invalidVendorSkuShare = invalidVendorSkuShare;
        this.jitShare = jitShare;
        this.anchor = anchor;
    }

    private static void checkShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share is between 0 and 1: " + share);
        }
    }

    /**
     * {@code orders} orders over {@code skus} SKUs; 15 % of SKUs without a valid vendor SKU code,
     * no JIT orders, anchored at the simulator clock's time when the simulator is built.
     *
     * @param seed the seed
     * @param orders number of orders, at least 0
     * @param skus number of SKUs, at least 1 when there are orders
     * @return the recipe
     */
    public static Fixture of(long seed, int orders, int skus) {
        return new Fixture(seed, orders, skus, 0.15, 0.0, null);
    }

    /**
     * An empty store: no orders, SKUs, returns or back orders.
     *
     * @return the recipe
     */
    public static Fixture empty() {
        return new Fixture(0, 0, 0, 0.0, 0.0, null);
    }

    /**
     * Copy with another share of SKUs whose vendor SKU code is blank or null.
     *
     * @param share between 0 and 1
     * @return the copy
     */
    public Fixture withInvalidVendorSkuShare(double share) {
        return new Fixture(seed, orders, skus, share, jitShare, anchor);
    }

    /**
     * Copy with another share of JIT orders (listed only by orderListJIT / orderFetchJIT).
     *
     * @param share between 0 and 1
     * @return the copy
     */
    public Fixture withJitShare(double share) {
        return new Fixture(seed, orders, skus, invalidVendorSkuShare, share, anchor);
    }

    /**
     * Copy whose timestamps are generated relative to a fixed instant instead of the clock's time.
     *
     * @param instant the anchor ("now" of the generated data)
     * @return the copy
     */
    public Fixture anchoredAt(Instant instant) {
        return new Fixture(seed, orders, skus, invalidVendorSkuShare, jitShare, Objects.requireNonNull(instant));
    }

    /**
     * The seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Number of orders.
     *
     * @return the count
     */
    public int orders() {
        return orders;
    }

    /**
     * Number of SKUs.
     *
     * @return the count
     */
    public int skus() {
        return skus;
    }

    /**
     * Share of SKUs without a valid vendor SKU code.
     *
     * @return between 0 and 1
     */
    public double invalidVendorSkuShare() {
        return invalidVendorSkuShare;
    }

    /**
     * Share of JIT orders.
     *
     * @return between 0 and 1
     */
    public double jitShare() {
        return jitShare;
    }

    /**
     * The fixed anchor, if one was set.
     *
     * @return the anchor, or empty to use the clock
     */
    public Optional<Instant> anchor() {
        return Optional.ofNullable(anchor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fixture f && seed == f.seed && orders == f.orders && skus == f.skus
                && invalidVendorSkuShare == f.invalidVendorSkuShare && jitShare == f.jitShare
                && Objects.equals(anchor, f.anchor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, orders, skus, invalidVendorSkuShare, jitShare, anchor);
    }

    @Override
    public String toString() {
        return "Fixture[seed=" + seed + ", orders=" + orders + ", skus=" + skus + ", invalidVendorSkuShare="
                + invalidVendorSkuShare + ", jitShare=" + jitShare + ", anchor=" + anchor + "]";
    }
}
