package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.state.LinkChange;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inventory run's part of a walk over every link (see {@link InventoryResync}): page by page of the catalog
 * store's link change feed, {@link InventoryResync#PAGE} links to a page, it has the flow read the host's stock
 * of the page's codes and queue every one (a forced intake: even a quantity Babyshop acknowledged), committing the
 * walk's position in the transaction of the page's last stock batch, then has the flow push what is due before
 * the next page. So the walk never queues more than a page ahead of the real changes, stops as soon as a push
 * stops (quota, failure, interrupt) and goes on from its position at the next run; every link is read once per
 * walk, and a link saved again during the walk comes again at its new sequence. Confined to the running thread.
 */
final class InventoryWalk {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryWalk.class);

    /** What the walk asks of the flow's run. */
    interface Steps {
        /**
         * Reads the host's stock of {@code codes} and queues each linked one even when acknowledged (unless
         * acknowledged after {@code requestedAt}); runs {@code onLast} in the transaction of the last batch.
         * False when the run must stop.
         */
        boolean takeInForced(List<String> codes, Instant requestedAt, Consumer<SyncTransaction> onLast);

        /** Pushes what is due; false when the run must not call Babyshop again. */
        boolean push();

        /** Runs {@code work} in a transaction of the flow's store. */
        <T> T read(java.util.function.Function<SyncTransaction, T> work);
    }

    private final FlowContext context;
    private final Instant now;
    private final Steps steps;
    private int queued;

    InventoryWalk(FlowContext context, Instant now, Steps steps) {
        this.context = context;
        this.now = now;
        this.steps = steps;
    }

    /** How many codes this run's part of the walk handed to intake. */
    int queued() {
        return queued;
    }

    /** Walks on, if a walk is due or in progress; false when the run must stop (the walk goes on next run). */
    boolean run() {
        Optional<InventoryResync.Walk> planned = steps.read(tx -> InventoryResync.plan(tx, now,
                context.options().reassertEvery()));
        if (planned.isEmpty()) {
            return true;
        }
        InventoryResync.Walk walk = planned.get();
        long after = walk.after();
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            long from = after;
            List<LinkChange> page = steps.read(tx -> tx.catalog().linksChangedAfter(from, InventoryResync.PAGE));
            boolean last = page.size() < InventoryResync.PAGE;
            long sequence = page.isEmpty() ? from : page.get(page.size() - 1).sequence();
            List<String> codes = page.stream().map(change -> change.link().vendorSkuCode())
                    .filter(RemoteKey::isValid).distinct().toList();
            Instant at = context.clock().instant();
            if (!steps.takeInForced(codes, walk.requestedAt(now),
                    tx -> InventoryResync.advance(tx, walk, sequence, last, at))) {
                return false;
            }
            queued += codes.size();
            if (!steps.push()) {
                return false;
            }
            if (last) {
                LOG.info("inventory: the walk over every link completed ({} link(s) in this run)", queued);
                return true;
            }
            after = sequence;
        }
    }
}
