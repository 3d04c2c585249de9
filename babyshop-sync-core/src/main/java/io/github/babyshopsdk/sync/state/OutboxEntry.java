package io.github.babyshopsdk.sync.state;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One outbound operation (create a shipment, push shipped, cancel on Babyshop), kept until it is
 * acknowledged or dead-lettered with a reason; nothing is silently dropped.
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface OutboxEntry {

    /** A unique key that also de-duplicates: the host event id that caused it. */
    String id();

    /** What to do. */
    OutboxOperation operation();

    /** The Babyshop order number. */
    String orderNo();

    /** Operation data, e.g. {@code transporter} and {@code awbNo}. */
    Map<String, String> data();

    /** Where it stands. */
    OutboxStatus status();

    /** Attempts made so far. */
    @Value.Default
    default int attempts() {
        return 0;
    }

    /** The last failure or the reason it was dead-lettered or skipped. */
    Optional<String> lastError();

    /**
     * Whether the last attempt's outcome is unknown (the write may have happened): the next attempt reads
     * the state back before sending again.
     */
    @Value.Default
    default boolean outcomeUnknown() {
        return false;
    }

    /** Not before this time. */
    Instant notBefore();

    /** When it was enqueued. */
    Instant createdAt();

    /** When it last changed. */
    Instant updatedAt();

    /**
     * When an attempt of it first failed (a failed send, or the dead-lettering itself when nothing failed before);
     * empty while nothing failed, and again after a re-drive. A dead letter's first failure.
     */
    Optional<Instant> firstFailedAt();

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link OutboxEntry}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableOutboxEntry.Builder {
        Builder() {}
    }
}
