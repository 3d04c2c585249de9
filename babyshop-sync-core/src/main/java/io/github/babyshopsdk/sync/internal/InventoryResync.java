package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Instant;

/**
 * STUB for the merge (helper "safety"): the stock helper's hard-sync entry point, which re-queues every linked
 * SKU for a push. This no-op stands in for it so the safety stock change compiles; the lead drops this commit
 * when the real class is merged.
 */
public final class InventoryResync {
    private InventoryResync() {
    }

    /** Re-queues every linked SKU in {@code tx} (stub: does nothing). */
    public static void request(SyncTransaction tx, Instant now, String reason) {
        // stub: the stock helper's implementation replaces this class
    }
}
