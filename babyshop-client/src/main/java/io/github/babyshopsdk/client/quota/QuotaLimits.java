package io.github.babyshopsdk.client.quota;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * The shape of a {@link QuotaBudget}: at most {@link #limit()} calls in any rolling {@link #window()},
 * spent by priority tier. Tier 0 is the most urgent and may use every call; tier {@code t} may take a
 * permit only while {@link #reserveFor(int) reserveFor(t)} calls stay free after it, so the calls held
 * back for more urgent tiers are never spent by a less urgent one.
 *
 * <pre>{@code
 * QuotaLimits limits = QuotaLimits.builder().limit(40).window(Duration.ofMinutes(5)).reservePerTier(5).build();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public abstract class QuotaLimits {

    /** Vinculum's published default for its APIs: 40 calls per rolling 5 minutes. */
    public static final int VINCULUM_LIMIT = 40;
    /** The window of {@link #VINCULUM_LIMIT}. */
    public static final Duration VINCULUM_WINDOW = Duration.ofMinutes(5);
    /** The default {@link #reservePerTier()} for a 40-call budget. */
    public static final int DEFAULT_RESERVE_PER_TIER = 5;

    QuotaLimits() {
    }

    /** A builder; {@link #limit()} and {@link #window()} default to Vinculum's 40 calls per 5 minutes. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code limit} calls per rolling {@code window}, with the default reserve.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1 or {@code window} not positive
     */
    public static QuotaLimits of(int limit, Duration window) {
        return builder().limit(limit).window(window).build();
    }

    /** 40 calls per 5 minutes, 5 calls kept per more urgent tier. */
    public static QuotaLimits vinculumDefault() {
        return builder().build();
    }

    /** The most calls in any rolling window (default 40). */
    @Value.Default
    public int limit() {
        return VINCULUM_LIMIT;
    }

    /** The length of the rolling window (default 5 minutes). */
    @Value.Default
    public Duration window() {
        return VINCULUM_WINDOW;
    }

    /**
     * Calls kept free for each more urgent tier. Defaults to {@value #DEFAULT_RESERVE_PER_TIER}, but at most
     * an eighth of the limit, so that with a small budget every tier still runs when the window is free.
     */
    @Value.Default
    public int reservePerTier() {
        return Math.min(DEFAULT_RESERVE_PER_TIER, limit() / 8);
    }

    /**
     * The calls tier {@code tier} must leave free: {@code tier * reservePerTier()}, capped at
     * {@code limit() - 1} so every tier can make at least one call in an empty window.
     *
     * @throws IllegalArgumentException if {@code tier} is negative
     */
    public final int reserveFor(int tier) {
        if (tier < 0) {
            throw new IllegalArgumentException("tier must not be negative, was " + tier);
        }
        long reserve = (long) tier * reservePerTier();
        return (int) Math.min(reserve, limit() - 1L);
    }

    /** The most calls tier {@code tier} (and every less urgent tier together) may make per window. */
    public final int shareOf(int tier) {
        return limit() - reserveFor(tier);
    }

    @Value.Check
    final void check() {
        if (limit() < 1) {
            throw new IllegalArgumentException("quota limit must be at least 1 call, was " + limit());
        }
        if (window() == null || window().isNegative() || window().isZero()) {
            throw new IllegalArgumentException("quota window must be a positive duration, was " + window());
        }
        if (reservePerTier() < 0) {
            throw new IllegalArgumentException("reservePerTier must not be negative, was " + reservePerTier());
        }
    }

    @Override
    public String toString() {
        return limit() + " calls per " + window() + " (" + reservePerTier() + " kept per more urgent tier)";
    }

    /** Builds a {@link QuotaLimits}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableQuotaLimits.Builder {
        Builder() {}
    }
}
