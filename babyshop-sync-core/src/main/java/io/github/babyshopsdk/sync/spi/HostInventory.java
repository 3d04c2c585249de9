package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.StockLevel;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The host's available stock per Vendor SKU Code and hub. The host is the inventory master: the engine
 * only reads here and pushes to Babyshop. Implementations must be thread-safe.
 */
public interface HostInventory {

    /**
     * The Vendor SKU Codes whose stock changed after {@code afterToken} (everything, for an empty token).
     * The same token must give the same changes until the engine passes the next one.
     */
    ChangeFeed<String> changedSkus(Optional<String> afterToken);

    /** The stock of the given Vendor SKU Codes in every hub the host has; codes the host does not know are absent. */
    List<StockLevel> available(Collection<String> vendorSkuCodes);
}
