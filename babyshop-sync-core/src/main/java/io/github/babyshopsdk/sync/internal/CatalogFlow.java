package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog flow (Babyshop -> host): imports the Babyshop SKUs that have a valid Vendor SKU Code, new
 * and updated since the last run, into the host's SKU master, and records for each the {@link SkuLink}
 * through which the inventory flow pushes stock.
 *
 * <p>Contract, rule by rule:
 * <ul>
 *   <li><b>Valid Vendor SKU Code only.</b> A product without one ({@link Product#hasValidVendorSkuCode()}
 *       false) is never sent to the host and gets no link; it is reported through
 *       {@code listener.skuRejected(sku, reason)} and counted as failed. It is a final decision, so it
 *       does not hold the cursor back.</li>
 *   <li><b>Incremental by update time.</b> The cursor {@value #CURSOR} holds an ISO-8601 instant: every
 *       product updated before it has been handled (reads start at or before it, so products updated at it are
 *       read again). The first run (no cursor) reads everything from
 *       {@link EngineOptions#EPOCH}, as Vinculum's integration guide recommends (one full pull, then
 *       incremental); later runs read from the cursor minus {@link EngineOptions#overlap()}.</li>
 *   <li><b>Drift-safe.</b> The listing is read through a {@link DriftSafeListing} (keyset stepping by update
 *       time, verified as it reads, with a bounded re-read when the answer is not in update order), the same
 *       strategy as the orders flow: a product that changes while the catalog is read moves to the end of the
 *       listing and is read there, the product behind it is not skipped, and each version of a product is
 *       handled once per run. The cursor never moves past the listing's
 *       {@linkplain DriftSafeListing#safePoint() safe point}; if the listing lowers it (an answer found out of
 *       update order), the run's end moves the cursor back to it, never below the cursor the run started
 *       with.</li>
 *   <li><b>Lazy and quota-safe.</b> Pages are fetched one at a time through the listing's iterator; each
 *       request takes a permit of the catalog's tier (the least urgent) from the quota budget, which keeps
 *       the calls of more urgent flows. When the budget refuses one (or Babyshop answers quota exceeded), the
 *       listing throws {@link QuotaExceededException} without sending it and the run ends
 *       {@link FlowOutcome#WAITING_ON_QUOTA}; the next run reads on from the cursor.</li>
 *   <li><b>One transaction per product.</b> After {@code hostCatalog().upsertSku(product)} succeeded,
 *       the link, the removal of any quarantine entry of the SKU and the cursor move are committed
 *       together. The cursor moves to the product's {@code lastUpdated} only forward, only while that
 *       time is before the earliest update time of any record that failed in this run (see below), and
 *       not past the listing's safe point. Within a page, products are handled in {@code lastUpdated} order.</li>
 *   <li><b>Failures are quarantined, and retried by re-reading.</b> A host failure for one product is
 *       recorded as a {@link QuarantineEntry} (flow CATALOG, key = SKU, attempts + 1, dead-lettered from
 *       {@link EngineOptions#maxAttempts()} on) and the run goes on with the next product. The retry is
 *       the simplest one that cannot lose a product: the cursor is kept strictly before the failed
 *       product's update time (and pulled back there if it had already passed it, which can only happen
 *       when the API's pages are not in update order), so the next run reads the product again. A
 *       dead-lettered entry no longer holds the cursor: it waits for a person, and is picked up again
 *       when Babyshop updates the product (a later successful upsert removes the entry).</li>
 *   <li><b>Keys that cannot be kept.</b> A product whose SKU is not a valid {@link RemoteKey} is never
 *       sent to the host: it is dead-lettered in the quarantine once, under {@link RemoteKey#storageForm},
 *       reported through {@code listener.skuRejected} and counted as failed. A Vendor SKU Code that is not a
 *       valid key is treated like a missing one (rejected, links to the SKU removed). Both are final
 *       decisions and do not hold the cursor back; the other products of the page are imported.</li>
 *   <li><b>Unreadable records</b> ({@link Page#failures()}) are quarantined the same way with their
 *       reason, keyed by the record's key when it could be read, otherwise {@code "page" + n + "#" +
 *       index}. Their update time is unknown, so they hold the cursor before the earliest update time on
 *       their page (before this run's read start when the page has no dated record).</li>
 * </ul>
 *
 * <p>The report counts products read ({@code fetched}, each version once), upserted ({@code imported}) and
 * failed (invalid, unreadable or refused by the host), and the quota left at the end. The run throws only when
 * it cannot go on (Babyshop failing after the client's retries, credentials refused, the state store failing);
 * everything committed until then stays. An interrupted thread ends the run {@link FlowOutcome#INTERRUPTED}
 * between two products.
 *
 * <p>Stateless and thread-safe: all state lives in the {@link io.github.babyshopsdk.sync.state.SyncStateStore};
 * the engine's lease keeps two runs of one store apart.
 */
final class CatalogFlow implements FlowRun {
    /**
     * The cursor, as ISO-8601 instant text: every product whose Babyshop {@code lastUpdateDate} is before it has
     * been handled.
     */
    public static final String CURSOR = "catalog.updatedSince";
    /** The reason given for a product without a valid Vendor SKU Code. */
    static final String NO_VENDOR_SKU_CODE = SyncListener.NO_VENDOR_SKU_CODE;

    private static final Logger LOG = LoggerFactory.getLogger(CatalogFlow.class);
    private static final Comparator<Product> BY_UPDATE_TIME = Comparator.comparing(
            (Product product) -> product.lastUpdated().orElse(Instant.MIN));

    @Override
    public Flow flow() {
        return Flow.CATALOG;
    }

    @Override
    public FlowReport run(FlowContext context, Instant now) {
        return new Run(context, now).execute();
    }

    /** One run's working state; confined to the running thread. */
    private static final class Run {
        private final FlowContext context;
        private final Instant now;
        private int fetched;
        private int imported;
        private int failed;
        /** The cursor must stay strictly before this: the earliest update time of a record that failed. */
        private Instant ceiling;
        /** The cursor when the run started, or null. */
        private Instant cursorAtStart;
        /** The latest update time handled (below the ceiling) that the cursor may reach once the listing allows. */
        private Instant handledHigh;
        private DriftSafeListing<Product> listing;

        Run(FlowContext context, Instant now) {
            this.context = context;
            this.now = now;
        }

        FlowReport execute() {
            cursorAtStart = read(tx -> tx.cursors().get(CURSOR)).map(Run::parseCursor).orElse(null);
            Instant since = cursorAtStart != null ? cursorAtStart.minus(context.options().overlap())
                    : EngineOptions.EPOCH;
            LOG.debug("catalog: reading products updated since {} (cursor {})", since, cursorAtStart);
            listing = DriftSafeListing.of(context.channel()::listProducts, Product::sku, Product::lastUpdated, since,
                    context.options().maxDriftPasses());
            FlowOutcome outcome = FlowOutcome.COMPLETED;
            while (listing.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    outcome = FlowOutcome.INTERRUPTED;
                    break;
                }
                DriftSafeListing.Batch<Product> batch;
                try {
                    batch = listing.next();
                } catch (QuotaExceededException e) {
                    LOG.info("catalog: no quota left for this tier, the rest waits for the next run: {}",
                            LogSafe.of(e.getMessage()));
                    outcome = FlowOutcome.WAITING_ON_QUOTA;
                    break;
                }
                if (!handle(batch, since)) {
                    outcome = FlowOutcome.INTERRUPTED;
                    break;
                }
            }
            write(this::settle);
            LOG.debug("catalog: {}", listing);
            return FlowReport.builder().flow(Flow.CATALOG).outcome(outcome).startedAt(now)
                    .finishedAt(context.clock().instant()).fetched(fetched).imported(imported).failed(failed)
                    .quotaRemaining(context.quota().remaining()).build();
        }

        /** Handles one listing call's page; false when the thread was interrupted before the page was done. */
        private boolean handle(DriftSafeListing.Batch<Product> batch, Instant since) {
            Page<Product> page = batch.page();
            fetched += batch.fresh().size();
            Instant earliestOnPage = page.records().stream().flatMap(product -> product.lastUpdated().stream())
                    .min(Comparator.naturalOrder()).orElse(since);
            for (RecordFailure failure : page.failures()) {
                String key = failure.key().map(RemoteKey::storageForm)
                        .orElse("page" + page.pageNumber() + "#" + failure.index());
                fail(key, "unreadable record: " + failure.reason(), earliestOnPage);
            }
            List<Product> products = new ArrayList<>(batch.fresh());
            products.sort(BY_UPDATE_TIME);
            for (Product product : products) {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                Optional<String> skuProblem = RemoteKey.problem(product.sku());
                if (skuProblem.isPresent()) {
                    invalidSku(product, skuProblem.get());
                } else if (!product.hasValidVendorSkuCode()) {
                    reject(product, product.vendorSkuCode().isPresent() ? NO_VENDOR_SKU_CODE + " (blank)"
                            : NO_VENDOR_SKU_CODE);
                } else {
                    Optional<String> codeProblem = RemoteKey.problem(product.vendorSkuCode().orElseThrow());
                    if (codeProblem.isPresent()) {
                        reject(product, NO_VENDOR_SKU_CODE + " (" + codeProblem.get() + ")");
                    } else {
                        importProduct(product, earliestOnPage);
                    }
                }
            }
            write(this::settle);
            return true;
        }

        /**
         * A product whose SKU cannot be kept: never sent to the host, dead-lettered once under the SKU's
         * storage form, reported, and passed by the cursor.
         */
        private void invalidSku(Product product, String problem) {
            String key = RemoteKey.storageForm(product.sku());
            String reason = "invalid SKU: " + problem + "; the product is not imported (the key is stored as "
                    + key + ")";
            Instant at = context.clock().instant();
            boolean recorded = read(tx -> {
                advance(tx, product.lastUpdated());
                if (tx.quarantine().find(Flow.CATALOG, key).isPresent()) {
                    return false;
                }
                tx.quarantine().save(QuarantineEntry.builder().flow(Flow.CATALOG).key(key).reason(reason)
                        .attempts(1).deadLettered(true).firstFailedAt(at).lastFailedAt(at).build());
                return true;
            });
            failed++;
            LOG.warn("catalog: SKU {} not imported: {}", LogSafe.of(product.sku()), reason);
            if (recorded) {
                context.listener().skuRejected(key, reason);
            }
        }

        private void reject(Product product, String reason) {
            List<String> unlinked = read(tx -> {
                tx.quarantine().remove(Flow.CATALOG, product.sku());
                advance(tx, product.lastUpdated());
                // a SKU that lost its Vendor SKU Code gets no more stock pushes
                return tx.catalog().removeLinksTo(product.sku());
            });
            if (!unlinked.isEmpty()) {
                context.listener().warning("SKU " + product.sku() + " lost its Vendor SKU Code: stock of "
                        + String.join(", ", unlinked) + " is no longer pushed to it");
            }
            failed++;
            LOG.debug("catalog: SKU {} not imported: {}", LogSafe.of(product.sku()), reason);
            context.listener().skuRejected(product.sku(), reason);
        }

        private void importProduct(Product product, Instant earliestOnPage) {
            String vendorSkuCode = product.vendorSkuCode().orElseThrow();
            try {
                context.hostCatalog().upsertSku(product);
            } catch (RuntimeException e) {
                fail(product.sku(), "host failed to upsert the SKU: " + e, product.lastUpdated().orElse(earliestOnPage));
                return;
            }
            Optional<SkuLink> previous = read(tx -> {
                Optional<SkuLink> before = tx.catalog().link(vendorSkuCode);
                tx.catalog().saveLink(SkuLink.of(vendorSkuCode, product.sku(), now));
                tx.quarantine().remove(Flow.CATALOG, product.sku());
                advance(tx, product.lastUpdated());
                return before;
            });
            imported++;
            previous.filter(link -> !link.sku().equals(product.sku())).ifPresent(link -> context.listener().warning(
                    "Vendor SKU Code " + vendorSkuCode + " moved from Babyshop SKU " + link.sku() + " to "
                            + product.sku() + "; stock is now pushed to " + product.sku()));
        }

        /**
         * Quarantines {@code key}; unless dead-lettered, holds the cursor strictly before {@code updatedAt}
         * (pulling it back if needed) so that the next run reads the record again.
         */
        private void fail(String key, String unboundedReason, Instant updatedAt) {
            String reason = StoredText.of(unboundedReason);
            Instant at = context.clock().instant();
            QuarantineEntry entry = read(tx -> {
                Optional<QuarantineEntry> previous = tx.quarantine().find(Flow.CATALOG, key);
                int attempts = previous.map(QuarantineEntry::attempts).orElse(0) + 1;
                QuarantineEntry next = QuarantineEntry.builder().flow(Flow.CATALOG).key(key).reason(reason)
                        .attempts(attempts).deadLettered(attempts >= context.options().maxAttempts())
                        .firstFailedAt(previous.map(QuarantineEntry::firstFailedAt).orElse(at)).lastFailedAt(at)
                        .build();
                tx.quarantine().save(next);
                if (!next.deadLettered()) {
                    Optional<Instant> cursor = tx.cursors().get(CURSOR).map(Run::parseCursor);
                    if (cursor.isPresent() && !cursor.get().isBefore(updatedAt)) {
                        tx.cursors().put(CURSOR, updatedAt.minusMillis(1).toString());
                    }
                }
                return next;
            });
            if (!entry.deadLettered() && (ceiling == null || updatedAt.isBefore(ceiling))) {
                ceiling = updatedAt;
                if (handledHigh != null && !handledHigh.isBefore(ceiling)) {
                    handledHigh = ceiling.minusMillis(1);
                }
            }
            failed++;
            LOG.warn("catalog: {} {} after {} attempt(s): {}", LogSafe.of(key),
                    entry.deadLettered() ? "dead-lettered" : "quarantined", entry.attempts(), LogSafe.of(reason));
            context.listener().skuRejected(key, reason);
        }

        /**
         * Moves the cursor to {@code updatedAt} if that is later than it and before the failure ceiling, but not
         * past the listing's safe point (the rest waits for {@link #settle}).
         */
        private void advance(SyncTransaction tx, Optional<Instant> updatedAt) {
            if (updatedAt.isEmpty() || (ceiling != null && !updatedAt.get().isBefore(ceiling))) {
                return;
            }
            if (handledHigh == null || updatedAt.get().isAfter(handledHigh)) {
                handledHigh = updatedAt.get();
            }
            Instant safe = listing.safePoint();
            Instant target = updatedAt.get().isAfter(safe) ? safe : updatedAt.get();
            Optional<Instant> cursor = tx.cursors().get(CURSOR).map(Run::parseCursor);
            if (cursor.isEmpty() || target.isAfter(cursor.get())) {
                tx.cursors().put(CURSOR, target.toString());
            }
        }

        /**
         * After each page and at the end of the run: moves the cursor to the latest time handled, as far as the
         * listing's safe point allows, or back to it (never below the cursor the run started with) when the
         * listing lowered its safe point after the cursor had moved (a listing found out of update order).
         */
        private void settle(SyncTransaction tx) {
            Instant safe = listing.safePoint();
            Instant target = handledHigh == null ? null : handledHigh.isAfter(safe) ? safe : handledHigh;
            Optional<Instant> cursor = tx.cursors().get(CURSOR).map(Run::parseCursor);
            if (target != null && (ceiling == null || target.isBefore(ceiling))
                    && (cursor.isEmpty() || target.isAfter(cursor.get()))) {
                tx.cursors().put(CURSOR, target.toString());
                return;
            }
            Instant floor = target == null ? cursorAtStart
                    : cursorAtStart == null || target.isAfter(cursorAtStart) ? target : cursorAtStart;
            if (cursor.isPresent() && floor != null && cursor.get().isAfter(floor)) {
                tx.cursors().put(CURSOR, floor.toString());
            }
        }

        private <T> T read(Function<SyncTransaction, T> work) {
            return context.store().inTransaction(work);
        }

        private void write(Consumer<SyncTransaction> work) {
            context.store().inTransaction(tx -> {
                work.accept(tx);
                return null;
            });
        }

        private static Instant parseCursor(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("cursor " + CURSOR + " is not an ISO-8601 instant: " + text, e);
            }
        }
    }
}
