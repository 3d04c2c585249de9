package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.SkuLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stock half of a reconciliation run. Babyshop's productFetch does not return stock (API reference, section
 * 2.2), so the engine cannot read what Babyshop shows and compare it with the quantity it last pushed. The safe
 * reading: the linked SKUs Babyshop changed in the window (productFetch by update date) may have had their stock
 * changed there too (by hand in the seller panel, by Babyshop's own reservations), so each one that still has the
 * Vendor SKU Code it is linked by, and that Babyshop changed <em>after</em> the engine's last acknowledged push of it
 * (its update time later than {@code InventoryState.moderationSince()} plus {@code EngineOptions.channelClockSkew()};
 * a change older than the last push is that push, or was overwritten by it), is queued for a re-push
 * ({@link InventoryResync#requestFor}), which the inventory flow sends at its next run; a listed SKU whose Vendor SKU Code is linked to another SKU is reported (the catalog
 * flow re-links it). Drift of quantities on SKUs Babyshop did not otherwise change is corrected by the inventory
 * flow's periodic re-assertion. One run's state; not thread-safe.
 */
final class SkuReconciliation {
    /** The reason given to the re-push. */
    static final String REASON = "reconciliation: changed on Babyshop in the window";

    private final FlowContext context;
    private final Instant now;
    private int listed;
    private int requeued;

    SkuReconciliation(FlowContext context, Instant now) {
        this.context = context;
        this.now = now;
    }

    /** Products Babyshop listed in the window. */
    int listed() {
        return listed;
    }

    /** Linked SKUs queued for a re-push. */
    int requeued() {
        return requeued;
    }

    /**
     * Lists the products changed in the window and queues their linked Vendor SKU Codes for a re-push, 100 codes
     * to a state transaction.
     *
     * @throws io.github.babyshopsdk.client.error.QuotaExceededException when this tier has no call left (what was
     *     queued stays)
     */
    void run() {
        DriftSafeListing<Product> listing = DriftSafeListing.of(context.channel()::listProducts, Product::sku,
                Product::lastUpdated, now.minus(context.options().reconciliationWindow()),
                context.options().maxDriftPasses());
        while (listing.hasNext()) {
            Map<String, String> skuByCode = new LinkedHashMap<>();
            Map<String, Instant> changedAt = new HashMap<>();
            for (Product product : listing.next().fresh()) {
                listed++;
                product.vendorSkuCode().filter(code -> product.hasValidVendorSkuCode()).ifPresent(code -> {
                    skuByCode.put(code, product.sku());
                    product.lastUpdated().ifPresent(at -> changedAt.put(code, at));
                });
            }
            List<String> codes = new ArrayList<>(skuByCode.keySet());
            for (int from = 0; from < codes.size(); from += ChannelLimits.MAX_BATCH) {
                requeue(codes.subList(from, Math.min(codes.size(), from + ChannelLimits.MAX_BATCH)), skuByCode,
                        changedAt);
            }
        }
    }

    private void requeue(List<String> codes, Map<String, String> skuByCode, Map<String, Instant> changedAt) {
        List<String> same = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        context.store().runInTransaction(tx -> {
            same.clear(); // the work may run again after a deadlock
            moved.clear();
            Map<String, SkuLink> links = tx.catalog().links(codes);
            Map<String, InventoryState> ledger = tx.inventory().find(links.keySet());
            for (String code : codes) {
                SkuLink link = links.get(code);
                if (link == null) {
                    continue; // not linked (yet): the catalog flow's work
                }
                if (!link.sku().equals(skuByCode.get(code))) {
                    moved.add(code);
                } else if (changedSinceLastPush(ledger.get(code), changedAt.get(code))) {
                    same.add(code);
                }
            }
            if (!same.isEmpty()) {
                InventoryResync.requestFor(tx, now, same, REASON);
            }
        });
        requeued += same.size();
        same.forEach(code -> context.listener().skuRepaired(code, "re-push queued: " + REASON));
        moved.forEach(code -> context.listener().warning("Vendor SKU Code " + LogSafe.of(code)
                + " is on another Babyshop SKU than the one it is linked to; the catalog flow re-links it"));
    }

    /**
     * Whether Babyshop changed the product after the engine's last acknowledged push of it: true without a push
     * acknowledged with a time (or without an update time on the product: the safe side), false when the product's
     * update time is not later than that push plus the channel's clock skew.
     */
    private boolean changedSinceLastPush(InventoryState state, Instant productChangedAt) {
        if (state == null || productChangedAt == null) {
            return true;
        }
        return state.moderationSince()
                .map(pushed -> productChangedAt.isAfter(pushed.plus(context.options().channelClockSkew())))
                .orElse(true);
    }
}
