package io.github.babyshopsdk.client.catalog;

import io.github.babyshopsdk.client.model.InventoryModeration;
import java.util.List;
import org.immutables.value.Value;

/**
 * The per-SKU outcome of {@link CatalogService#updateInventory}: the SKUs the server accepted (each with
 * its moderation entry) and the SKUs it rejected. One unknown SKU does not fail the others.
 */
@Value.Immutable
@Value.Style(jdkOnly = true)
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
    static ImmutableInventoryUpdateResult.Builder builder() {
        return ImmutableInventoryUpdateResult.builder();
    }
}
