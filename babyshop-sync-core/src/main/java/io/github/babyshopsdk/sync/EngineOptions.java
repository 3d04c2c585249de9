package io.github.babyshopsdk.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/** Tuning of the engine; every value has a safe default. Immutable; build with {@link #builder()}. */
@Value.Immutable
@Value.Style(jdkOnly = true)
public interface EngineOptions {
    /** The earliest update time read on a store's first run when no import start is set. */
    Instant EPOCH = Instant.parse("2015-01-01T00:00:00Z");

    /** How far before the cursor each incremental order or catalog read starts (default 10 minutes). */
    @Value.Default
    default Duration overlap() {
        return Duration.ofMinutes(10);
    }

    /** Orders updated before this are not imported on the first run (default: all, from 2015). */
    Optional<Instant> orderImportFrom();

    /** Extra listing passes when orders move between pages during a read (default 3). */
    @Value.Default
    default int maxDriftPasses() {
        return 3;
    }

    /** Failed reads or applies after which a record is dead-lettered (default 5). */
    @Value.Default
    default int maxAttempts() {
        return 5;
    }

    /** The wait before a failed outbound operation is tried again (default 5 minutes). */
    @Value.Default
    default Duration retryDelay() {
        return Duration.ofMinutes(5);
    }

    /**
     * How long an outbound entry may wait for a dependency before it is dead-lettered (default 72 hours):
     * a {@code SHIP} waiting for its order's invoice, any entry waiting for its order to be imported.
     * Waiting never spends one of {@link #maxAttempts()}; it is bounded by this time instead, measured from
     * the entry's creation ({@code OutboxEntry.createdAt()}). The dead-letter reason names what the entry
     * waited for. Must be positive.
     */
    @Value.Default
    default Duration dependencyWait() {
        return Duration.ofHours(72);
    }

    /** Calls kept free for each more urgent priority tier (default 5 of Vinculum's 40). */
    @Value.Default
    default int quotaReservePerTier() {
        return 5;
    }

    /** How long a flow lease lasts before another instance may take it over (default 15 minutes). */
    @Value.Default
    default Duration leaseTtl() {
        return Duration.ofMinutes(15);
    }

    /** This engine instance's name in leases (default a random UUID). */
    @Value.Default
    default String instanceId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException when a duration is negative (or zero where it must be positive) or a
     *     count is below its minimum
     */
    @Value.Check
    default void check() {
        if (overlap().isNegative() || retryDelay().isNegative() || leaseTtl().isNegative() || leaseTtl().isZero()) {
            throw new IllegalArgumentException("overlap and retryDelay must not be negative, leaseTtl must be positive");
        }
        if (dependencyWait().isNegative() || dependencyWait().isZero()) {
            throw new IllegalArgumentException("dependencyWait must be positive");
        }
        if (maxDriftPasses() < 1 || maxAttempts() < 1 || quotaReservePerTier() < 0) {
            throw new IllegalArgumentException("maxDriftPasses and maxAttempts must be at least 1, "
                    + "quotaReservePerTier not negative");
        }
    }

    /** The defaults. */
    static EngineOptions defaults() {
        return builder().build();
    }

    /** A builder. */
    static ImmutableEngineOptions.Builder builder() {
        return ImmutableEngineOptions.builder();
    }
}
