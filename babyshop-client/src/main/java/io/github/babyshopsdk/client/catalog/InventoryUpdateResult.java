package io.github.babyshopsdk.client.catalog;

import io.github.babyshopsdk.client.model.InventoryModeration;
import java.util.List;
import org.immutables.value.Value;

/**
 * The per-SKU outcome of {@link CatalogService#updateInventory}: the SKUs the server accepted (each with
 * its moderation entry) and the SKUs it rejected. One unknown SKU does not fail the others.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface InventoryUpdateResult {

    /** Accepted SKUs, with the moderation id to follow up through {@code inventoryPriceStatus}. */
    List<InventoryModeration> accepted();

    /** Rejected SKUs, each with the reason. */
    List<SkuRejection> rejected();

    /** Whether every SKU was accepted. */
    default boolean allAccepted() {
        return rejected().isEmpty();
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link InventoryUpdateResult}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableInventoryUpdateResult.Builder {
        Builder() {}
    }
}
