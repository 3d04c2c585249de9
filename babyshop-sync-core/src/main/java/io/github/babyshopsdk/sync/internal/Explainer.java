package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.OrderExplanation;
import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

/**
 * Answers "why was this order (not) imported or updated?" from what the store holds: the order record
 * and its reason, quarantine, outbound operations, and the settings that matter. Stateless, thread-safe.
 */
public final class Explainer {
    /** Cursor holding the outcome of the last run of a flow, e.g. {@code flow.ORDERS.lastOutcome}. */
    public static String lastOutcomeCursor(Flow flow) {
        return "flow." + flow.name() + ".lastOutcome";
    }

    /** Cursor holding when a flow last ran, e.g. {@code flow.ORDERS.lastRun}. */
    public static String lastRunCursor(Flow flow) {
        return "flow." + flow.name() + ".lastRun";
    }

    private final SyncStateStore store;
    private final Clock clock;

    /** An explainer over {@code store}; {@code clock} tells whether a flow's lease is held now. */
    public Explainer(SyncStateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The explanation for {@code orderNo}; when the orders flow (or, for an order with outbound operations, the
     * shipments or cancellations flow) is running somewhere, a detail names the instance holding its lease.
     */
    public OrderExplanation explain(String orderNo) {
        OrderExplanation explanation = explainFromState(orderNo);
        List<String> leases = new ArrayList<>();
        List<Flow> flows = explanation.details().stream().anyMatch(d -> d.startsWith("create_shipment ")
                || d.startsWith("ship ") || d.startsWith("cancel ")) ? List.of(Flow.ORDERS, Flow.SHIPMENTS, Flow.CANCELLATIONS) : List.of(Flow.ORDERS);
        for (Flow flow : flows) {
            try {
                store.leases().current(flow).filter(l -> l.heldAt(clock.instant())).ifPresent(l -> leases.add("the "
                        + flow.name().toLowerCase(Locale.ROOT) + " flow is running on " + l.holder() + " (lease held until "
                        + l.expiresAt() + ")"));
            } catch (RuntimeException e) {
                // diagnostics only: the explanation stands without it
            }
        }
        hintDetail(orderNo).ifPresent(leases::add);
        return leases.isEmpty() ? explanation
                : OrderExplanation.builder().from(explanation).addAllDetails(leases).build();
    }

    /**
     * What the order's hint says, if it has one: pending ("hinted 2 time(s), last at ...; fetched at ...") or dropped
     * ("hint dropped at ...: reason"). Diagnostics only: empty when the store cannot tell.
     */
    private Optional<String> hintDetail(String orderNo) {
        if (!RemoteKey.isValid(orderNo)) {
            return Optional.empty();
        }
        try {
            return store.inTransaction(tx -> Optional.ofNullable(tx.hints().findAll(List.of(orderNo)).get(orderNo)))
                    .map(hint -> hint.pending()
                            ? "hinted " + hint.timesHinted() + " time(s), last at " + hint.lastHintedAt()
                                    + ": the orders flow fetches it at " + hint.dueAt()
                                    + hint.reason().map(r -> " (" + r + ")").orElse("")
                            : "hint dropped at " + hint.droppedAt().orElseThrow() + " after " + hint.attempts()
                                    + " fetch(es): " + hint.reason().orElse("not found"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private OrderExplanation explainFromState(String orderNo) {
        // an order number that is not a valid key is kept (set aside) under its storage form only
        String key = RemoteKey.storageForm(orderNo);
        return store.inTransaction(tx -> {
            StoreSettings settings = tx.settings().settings();
            Optional<OrderRecord> record = tx.orders().find(key);
            Optional<QuarantineEntry> quarantined = tx.quarantine().find(Flow.ORDERS, key);
            List<OutboxEntry> outbound = tx.outbox().forOrder(key);
            Optional<String> lastOutcome = tx.cursors().get(lastOutcomeCursor(Flow.ORDERS));
            List<String> details = new ArrayList<>();
            OrderReason reason;
            if (record.isPresent()) {
                OrderRecord r = record.get();
                reason = r.reason();
                r.detail().ifPresent(details::add);
                r.hub().ifPresent(hub -> details.add("hub " + hub));
                r.stage().ifPresent(stage -> details.add("host stage " + stage));
                r.channelStatusCode().ifPresent(code -> details.add("Babyshop status code " + code));
                r.invoiceNo().ifPresent(invoice -> details.add("invoice " + invoice));
            } else if (quarantined.isPresent()) {
                reason = quarantined.get().deadLettered() ? OrderReason.DEAD_LETTERED : OrderReason.QUARANTINED;
            } else if (!settings.orderSync()) {
                reason = OrderReason.SYNC_OFF;
            } else if (lastOutcome.filter(FlowOutcome.WAITING_ON_QUOTA.name()::equals).isPresent()) {
                reason = OrderReason.WAITING_ON_QUOTA;
            } else {
                reason = OrderReason.NOT_SEEN;
                details.add("not in any listing read so far; if it exists, it is older than the import start "
                        + "or the next orders run will read it");
            }
            quarantined.ifPresent(q -> details.add((q.deadLettered() ? "dead-lettered" : "quarantined") + " after "
                    + q.attempts() + " attempt(s): " + q.reason()));
            if (!settings.orderSync() && reason != OrderReason.SYNC_OFF) {
                details.add("Order Sync is off: no further updates are imported");
            }
            for (OutboxEntry entry : outbound) {
                details.add(entry.operation().name().toLowerCase(java.util.Locale.ROOT) + " " + entry.status()
                        .name().toLowerCase(java.util.Locale.ROOT) + entry.lastError().map(e -> ": " + e).orElse(""));
            }
            return OrderExplanation.builder().orderNo(orderNo).state(record.map(OrderRecord::state))
                    .reason(reason).hostOrderId(record.flatMap(OrderRecord::hostOrderId)).details(details).build();
        });
    }
}
