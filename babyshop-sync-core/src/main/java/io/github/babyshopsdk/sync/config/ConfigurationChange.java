package io.github.babyshopsdk.sync.config;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * One entry of the append-only configuration log: who changed what, when, from what, to what.
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface ConfigurationChange {

    /** Who made the change (a user or system name given by the host). */
    String actor();

    /** When the change was made. */
    Instant at();

    /** What changed: {@code settings}, {@code statusMapping}, {@code hubMapping} or {@code safetyStock}. */
    String subject();

    /** The value before, as text ({@code toString} of the value type). */
    String before();

    /** The value after, as text. */
    String after();

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ConfigurationChange}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableConfigurationChange.Builder {
        Builder() {}
    }
}
