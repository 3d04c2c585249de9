package io.github.babyshopsdk.sync.state;

import java.util.List;
import java.util.Optional;

/** Links between Vendor SKU Codes and Babyshop SKUs, recorded by the catalog flow. */
public interface CatalogStore {

    /** The link of {@code vendorSkuCode}, or empty. */
    Optional<SkuLink> link(String vendorSkuCode);

    /** Inserts or replaces the link with the same Vendor SKU Code. */
    void saveLink(SkuLink link);

    /**
     * Removes every link to the Babyshop SKU {@code sku} (it lost its valid Vendor SKU Code): stock is no
     * longer pushed to it. Does nothing when there is none.
     *
     * @return the Vendor SKU Codes whose link was removed
     */
    List<String> removeLinksTo(String sku);

    /** Every link, ordered by Vendor SKU Code. */
    List<SkuLink> links();
}
