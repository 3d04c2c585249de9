package io.github.babyshopsdk.sync.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The inventory outbox and ledger of one Vendor SKU Code, coalesced: the quantity waiting to be pushed
 * (only the latest counts), and the last quantity Babyshop acknowledged. A push is due while
 * {@link #pendingQuantity()} is present.
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface InventoryState {

    /** The Vendor SKU Code. */
    String vendorSkuCode();

    /** The Babyshop SKU it is pushed as. */
    String sku();

    /** The quantity to push next, or empty when nothing is waiting. */
    Optional<BigDecimal> pendingQuantity();

    /** The last quantity Babyshop acknowledged, or empty if never pushed. */
    Optional<BigDecimal> acknowledgedQuantity();

    /** Failed pushes of the pending quantity so far. */
    @Value.Default
    default int attempts() {
        return 0;
    }

    /** The last failure, if the pending quantity failed. */
    Optional<String> lastError();

    /** Whether the pending quantity was given up on (e.g. the SKU is unknown to Babyshop). */
    @Value.Default
    default boolean deadLettered() {
        return false;
    }

    /** The moderation id of the last acknowledged push, to follow up. */
    Optional<String> moderationId();

    /** The moderation status last read ({@code Pending} until final). */
    Optional<String> moderationStatus();

    /** When this state last changed. */
    Instant updatedAt();

    /**
     * When the push that gave {@link #moderationId()} was acknowledged: the start of its moderation, from which
     * the check delay and the back-off of a {@code Pending} answer count. Empty when there is no moderation id
     * (or it predates this field).
     */
    Optional<Instant> moderationSince();

    /**
     * When the status of {@link #moderationId()} is next due to be read; empty when no read is due (no id, or
     * its status is final). {@link InventoryStore#awaitingModeration(Instant, int)} lists states by this time.
     */
    Optional<Instant> moderationCheckAt();

    /**
     * When present, the earliest time the pending quantity is pushed again: the back-off after Babyshop refused
     * the quantity in moderation. It takes the place of the retry-delay rule for this state (see
     * {@link InventoryStore#pending(Instant, Instant, int)}). Empty for every other state.
     */
    Optional<Instant> retryAt();

    /**
     * How many times in a row Babyshop refused this SKU's pushed quantity in moderation (0 after an approval or
     * a new host quantity): it sets the back-off and, at {@code EngineOptions.maxModerationRefusals()}, the
     * dead letter.
     */
    @Value.Default
    default int moderationRefusals() {
        return 0;
    }

    /**
     * When the pending quantity first failed to be pushed: kept while {@link #attempts()} is above zero, empty when
     * it is zero. Filled in by {@link #normalize()}: a state built with failed attempts and no first failure takes
     * its {@link #updatedAt()} (the time of that first failure when a push first fails), so the flows need not set
     * it. A dead letter's first failure.
     */
    Optional<Instant> firstFailedAt();

    /**
     * Keeps {@link #firstFailedAt()} in step with {@link #attempts()}: cleared when no attempt failed, set to
     * {@link #updatedAt()} when attempts failed and it is missing.
     */
    @Value.Check
    default InventoryState normalize() {
        if (attempts() == 0 && firstFailedAt().isPresent()) {
            return InventoryState.builder().from(this).firstFailedAt(Optional.empty()).build();
        }
        if (attempts() > 0 && firstFailedAt().isEmpty()) {
            return InventoryState.builder().from(this).firstFailedAt(updatedAt()).build();
        }
        return this;
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link InventoryState}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableInventoryState.Builder {
        Builder() {}
    }
}
