package io.github.babyshopsdk.sync;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A piece of work the engine gave up on and that waits for a person, as {@link SyncEngine#deadLetters(int)} lists
 * it: an outbox entry ({@link DeadLetterKind#OUTBOX}), a quarantined record ({@link DeadLetterKind#QUARANTINE}) or
 * an inventory ledger entry ({@link DeadLetterKind#INVENTORY}). An operator re-drives it
 * ({@link SyncEngine#redrive(String, String)}) or discards it ({@link SyncEngine#discard(String, String, String)})
 * by its {@link #key()}. Immutable and thread-safe.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface DeadLetter {

    /** Where it lives. */
    DeadLetterKind kind();

    /** The flow whose work it is, e.g. {@link Flow#SHIPMENTS} for a shipment outbox entry. */
    Flow flow();

    /**
     * The record's key in its store: the outbox entry id, the quarantined order number or SKU, the Vendor SKU Code
     * of the inventory entry.
     */
    String recordKey();

    /** The Babyshop order number the work is about, when it is about one (outbox entries, quarantined orders). */
    Optional<String> orderNo();

    /** Why it was given up on (the last error), as stored; print it through a log-safe filter. */
    String reason();

    /** How many attempts were made. */
    int attempts();

    /** When the work first failed (for entries that predate this field: their last failure). */
    Instant firstFailedAt();

    /** When the work last failed (when it was dead-lettered). */
    Instant lastFailedAt();

    /**
     * The stable text key an operator passes back: {@code outbox:<id>}, {@code quarantine:<FLOW>:<recordKey>} or
     * {@code inventory:<vendorSkuCode>}; parsed by {@link DeadLetterKey#parse(String)}.
     */
    @Value.Derived
    default String key() {
        return DeadLetterKey.of(kind(), flow(), recordKey()).text();
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DeadLetter}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableDeadLetter.Builder {
        Builder() {}
    }
}
