package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.client.model.Product;

/** The host's SKU master, fed by the catalog flow. Implementations must be thread-safe and idempotent. */
public interface HostCatalog {

    /**
     * Creates or updates the host SKU for a Babyshop product that has a valid Vendor SKU Code (the engine
     * never passes one without).
     *
     * @throws RuntimeException when the host cannot take it now; the engine retries on a later run
     */
    void upsertSku(Product product);
}
