package io.github.babyshopsdk.sync.config;

import io.github.babyshopsdk.client.model.Address;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Which host hub fulfils an order: the first {@linkplain HubRule rule} matching the shipping address
 * wins; otherwise the store's default hub. Babyshop orders carry no warehouse, so this is the default
 * way to route them. The hubs named here are also the hubs that serve the store for inventory.
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface HubMapping {

    /** The fallback hub, or empty for none (unmatched orders are then held). */
    Optional<String> defaultHub();

    /** Rules in order; the first match wins. */
    List<HubRule> rules();

    /** The hub for {@code address}, or empty when no rule matches and there is no default. */
    default Optional<String> hubFor(Address address) {
        for (HubRule rule : rules()) {
            if (rule.matches(address)) {
                return Optional.of(rule.hub());
            }
        }
        return defaultHub();
    }

    /** Every hub named: the default and each rule's; the hubs that serve this store. */
    default Set<String> hubs() {
        Set<String> hubs = new LinkedHashSet<>();
        defaultHub().ifPresent(hubs::add);
        rules().forEach(rule -> hubs.add(rule.hub()));
        return hubs;
    }

    /** A mapping with no rules and no default. */
    static HubMapping empty() {
        return builder().build();
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link HubMapping}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableHubMapping.Builder {
        Builder() {}
    }
}
