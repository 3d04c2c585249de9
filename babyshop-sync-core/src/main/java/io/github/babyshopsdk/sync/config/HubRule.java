package io.github.babyshopsdk.sync.config;

import io.github.babyshopsdk.client.model.Address;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One hub-mapping rule: orders whose shipping address matches every field the rule sets (country,
 * state, city; compared trimmed and case-insensitively) go to {@link #hub()}.
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, {@code build()} throws {@link IllegalStateException} when a required attribute is unset and
 * {@link IllegalArgumentException} when the hub is blank or the rule sets no field to match.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface HubRule {

    /** The country code to match (three letters as Babyshop sends them, e.g. {@code SAU}), or any. */
    Optional<String> country();

    /** The state to match, or any. */
    Optional<String> state();

    /** The city to match, or any. */
    Optional<String> city();

    /** The host hub that fulfils matching orders. */
    String hub();

    /** Whether {@code address} matches every field this rule sets. */
    default boolean matches(Address address) {
        return same(country(), address.countryCode()) && same(state(), address.state())
                && same(city(), address.city());
    }

    private static boolean same(Optional<String> wanted, Optional<String> actual) {
        return wanted.isEmpty() || actual.map(a -> normal(a).equals(normal(wanted.get()))).orElse(false);
    }

    private static String normal(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    /** Refuses a rule without a hub or without any field to match. */
    @Value.Check
    default void check() {
        if (hub().isBlank()) {
            throw new IllegalArgumentException("a hub rule needs a hub");
        }
        if (country().isEmpty() && state().isEmpty() && city().isEmpty()) {
            throw new IllegalArgumentException("hub rule for " + hub()
                    + " matches nothing: set country, state or city (use defaultHub for a fallback)");
        }
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link HubRule}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableHubRule.Builder {
        Builder() {}
    }
}
