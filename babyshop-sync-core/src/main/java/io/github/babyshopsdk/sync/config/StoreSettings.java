package io.github.babyshopsdk.sync.config;

import java.util.List;
import org.immutables.value.Value;

/**
 * The store-level toggles of the integration. Every toggle is off until the host turns it on, so a new
 * store syncs nothing by accident. Changes go through the engine, which writes each one to the
 * configuration log.
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface StoreSettings {

    /** "Order Sync": import orders from Babyshop. */
    @Value.Default
    default boolean orderSync() {
        return false;
    }

    /** "Catalog Sync": import SKUs with a valid Vendor SKU Code. */
    @Value.Default
    default boolean catalogSync() {
        return false;
    }

    /** "Inventory Sync": push the host's available stock to Babyshop. */
    @Value.Default
    default boolean inventorySync() {
        return false;
    }

    /** "Automated Order Cancellation On Sales Channel": push host cancellations to Babyshop. */
    @Value.Default
    default boolean autoCancelOnChannel() {
        return false;
    }

    /** The warning of Inventory Sync on with Catalog Sync off. */
    String INVENTORY_WITHOUT_CATALOG = "Inventory Sync is on with Catalog Sync off: inventory pushes only SKUs the"
            + " catalog flow linked, so no SKU linked from now on is ever pushed (nothing at all while no SKU is"
            + " linked)";

    /**
     * Warnings about toggles that would lose work on their own: Inventory Sync on with Catalog Sync off
     * ({@link #INVENTORY_WITHOUT_CATALOG}). Those that depend on the status mapping too are given by
     * {@code SyncEngine.validate()}.
     */
    default List<String> warnings() {
        return inventorySync() && !catalogSync() ? List.of(INVENTORY_WITHOUT_CATALOG) : List.of();
    }

    /** Settings with everything off. */
    static StoreSettings allOff() {
        return builder().build();
    }

    /** A builder (everything off unless set). */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link StoreSettings}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableStoreSettings.Builder {
        Builder() {}
    }
}
