package io.github.babyshopsdk.sync.state;

import java.util.List;
import java.util.Optional;

/** Links between Vendor SKU Codes and Babyshop SKUs, recorded by the catalog flow. */
public interface CatalogStore {

    /** The link of {@code vendorSkuCode}, or empty. */
    Optional<SkuLink> link(String vendorSkuCode);

    /** Inserts or replaces the link with the same Vendor SKU Code. */
    void saveLink(SkuLink link);

    /** Every link, ordered by Vendor SKU Code. */
    List<SkuLink> links();
}
