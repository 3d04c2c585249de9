package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Instant;
import java.util.Collection;

/**
 * STUB of the stock helper's hard-sync entry point (issue 12), so that reconciliation compiles and is tested on
 * its own branch; the lead replaces this class with the stock helper's at merge. Does nothing here.
 */
public final class InventoryResync {
    private InventoryResync() {
    }

    /** Asks for a re-push of {@code vendorSkuCodes} (stub: does nothing). */
    public static void requestFor(SyncTransaction tx, Instant now, Collection<String> vendorSkuCodes, String reason) {
    }
}
