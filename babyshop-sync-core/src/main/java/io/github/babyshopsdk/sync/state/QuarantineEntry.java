package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.Flow;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A record that could not be read (or not be applied), kept with the reason so it is fetched again on
 * later runs instead of being lost; after the retry limit it is dead-lettered and waits for a person.
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface QuarantineEntry {

    /** The flow the record belongs to. */
    Flow flow();

    /** The record's key: an order number for orders, a SKU for the catalog. */
    String key();

    /** Why it is quarantined (the field and value that could not be read, or the error). */
    String reason();

    /** How many times it failed. */
    int attempts();

    /** Whether it stopped being retried. */
    boolean deadLettered();

    /** When it first failed. */
    Instant firstFailedAt();

    /** When it last failed. */
    Instant lastFailedAt();

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link QuarantineEntry}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableQuarantineEntry.Builder {
        Builder() {}
    }
}
