package io.github.babyshopsdk.sync.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * A stock reserve of the {@linkplain SafetyStock safety stock} rule: a number of units held back, or a
 * percentage of the quantity held back. Values are normalised (trailing zeros dropped), so {@code units(2)}
 * equals {@code parse("2.0")}. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@linkplain #units(BigDecimal) Absolute}: 0 to {@value #MAX_UNITS} units, at most {@value #MAX_SCALE}
 *       decimals (the precision Babyshop takes).</li>
 *   <li>{@linkplain #percent(BigDecimal) Percentage}: 0 to 100, at most {@value #MAX_SCALE} decimals; the units
 *       it holds back of a quantity are rounded <em>up</em> to {@value #MAX_SCALE} decimals, so a reserve never
 *       lets Babyshop sell stock it should keep.</li>
 * </ul>
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public abstract class Reserve {
    /** The largest absolute reserve: one billion units (the largest host stock value taken in). */
    public static final long MAX_UNITS = 1_000_000_000L;
    /** The most decimals a reserve may have. */
    public static final int MAX_SCALE = 3;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The units held back, or the percentage held back when {@link #percentage()}. */
    @Value.Parameter
    public abstract BigDecimal amount();

    /** Whether {@link #amount()} is a percentage (0..100) of the quantity rather than units. */
    @Value.Parameter
    public abstract boolean percentage();

    /**
     * An absolute reserve of {@code units}.
     *
     * @throws IllegalArgumentException when negative, above {@value #MAX_UNITS} or with more than
     *                                  {@value #MAX_SCALE} decimals
     * @throws NullPointerException     when {@code units} is null
     */
    public static Reserve units(BigDecimal units) {
        return ImmutableReserve.of(Objects.requireNonNull(units, "units"), false);
    }

    /** {@link #units(BigDecimal)} of a whole number. */
    public static Reserve units(long units) {
        return units(BigDecimal.valueOf(units));
    }

    /**
     * A reserve of {@code percent} % of the quantity, rounded up.
     *
     * @throws IllegalArgumentException when below 0, above 100 or with more than {@value #MAX_SCALE} decimals
     * @throws NullPointerException     when {@code percent} is null
     */
    public static Reserve percent(BigDecimal percent) {
        return ImmutableReserve.of(Objects.requireNonNull(percent, "percent"), true);
    }

    /** {@link #percent(BigDecimal)} of a whole number. */
    public static Reserve percent(long percent) {
        return percent(BigDecimal.valueOf(percent));
    }

    /**
     * The reserve a text gives: {@code "2"} or {@code "1.5"} (units), {@code "10%"} or {@code "12.5 %"}
     * (percentage); blanks around the parts are ignored.
     *
     * @throws IllegalArgumentException when the text is no such number or the value is out of range; the
     *                                  message quotes the text
     * @throws NullPointerException     when {@code text} is null
     */
    public static Reserve parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        boolean percent = trimmed.endsWith("%");
        String number = (percent ? trimmed.substring(0, trimmed.length() - 1) : trimmed).trim();
        BigDecimal amount;
        try {
            if (number.isEmpty() || number.length() > 40 || number.toLowerCase(Locale.ROOT).contains("e")) {
                throw new NumberFormatException();
            }
            amount = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a stock reserve must be a number of units (e.g. \"2\") or a"
                    + " percentage (e.g. \"10%\"), not \"" + shorten(text) + "\"");
        }
        return percent ? percent(amount) : units(amount);
    }

    /**
     * The units this reserve holds back of {@code quantity}: the absolute amount, or the percentage of the
     * quantity rounded up to {@value #MAX_SCALE} decimals (0 for a quantity of 0 or less). May exceed the
     * quantity; the caller floors the result of the subtraction at 0.
     */
    public BigDecimal of(BigDecimal quantity) {
        if (!percentage()) {
            return amount();
        }
        if (quantity.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return quantity.multiply(amount()).divide(HUNDRED, MAX_SCALE, RoundingMode.CEILING);
    }

    /** Validates and normalises (trailing zeros dropped, no negative scale). */
    @Value.Check
    protected Reserve normalize() {
        BigDecimal value = amount();
        String what = percentage() ? "a percentage reserve" : "a reserve";
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: " + value);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() - (long) stripped.scale() > 12) {
            throw new IllegalArgumentException(what + " is at most " + (percentage() ? "100%" : MAX_UNITS + " units")
                    + ": " + value);
        }
        if (stripped.scale() < 0) {
            stripped = stripped.setScale(0);
        }
        if (stripped.scale() > MAX_SCALE) {
            throw new IllegalArgumentException(what + " has at most " + MAX_SCALE + " decimals: " + value);
        }
        BigDecimal max = percentage() ? HUNDRED : BigDecimal.valueOf(MAX_UNITS);
        if (stripped.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " is at most " + (percentage() ? "100%" : MAX_UNITS + " units")
                    + ": " + value);
        }
        return stripped.equals(value) ? this : ImmutableReserve.of(stripped, percentage());
    }

    /** {@code "2"} for units, {@code "10%"} for a percentage: the form {@link #parse} reads. */
    @Override
    public String toString() {
        return shorten(amount().toPlainString()) + (percentage() ? "%" : "");
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
