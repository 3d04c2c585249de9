package io.github.babyshopsdk.sync.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The safety stock rule: stock the host keeps back from Babyshop, so the marketplace never sells the last
 * units a shop floor or another channel may take meanwhile. Applied by the inventory flow to every quantity
 * before it is pushed; changed through {@code SyncEngine.updateSafetyStock}, which records the change in the
 * configuration log and re-pushes every linked SKU. Immutable and thread-safe.
 *
 * <pre>{@code
 * SafetyStock.builder()
 *     .global(Reserve.units(2))                    // every SKU without a rule of its own
 *     .putHubs("HUB-RETAIL", Reserve.percent(10))  // 10% of that hub's stock, rounded up
 *     .putSkus("V-PRAM-01", Reserve.units(0))      // this SKU: no reserve (overrides the global one)
 *     .build();
 * }</pre>
 *
 * <p>{@link #apply} in order:
 * <ol>
 *   <li>each hub's quantity minus its {@linkplain #hubs() hub reserve}, floored at 0 (a hub's reserve never takes
 *       more than that hub's stock; a hub with no stock, or an oversold hub with negative stock, is left as it is,
 *       so an oversold hub still counts against the others, as without safety stock);</li>
 *   <li>summed over the hubs, floored at 0;</li>
 *   <li>minus the SKU's {@linkplain #skus() reserve}, or the {@linkplain #global() global} one when the SKU has
 *       none, floored at 0.</li>
 * </ol>
 * Percentage reserves round up ({@link Reserve#of}). The result is never below 0, never above the plain sum
 * floored at 0, and, for quantities of at most {@value Reserve#MAX_SCALE} decimals, never smaller for more
 * stock in any hub.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public abstract class SafetyStock {
    private static final SafetyStock NONE = builder().build();

    /** The reserve of every SKU that has none of its own in {@link #skus()}; empty for none. */
    public abstract Optional<Reserve> global();

    /** Reserves per hub (host hub code), applied to that hub's quantity. */
    public abstract Map<String, Reserve> hubs();

    /** Reserves per SKU (Vendor SKU Code), applied to the SKU's total instead of {@link #global()}. */
    public abstract Map<String, Reserve> skus();

    /** Whether this rule holds nothing back: no reserve at all. */
    public boolean isNone() {
        return global().isEmpty() && hubs().isEmpty() && skus().isEmpty();
    }

    /**
     * The quantity to push for {@code vendorSkuCode}, given its available stock in each hub that counts for the
     * store (see the class comment for the order of the rules). Not rounded: the caller rounds down to the
     * decimals Babyshop takes.
     *
     * @param vendorSkuCode  the SKU's Vendor SKU Code (the key of {@link #skus()})
     * @param availableByHub available stock by host hub code; an empty map gives 0
     * @return the quantity, at least 0
     * @throws NullPointerException when an argument or a quantity is null
     */
    public BigDecimal apply(String vendorSkuCode, Map<String, BigDecimal> availableByHub) {
        Objects.requireNonNull(vendorSkuCode, "vendorSkuCode");
        Objects.requireNonNull(availableByHub, "availableByHub");
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> hub : availableByHub.entrySet()) {
            BigDecimal quantity = Objects.requireNonNull(hub.getValue(), "the quantity of hub " + hub.getKey());
            Reserve reserve = hubs().get(hub.getKey());
            if (reserve != null && quantity.signum() > 0) {
                quantity = atLeastZero(quantity.subtract(reserve.of(quantity)));
            }
            total = total.add(quantity);
        }
        total = atLeastZero(total);
        Optional<Reserve> reserve = Optional.ofNullable(skus().get(vendorSkuCode)).or(this::global);
        if (reserve.isPresent()) {
            total = atLeastZero(total.subtract(reserve.get().of(total)));
        }
        return total;
    }

    private static BigDecimal atLeastZero(BigDecimal value) {
        return value.signum() < 0 ? BigDecimal.ZERO : value;
    }

    /** Refuses blank hub codes and Vendor SKU Codes. */
    @Value.Check
    protected void check() {
        hubs().keySet().forEach(hub -> {
            if (hub.isBlank()) {
                throw new IllegalArgumentException("a safety stock hub reserve needs a hub code");
            }
        });
        skus().keySet().forEach(sku -> {
            if (sku.isBlank()) {
                throw new IllegalArgumentException("a safety stock SKU reserve needs a Vendor SKU Code");
            }
        });
    }

    /** {@code SafetyStock{global=2, hubs={H=10%}, skus={V1=0}}}, or {@code SafetyStock{none}}. */
    @Override
    public String toString() {
        if (isNone()) {
            return "SafetyStock{none}";
        }
        return "SafetyStock{global=" + global().map(Reserve::toString).orElse("none") + ", hubs=" + hubs()
                + ", skus=" + skus() + "}";
    }

    /** The rule that holds nothing back: every quantity is pushed as the host has it. */
    public static SafetyStock none() {
        return NONE;
    }

    /** A builder (no reserve unless set). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SafetyStock}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableSafetyStock.Builder {
        Builder() {}
    }
}
