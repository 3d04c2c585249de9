package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders half of a reconciliation run: compares the orders Babyshop lists as updated in the window with the
 * engine's records and the host, and repairs what differs through {@link OrderImportFlow#applyExactly} (the orders
 * flow's own rules):
 * <ol>
 *   <li><em>missing</em>: an order in a status the mapper {@linkplain io.github.babyshopsdk.sync.spi.StatusMapper#mapsStatus
 *       may map}, updated before the orders cursor less the overlap (so the orders flow has passed it), that the
 *       engine never recorded, is imported;</li>
 *   <li><em>lost by the host</em>: an order recorded as imported whose host copy is gone
 *       ({@link io.github.babyshopsdk.sync.spi.HostOrders#hasOrder} answers false; an empty answer trusts the record)
 *       is created again with the stage and hub it was imported with;</li>
 *   <li><em>cancelled on Babyshop, live in the host</em>: an imported order listed Cancelled, passed by the orders
 *       flow but recorded with another status, is fetched and applied: cancelled in the host when the status mapper
 *       maps the cancellation, else reported (a listener warning).</li>
 * </ol>
 * Quarantined orders are left to the orders flow's retries. One run's state; not thread-safe.
 */
final class OrderReconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(OrderReconciliation.class);

    private final FlowContext context;
    private final Instant now;
    private int listed;
    private int repaired;
    private FlowReport applied;

    OrderReconciliation(FlowContext context, Instant now) {
        this.context = context;
        this.now = now;
    }

    /** Orders Babyshop listed in the window. */
    int listed() {
        return listed;
    }

    /** Orders repaired (imported, created again, cancelled). */
    int repaired() {
        return repaired;
    }

    /** What the orders flow's entry point applied, if it was called. */
    Optional<FlowReport> applied() {
        return Optional.ofNullable(applied);
    }

    /** What was found to repair, by order number. */
    private enum Finding {
        MISSING, LOST_BY_HOST, CANCELLED_ON_CHANNEL
    }

    /**
     * Lists, compares and repairs.
     *
     * @throws io.github.babyshopsdk.client.error.QuotaExceededException when this tier has no call left (what was
     *     repaired stays; the next run compares again)
     */
    void run() {
        Optional<Instant> cursor = context.store().inTransaction(tx -> tx.cursors().get(OrderImportFlow.CURSOR))
                .map(Instant::parse);
        StatusMapping mapping = context.store().inTransaction(tx -> tx.settings().statusMapping());
        Map<String, OrderSummary> summaries = list(now.minus(context.options().reconciliationWindow()));
        listed = summaries.size();
        // what the orders flow has passed: it re-reads from the cursor less the overlap, so later orders are its work
        Instant passed = cursor.map(c -> c.minus(context.options().overlap())).orElse(Instant.MIN);
        Map<String, Finding> findings = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(summaries.keySet());
        for (int from = 0; from < keys.size(); from += ChannelLimits.MAX_BATCH) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + ChannelLimits.MAX_BATCH));
            Map<String, OrderRecord> records = new HashMap<>();
            Set<String> quarantined = new LinkedHashSet<>();
            context.store().runInTransaction(tx -> {
                records.clear(); // the work may run again after a deadlock
                quarantined.clear();
                records.putAll(tx.orders().findAll(chunk));
                quarantined.addAll(tx.quarantine().findAll(Flow.ORDERS, chunk).keySet());
            });
            for (String orderNo : chunk) {
                if (!quarantined.contains(orderNo)) {
                    compare(summaries.get(orderNo), Optional.ofNullable(records.get(orderNo)), passed, mapping)
                            .ifPresent(finding -> findings.put(orderNo, finding));
                }
            }
        }
        if (findings.isEmpty()) {
            return;
        }
        Set<String> lost = new LinkedHashSet<>();
        findings.forEach((orderNo, finding) -> {
            if (finding == Finding.LOST_BY_HOST) {
                lost.add(orderNo);
            }
        });
        List<String> orderNos = new ArrayList<>(findings.keySet());
        try {
            applied = OrderImportFlow.applyExactly(context, now, orderNos, lost);
        } finally {
            // what was repaired before a refusal of the quota (or a failure) is reported too
            Map<String, OrderRecord> after = context.store().inTransaction(tx -> tx.orders().findAll(orderNos));
            findings.forEach((orderNo, finding) -> settle(orderNo, finding, Optional.ofNullable(after.get(orderNo))));
        }
    }

    private Optional<Finding> compare(OrderSummary summary, Optional<OrderRecord> record, Instant passed,
                                      StatusMapping mapping) {
        boolean passedByOrdersFlow = summary.lastUpdated().filter(t -> t.isBefore(passed)).isPresent();
        if (record.isEmpty()) {
            return passedByOrdersFlow && context.statusMapper().mapsStatus(summary.status(), mapping)
                    ? Optional.of(Finding.MISSING) : Optional.empty();
        }
        OrderRecord known = record.get();
        if (!known.isLinked() || known.state() == OrderState.CANCELLED) {
            return Optional.empty();
        }
        if (passedByOrdersFlow && summary.status() == OrderStatus.CANCELLED
                && !known.channelStatusCode().equals(summary.statusCode())) {
            return Optional.of(Finding.CANCELLED_ON_CHANNEL);
        }
        if (known.state() == OrderState.IMPORTED
                && context.hostOrders().hasOrder(known.orderNo(), known.hostOrderId().orElseThrow())
                        .filter(has -> !has).isPresent()) {
            return Optional.of(Finding.LOST_BY_HOST);
        }
        return Optional.empty();
    }

    /** Reports one finding's outcome, from the order's record after the repair. */
    private void settle(String orderNo, Finding finding, Optional<OrderRecord> after) {
        OrderState state = after.map(OrderRecord::state).orElse(null);
        String what = switch (finding) {
            case MISSING -> state == OrderState.IMPORTED || state == OrderState.CANCELLED
                    ? "imported: Babyshop lists it in a mapped status and the engine had never recorded it" : null;
            case LOST_BY_HOST -> state == OrderState.IMPORTED || state == OrderState.CANCELLED
                    ? "created again in the host, which no longer held it" : null;
            case CANCELLED_ON_CHANNEL -> state == OrderState.CANCELLED
                    ? "cancelled in the host: it was cancelled on Babyshop while live in the host" : null;
        };
        if (what != null) {
            repaired++;
            context.listener().orderRepaired(orderNo, what);
        } else if (finding == Finding.CANCELLED_ON_CHANNEL) {
            context.listener().warning("order " + LogSafe.of(orderNo) + " is cancelled on Babyshop but live in the "
                    + "host: " + after.flatMap(OrderRecord::detail).orElse("not cancelled"));
        } else {
            LOG.info("reconciliation: order {} ({}) not repaired: {}", LogSafe.of(orderNo), finding,
                    LogSafe.of(after.map(r -> r.reason().label()).orElse("not fetched")));
        }
    }

    /** Every valid-numbered order Babyshop lists as updated since {@code since}, latest version of each. */
    private Map<String, OrderSummary> list(Instant since) {
        Map<String, OrderSummary> merged = new LinkedHashMap<>();
        DriftSafeListing<OrderSummary> listing = DriftSafeListing.of(context.channel()::listOrders,
                OrderSummary::orderNo, OrderSummary::lastUpdated, since, context.options().maxDriftPasses());
        while (listing.hasNext()) {
            for (OrderSummary summary : listing.next().fresh()) {
                if (RemoteKey.isValid(summary.orderNo())) {
                    merged.put(summary.orderNo(), summary);
                }
            }
        }
        return merged;
    }
}
