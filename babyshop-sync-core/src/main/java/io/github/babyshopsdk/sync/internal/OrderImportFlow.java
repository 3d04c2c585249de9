package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.host.ImportedOrder;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.StateStoreException;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders flow: imports Babyshop orders whose status is mapped, routed to a hub, exactly once; syncs
 * Babyshop-side cancellations of imported orders to the host; detects item-level changes and reports
 * them without applying them.
 *
 * <p>How it keeps "no order imported twice, none lost" (DESIGN invariant 1):
 * <ul>
 *   <li>It lists by update time from the cursor minus an overlap window, with no status filter (a status
 *       filter lets orders leave the result between pages), through a {@link DriftSafeListing}: keyset stepping
 *       by update time, verified as it reads, with a bounded re-read (up to {@link EngineOptions#maxDriftPasses()}
 *       passes) when the answer is not in update order. Orders that change while the listing is read are
 *       neither lost nor the reason for a whole re-read, and the cursor never moves past the listing's
 *       {@linkplain DriftSafeListing#safePoint() safe point}, below which no order can still be missing.</li>
 *   <li>A listed order the engine already holds is fetched again only when it can have changed since the engine
 *       fetched it: its listed time or status differs from the version acted on, it is held, or its listed time
 *       is in the same second as (or after) the start of the run that last wrote its record, less
 *       {@link EngineOptions#channelClockSkew()} (Babyshop's times have whole seconds, so a change in the second
 *       of our fetch keeps the time we hold). The shipments and cancellations flows also write the record, after
 *       they changed the order on Babyshop, which gives it a new update time (or the status they record).</li>
 *   <li>Orders are handled oldest update first, a page of up to {@link ChannelLimits#MAX_BATCH} at a time: each
 *       orderFetch call's page is applied before the next call, so a run holds one page of orders in memory
 *       whatever the backlog (the listing's summaries are all held: they decide the order and the cursor). Each
 *       order's outcome (the link to the host order, or the reason it was not imported) and the cursor move are
 *       committed after the host has committed the order. {@code createOrder} is idempotent by order number, so a
 *       crash between the host's commit and ours creates nothing twice.</li>
 *   <li>A page costs three state transactions plus one per host call that changes the host (before issue 16 it
 *       was three per order, and two for an order not imported), and each is needed:
 *       <ol>
 *         <li><em>read</em>: the page's order records and quarantine entries, read at once. The decisions that
 *             follow call the host's ports (status mapper, hub resolver), which must not run inside a transaction:
 *             a database store may run a transaction's work again after a deadlock.</li>
 *         <li><em>write-ahead</em> (only when the page has orders to create): a record per order to create, held
 *             with reason {@code CREATING} and the stage and hub it is created with, committed before the host is
 *             asked to create any of them. It must be durable before the host call: after a crash between the
 *             host's commit and ours it is what tells the next run that the host may hold the order, so the run
 *             finishes that import with the same stage and hub (and cancels it if Babyshop cancelled it since)
 *             instead of dropping it or routing it elsewhere. Writing the page's records ahead at once widens
 *             that window from one order to the page: after a crash (or an interrupt, or a lost lease) the orders
 *             of the page not yet sent are also treated as "may exist", which costs nothing more than the one
 *             {@code createOrder} they still need (plus {@code cancelOrder} if Babyshop cancelled one since).</li>
 *         <li><em>one per host call</em>: the outcome of each {@code createOrder} (and of each {@code cancelOrder} of
 *             an imported order cancelled on Babyshop) is committed right after the call, before the next host
 *             call. Batching these outcomes would save a commit per order but turn one crash or lost lease into up
 *             to a page of repeated (idempotent) host calls; committed one by one, a crash repeats at most the one
 *             call in flight, which is what the chaos soak and the fencing tests pin.</li>
 *         <li><em>page outcome</em>: every decision that needed no host call (status not mapped, no hub, host
 *             refused, an update of an imported order), the removal of their quarantine entries and the cursor
 *             move, atomically, after the page's host calls. The cursor moves only here: every order of the page
 *             is then settled (recorded, held with its write-ahead record, or quarantined, each retried without
 *             the cursor).</li>
 *       </ol>
 *       The listing's check of what to fetch is one more transaction per run, with one multi-key read of the
 *       listed orders' records and quarantine entries per {@link ChannelLimits#MAX_BATCH} orders.</li>
 *   <li>An order whose record cannot be read is quarantined and fetched again on every later run until it
 *       reads or is dead-lettered; held orders (no hub, host refused) are retried on every run too. So the
 *       cursor never strands an order.</li>
 *   <li>One bad record never stops the run. An order number that is not a valid {@link RemoteKey} is set
 *       aside once, dead-lettered in the quarantine under {@link RemoteKey#storageForm} with the reason, and
 *       the rest of the page goes on (the cursor passes it). An order whose other values cannot be kept
 *       (a status code that is no status code) or whose handling fails in the host's ports (the hub
 *       resolver, the status mapper, the host's order calls) is quarantined with the reason and fetched
 *       again on later runs, up to {@link EngineOptions#maxAttempts()}; a master order number that is
 *       not a valid key is not kept. Only a failing state store (or Babyshop itself) stops the run.</li>
 * </ul>
 * Stateless and thread-safe; the engine's lease keeps two runs of one store apart.
 */
public final class OrderImportFlow implements FlowRun {
    /**
     * The cursor: every order updated before it has been handled (orders updated at it may not all have been:
     * reads start at or before it).
     */
    public static final String CURSOR = "orders.updatedSince";
    /**
     * The import start of a store's first run when {@link EngineOptions#orderImportFrom()} is not set (the start of
     * its {@link EngineOptions#orderImportWindow()}), kept so that a later run (or reconciliation) never imports an
     * order updated before it.
     */
    public static final String IMPORT_START = "orders.importStart";
    private static final Logger LOG = LoggerFactory.getLogger(OrderImportFlow.class);
    private static final int RETRY_BATCH = 500;
    private static final String NOT_APPLIED = " (reported, not applied: the integration syncs whole orders only)";
    /** The longest Babyshop status code kept (they are small numbers; the column holds 100). */
    static final int MAX_STATUS_CODE = 32;

    @Override
    public Flow flow() {
        return Flow.ORDERS;
    }

    @Override
    public FlowReport run(FlowContext context, Instant now) {
        Run run = new Run(context, now);
        return run.execute();
    }

    /**
     * Fetches exactly {@code orderNos} (orderFetch, {@link ChannelLimits#MAX_BATCH} to a call, in the given order
     * less repeats and invalid numbers) and applies them with the rules of a polled order: exactly once (write-ahead
     * record, idempotent host calls), the host's status mapper and hub resolver, the first-seen cancellation rule,
     * an imported order cancelled on Babyshop cancelled in the host, the quarantine for what cannot be applied. The
     * orders cursor is not moved. The entry point of reconciliation (order hints use {@link #fetchHinted}).
     *
     * <p>An order in {@code lostByHost} that the engine recorded as imported is created again (the host said it no
     * longer holds it, see {@code HostOrders.hasOrder}): its record is replaced by a write-ahead record with the
     * stage and hub it was imported with, then the host's idempotent {@code createOrder} is asked again, so a crash
     * in between finishes the re-creation on the next run like any interrupted import.
     *
     * <p>Runs on the caller's thread with the caller's context (its lease, its quota tier); the host's idempotent
     * {@code createOrder} and {@code cancelOrder} keep it exactly-once beside an orders run of another node.
     *
     * @return what was applied: a report of flow {@link Flow#ORDERS} ({@link FlowOutcome#INTERRUPTED} when the
     *     thread was interrupted between two host calls)
     * @throws io.github.babyshopsdk.client.error.QuotaExceededException when the caller's quota tier has no call
     *     left (what was applied before stays)
     * @throws StateStoreException when the store fails; Babyshop's errors propagate as the client throws them
     */
    public static FlowReport applyExactly(FlowContext context, Instant now, List<String> orderNos,
                                          Set<String> lostByHost) {
        return new Run(context, now).applyExactly(orderNos, Set.copyOf(lostByHost));
    }

    /**
     * Fetches exactly {@code orderNos} for order hints: like {@link #applyExactly} (same exactly-once rules, status
     * mapping, hub routing, cancellation handling, quarantine for records orderFetch could not read or the host's
     * ports could not apply), except that an order orderFetch does not return is not quarantined: it is handed back
     * to {@code chunks} (the hint decides: retry later or drop). After each orderFetch call's orders are applied
     * (at most {@link ChannelLimits#MAX_BATCH} numbers a call) {@code chunks} is told what was asked, what was
     * missing and when the call was made, so a quota stop or a crash part-way leaves only the later chunks' hints
     * pending. Runs on the caller's thread with the caller's context (its lease, its quota tier).
     *
     * @return what was applied: a report of flow {@link Flow#ORDERS} ({@link FlowOutcome#INTERRUPTED} when the
     *     thread was interrupted; the interrupted chunk is not reported to {@code chunks})
     * @throws io.github.babyshopsdk.client.error.QuotaExceededException when the caller's quota tier has no call
     *     left (what was applied before stays)
     * @throws StateStoreException when the store fails; Babyshop's errors propagate as the client throws them
     */
    public static FlowReport fetchHinted(FlowContext context, Instant now, List<String> orderNos,
                                         FetchedChunks chunks) {
        Run run = new Run(context, now);
        run.observer = java.util.Objects.requireNonNull(chunks, "chunks");
        run.handBackMissing = true;
        return run.applyExactly(orderNos, Set.of());
    }

    /**
     * Told after each orderFetch call of an orders run (full or hint-only) once that call's orders are applied; used
     * to resolve order hints per call. Called on the run's thread, outside any transaction.
     */
    @FunctionalInterface
    public interface FetchedChunks {
        /**
         * One orderFetch call's outcome.
         *
         * @param requested the order numbers asked (valid, distinct)
         * @param missing those of them orderFetch did not return at all (neither a record nor an unreadable one)
         * @param fetchedAt the engine clock's time just before the call
         */
        void fetched(List<String> requested, Set<String> missing, Instant fetchedAt);
    }

    /** One run's working state. */
    private static final class Run {
        private final FlowContext context;
        private final Instant now;
        private final OrderQuarantine quarantine;
        private final Map<OrderReason, Integer> skipped = new EnumMap<>(OrderReason.class);
        private final Map<String, Instant> listedAt = new HashMap<>();
        private StatusMapping statusMapping;
        private HubMapping hubMapping;
        private int fetched;
        /** Orders returned by orderFetch in this run. */
        private int fetchedByNumber;
        private int imported;
        private int updated;
        private int failed;
        /** The latest listed update time of an order set aside for its invalid number: the cursor passes it. */
        private Instant invalidHigh;
        /** The listing's safe point: the cursor never moves past it (see {@link DriftSafeListing}). */
        private Instant safePoint;
        /** The first run's kept import start ({@link #IMPORT_START}), if any. */
        private Optional<Instant> keptImportStart = Optional.empty();
        /** Orders recorded as imported that the host no longer holds: created again ({@link #applyExactly}). */
        private Set<String> lostByHost = Set.of();
        /** Told after each orderFetch call's orders are applied (order hints); null: nobody. */
        private FetchedChunks observer;
        /** Whether an order orderFetch did not return is handed back (hints) instead of quarantined. */
        private boolean handBackMissing;
        /** The numbers the current orderFetch call did not return. */
        private final Set<String> missing = new LinkedHashSet<>();

        Run(FlowContext context, Instant now) {
            this.context = context;
            this.now = now;
            this.quarantine = new OrderQuarantine(context, now);
        }

        FlowReport execute() {
            Optional<Instant> cursor = context.store().inTransaction(tx -> {
                statusMapping = tx.settings().statusMapping();
                hubMapping = tx.settings().hubMapping();
                keptImportStart = FlowContinuation.parse(tx.cursors().get(IMPORT_START));
                observer = OrderHints.anyPending(tx) ? OrderHints.resolver(context, now) : null;
                return tx.cursors().get(CURSOR).map(Instant::parse);
            });
            if (cursor.isEmpty() && context.options().orderImportFrom().isEmpty() && keptImportStart.isEmpty()) {
                // the first run: keep the start of its window, so no later run imports what is older
                Instant start = now.minus(context.options().orderImportWindow());
                context.store().runInTransaction(tx -> tx.cursors().put(IMPORT_START, start.toString()));
                keptImportStart = Optional.of(start);
            }
            Instant since = cursor.map(c -> c.minus(context.options().overlap()))
                    .orElse(importStart(context.options(), keptImportStart, now));
            Map<String, OrderSummary> listed = list(since);
            fetched = listed.size();

            Set<String> toFetch = new LinkedHashSet<>();
            context.store().runInTransaction(tx -> {
                toFetch.clear(); // the work may run again after a deadlock
                Map<String, QuarantineEntry> quarantined = tx.quarantine().findAll(Flow.ORDERS, listed.keySet());
                Map<String, OrderRecord> known = tx.orders().findAll(listed.keySet());
                for (OrderSummary summary : listed.values()) {
                    if (needsFetch(summary, Optional.ofNullable(quarantined.get(summary.orderNo())),
                            Optional.ofNullable(known.get(summary.orderNo())))) {
                        toFetch.add(summary.orderNo());
                    }
                }
                tx.orders().inState(OrderState.HELD, RETRY_BATCH).forEach(r -> toFetch.add(r.orderNo()));
                for (OrderRecord record : tx.orders().inState(OrderState.SKIPPED, RETRY_BATCH)) {
                    if (record.reason() == OrderReason.STATUS_UNMAPPED && nowMapped(record)) {
                        toFetch.add(record.orderNo());
                    }
                }
                tx.quarantine().retryable(Flow.ORDERS, RETRY_BATCH).forEach(q -> toFetch.add(q.key()));
            });

            // the cursor follows the update times as LISTED: an order fetched later may carry a newer time,
            // and moving the cursor there could step over an order created after the listing
            listed.forEach((orderNo, summary) -> summary.lastUpdated().ifPresent(t -> listedAt.put(orderNo, t)));
            // oldest listed update first; fetched and applied one orderFetch call at a time, so a run holds at most
            // one call's orders in memory however long the backlog (issue 16: 50,000 orders in a 64 MiB heap)
            List<String> ordered = new ArrayList<>(toFetch);
            ordered.sort(Comparator.comparing((String orderNo) -> listedAt.getOrDefault(orderNo, Instant.MIN))
                    .thenComparing(Comparator.naturalOrder()));
            if (!fetchAndApply(ordered)) {
                return report(FlowOutcome.INTERRUPTED);
            }
            Instant listedHigh = listed.values().stream().map(s -> s.lastUpdated().orElse(null))
                    .filter(t -> t != null).max(Comparator.naturalOrder()).orElse(null);
            Instant high = invalidHigh != null && (listedHigh == null || invalidHigh.isAfter(listedHigh))
                    ? invalidHigh : listedHigh;
            if (high != null) {
                context.store().runInTransaction(tx -> advanceCursor(tx, high));
            }
            // the hints this run's fetches did not settle (their orders were not listed as changed)
            return OrderHints.plus(report(FlowOutcome.COMPLETED), OrderHints.drain(context, now));
        }

        /** See {@link OrderImportFlow#applyExactly}. */
        FlowReport applyExactly(List<String> orderNos, Set<String> lost) {
            context.store().runInTransaction(tx -> {
                statusMapping = tx.settings().statusMapping();
                hubMapping = tx.settings().hubMapping();
                keptImportStart = FlowContinuation.parse(tx.cursors().get(IMPORT_START));
            });
            lostByHost = lost;
            List<String> ordered = new ArrayList<>();
            for (String orderNo : new LinkedHashSet<>(orderNos)) {
                if (RemoteKey.isValid(orderNo)) {
                    ordered.add(orderNo);
                }
            }
            boolean done = fetchAndApply(ordered);
            fetched = fetchedByNumber;
            return report(done ? FlowOutcome.COMPLETED : FlowOutcome.INTERRUPTED);
        }

        /**
         * Fetches {@code ordered} one orderFetch call at a time and applies each call's orders (oldest listed update
         * first, then by number) before the next call, so a run holds at most one call's orders in memory however
         * long the backlog (issue 16: 50,000 orders in a 64 MiB heap). False when interrupted.
         */
        private boolean fetchAndApply(List<String> ordered) {
            for (int from = 0; from < ordered.size(); from += ChannelLimits.MAX_BATCH) {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                List<String> chunk = List.copyOf(ordered.subList(from,
                        Math.min(ordered.size(), from + ChannelLimits.MAX_BATCH)));
                Instant fetchedAt = context.clock().instant();
                List<Order> orders = fetch(chunk);
                Set<String> notReturned = Set.copyOf(missing);
                fetchedByNumber += orders.size();
                orders.sort(Comparator.comparing((Order o) -> listedAt.getOrDefault(o.orderNo(), Instant.MIN))
                        .thenComparing(Order::orderNo));
                for (List<Order> page : pages(orders)) {
                    if (Thread.currentThread().isInterrupted() || !applyPage(page)) {
                        return false;
                    }
                }
                if (observer != null) {
                    observer.fetched(chunk, notReturned, fetchedAt);
                }
            }
            return true;
        }

        /**
         * Every order updated since {@code since}, de-duplicated, read by a {@link DriftSafeListing}; sets
         * {@link #safePoint}, the point the cursor may not pass.
         */
        private Map<String, OrderSummary> list(Instant since) {
            Map<String, OrderSummary> merged = new LinkedHashMap<>();
            DriftSafeListing<OrderSummary> listing = DriftSafeListing.of(context.channel()::listOrders,
                    OrderSummary::orderNo, OrderSummary::lastUpdated, since, context.options().maxDriftPasses());
            while (listing.hasNext()) {
                DriftSafeListing.Batch<OrderSummary> batch = listing.next();
                for (OrderSummary summary : batch.fresh()) {
                    if (!RemoteKey.isValid(summary.orderNo())) {
                        if (quarantine.invalidKey(summary.orderNo())) {
                            failed++;
                        }
                        summary.lastUpdated().filter(t -> invalidHigh == null || t.isAfter(invalidHigh))
                                .ifPresent(t -> invalidHigh = t);
                        continue;
                    }
                    merged.merge(summary.orderNo(), summary, Run::later);
                }
                Page<OrderSummary> page = batch.page();
                for (RecordFailure failure : page.failures()) {
                    failure.key().ifPresentOrElse(key -> unreadable(key, failure.reason()),
                            () -> LOG.warn("orderList page {}: an unreadable record without an order number: {}",
                                    page.pageNumber(), LogSafe.of(failure.reason())));
                }
            }
            safePoint = listing.safePoint();
            LOG.debug("orders: {}", listing);
            return merged;
        }

        private static OrderSummary later(OrderSummary a, OrderSummary b) {
            Instant ta = a.lastUpdated().orElse(Instant.MIN);
            Instant tb = b.lastUpdated().orElse(Instant.MIN);
            return tb.isAfter(ta) ? b : a;
        }

        /**
         * Whether a listed order must be fetched: it is new to the engine, held, or it can have changed since the
         * engine last fetched it. An order the engine holds can have changed when its listed update time or status
         * differs from the version last acted on, or when its listed time is in the same second as (or after) the
         * start of the run that last fetched it, less {@link EngineOptions#channelClockSkew()}: Babyshop's times
         * have whole seconds, so a change in that second after the fetch keeps the time we hold. Older versions
         * listed unchanged are not fetched again.
         */
        private boolean needsFetch(OrderSummary summary, Optional<QuarantineEntry> quarantined,
                                   Optional<OrderRecord> record) {
            if (quarantined.map(QuarantineEntry::deadLettered).orElse(false)) {
                return false; // dead-lettered: it waits for a person, not for the next listing
            }
            if (record.isEmpty() || summary.lastUpdated().isEmpty()) {
                return true;
            }
            OrderRecord known = record.get();
            Instant lastUpdated = summary.lastUpdated().get();
            Instant fetchedSecond = known.updatedAt().minus(context.options().channelClockSkew())
                    .truncatedTo(ChronoUnit.SECONDS);
            return !known.channelUpdatedAt().equals(summary.lastUpdated())
                    || !known.channelStatusCode().equals(summary.statusCode())
                    || known.state() == OrderState.HELD
                    || !lastUpdated.isBefore(fetchedSecond);
        }

        private boolean nowMapped(OrderRecord record) {
            return record.channelStatusCode().map(OrderStatus::fromCode)
                    .map(status -> context.statusMapper().mapsStatus(status, statusMapping)).orElse(false);
        }

        /**
         * One orderFetch call for {@code chunk} (at most {@link ChannelLimits#MAX_BATCH} order numbers): the orders it
         * returned; a record it could not read, or an order it did not return, is quarantined with the reason.
         */
        private List<Order> fetch(List<String> chunk) {
            Records<Order> records = context.channel().fetchOrders(chunk);
            List<Order> orders = new ArrayList<>(records.records());
            for (RecordFailure failure : records.failures()) {
                failure.key().filter(key -> unreadable(key, failure.reason())).ifPresent(key -> failed++);
            }
            missing.clear();
            for (String orderNo : records.missing()) {
                missing.add(orderNo);
                if (!handBackMissing) {
                    quarantine.unreadable(orderNo, "orderFetch did not return the order");
                    failed++;
                }
            }
            return orders;
        }

        /**
         * Quarantines an unreadable record; one whose number is not a valid key is set aside once instead.
         * False when nothing new was recorded (an invalid key set aside before).
         */
        private boolean unreadable(String orderNo, String reason) {
            if (RemoteKey.isValid(orderNo)) {
                quarantine.unreadable(orderNo, reason);
                return true;
            }
            return quarantine.invalidKey(orderNo);
        }

        /**
         * The fetched orders in pages of at most {@link ChannelLimits#MAX_BATCH}, in their order; an order number
         * that comes again starts a new page, so each page holds an order once.
         */
        private static List<List<Order>> pages(List<Order> orders) {
            List<List<Order>> pages = new ArrayList<>();
            List<Order> page = new ArrayList<>();
            Set<String> inPage = new HashSet<>();
            for (Order order : orders) {
                if (page.size() == ChannelLimits.MAX_BATCH || !inPage.add(order.orderNo())) {
                    pages.add(page);
                    page = new ArrayList<>();
                    inPage.clear();
                    inPage.add(order.orderNo());
                }
                page.add(order);
            }
            if (!page.isEmpty()) {
                pages.add(page);
            }
            return pages;
        }

        /**
         * Applies one page of fetched orders (see the class description): reads the page's records and quarantine
         * entries; decides each order (the host's status mapper and hub resolver; an imported order cancelled on
         * Babyshop is cancelled in the host and committed at once); commits the write-ahead records of the orders to
         * create, before the host is asked for any of them; asks the host to create them, oldest first, committing
         * each outcome right after its call; then commits the other outcomes, the quarantine clean-up and the cursor
         * move at once, and only then tells the listener about them. A value the engine cannot keep or a failure of
         * the host's ports sets that order aside (quarantined with the reason) and the page goes on. A failing state
         * store propagates.
         *
         * @return false when the thread was interrupted between two host calls (what was done is committed)
         */
        private boolean applyPage(List<Order> page) {
            List<Order> valid = new ArrayList<>();
            for (Order order : page) {
                if (!RemoteKey.isValid(order.orderNo())) {
                    if (quarantine.invalidKey(order.orderNo())) {
                        failed++;
                    }
                    continue;
                }
                Optional<String> statusProblem = order.statusCode().flatMap(Run::statusCodeProblem);
                if (statusProblem.isPresent()) {
                    quarantine.unreadable(order.orderNo(), "status code " + statusProblem.get());
                    failed++;
                    continue;
                }
                valid.add(order);
            }
            if (valid.isEmpty()) {
                return true;
            }
            List<String> orderNos = valid.stream().map(Order::orderNo).toList();
            PageWork work = new PageWork();
            Map<String, OrderRecord> records = context.store().inTransaction(tx -> {
                work.quarantined.clear(); // the work may run again after a deadlock
                work.quarantined.addAll(tx.quarantine().findAll(Flow.ORDERS, orderNos).keySet());
                return tx.orders().findAll(orderNos);
            });
            for (Order order : valid) {
                Optional<OrderRecord> existing = Optional.ofNullable(records.get(order.orderNo()));
                guarded(order, () -> {
                    if (existing.isPresent() && existing.get().isLinked() && lostByHost.contains(order.orderNo())
                            && existing.get().state() == OrderState.IMPORTED) {
                        // the host lost it: create it again, as an import interrupted after its write-ahead record
                        importNew(order, Optional.of(OrderRecord.builder().from(existing.get()).hostOrderId(Optional.empty()).state(OrderState.HELD).reason(OrderReason.CREATING).build()), work);
                    } else if (existing.isPresent() && existing.get().isLinked()) {
                        applyToImported(order, existing.get(), work);
                    } else {
                        importNew(order, existing, work);
                    }
                });
            }
            boolean interrupted = false;
            if (!work.creates.isEmpty()) {
                // write-ahead: if we stop between the host's commit and ours, the next run knows each may be a repeat
                List<OrderRecord> writeAheads = work.creates.stream().map(c -> bounded(c.writeAhead())).toList();
                context.store().runInTransaction(tx -> tx.orders().saveAll(writeAheads));
                for (Create create : work.creates) {
                    if (Thread.currentThread().isInterrupted()) {
                        // the rest keep their write-ahead records (held, "creating"): the next run finishes them
                        interrupted = true;
                        break;
                    }
                    guarded(create.order(), () -> create(create, work));
                }
            }
            commit(work, page);
            return !interrupted;
        }

        /**
         * Runs one order's step; a failure of the host's ports (or a value that cannot be kept) quarantines the
         * order with the reason and the page goes on. A failing state store propagates.
         */
        private void guarded(Order order, Runnable step) {
            try {
                step.run();
            } catch (StateStoreException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("order {} could not be applied: {}", LogSafe.of(order.orderNo()), LogSafe.of(e));
                quarantine.unreadable(order.orderNo(), "could not be applied: " + e);
                failed++;
            }
        }

        /** What makes a status code unfit to keep, or empty. */
        private static Optional<String> statusCodeProblem(String code) {
            Optional<String> problem = RemoteKey.problem(code);
            if (problem.isPresent()) {
                return code.isBlank() ? Optional.empty() : problem;
            }
            return code.length() > MAX_STATUS_CODE
                    ? Optional.of(code.length() + " characters long (at most " + MAX_STATUS_CODE + ")")
                    : Optional.empty();
        }

        /** What one page comes to: the records to commit, the orders to create, what to do after the commit. */
        private final class PageWork {
            private final Map<String, OrderRecord> outcomes = new LinkedHashMap<>();
            /** The page's orders that were quarantined when the page was read. */
            private final Set<String> quarantined = new HashSet<>();
            private final List<Create> creates = new ArrayList<>();
            private final List<Runnable> afterCommit = new ArrayList<>();

            /** Commits {@code record} with the page (the last step of an order: nothing after it may fail). */
            void outcome(OrderRecord record) {
                outcomes.put(record.orderNo(), bounded(record));
            }

            /** Runs {@code action} once the page's outcomes are committed (counts and the listener). */
            void after(Runnable action) {
                afterCommit.add(action);
            }

            /** Records a decision not to import (yet) and reports it once committed. */
            void decide(Order order, Optional<OrderRecord> existing, OrderState state, OrderReason reason,
                        String detail) {
                outcome(base(order, existing).state(state).reason(reason).detail(detail).build());
                after(() -> {
                    count(reason);
                    context.listener().orderSkipped(order.orderNo(), reason, detail);
                });
            }
        }

        /** An order to create in the host, with its write-ahead record and the stage and hub it is created with. */
        private record Create(Order order, Optional<OrderRecord> existing, OrderRecord writeAhead, String stage,
                              String hub, boolean mayExist) {
        }

        private void importNew(Order order, Optional<OrderRecord> existing, PageWork work) {
            Optional<Instant> importFrom = context.options().orderImportFrom().or(() -> keptImportStart);
            if (importFrom.isPresent() && order.lastUpdated().map(t -> t.isBefore(importFrom.get())).orElse(false)) {
                work.decide(order, existing, OrderState.SKIPPED, OrderReason.BEFORE_IMPORT_FROM,
                        "last updated before the import start " + importFrom.get());
                return;
            }
            // a first run would otherwise create every order that was cancelled before the engine ever saw it
            boolean firstSeen = existing.isEmpty()
                    || existing.get().reason() == OrderReason.CANCELLED_BEFORE_FIRST_SEEN;
            if (firstSeen && !context.options().importOrdersCancelledBeforeFirstSeen() && isCancelledOnChannel(order)) {
                work.decide(order, existing, OrderState.SKIPPED, OrderReason.CANCELLED_BEFORE_FIRST_SEEN,
                        "Babyshop status " + describe(order) + " when first seen: recorded, not created in the host");
                return;
            }
            // a create whose outcome was never recorded: the host may hold the order already, created with the
            // stage and hub kept in the write-ahead record. Finish that import even if the order's status is no
            // longer mapped (or no hub rule matches it now): the order was in a mapped status, and dropping it
            // would leave a host order the engine never links (its shipments would wait for ever).
            Optional<OrderRecord> started = existing.filter(r -> (r.reason() == OrderReason.CREATING
                    || r.reason() == OrderReason.HOST_REJECTED) && r.stage().isPresent() && r.hub().isPresent());
            Optional<String> stage = context.statusMapper().stageFor(order, statusMapping)
                    .or(() -> started.flatMap(OrderRecord::stage));
            if (stage.isEmpty()) {
                work.decide(order, existing, OrderState.SKIPPED, OrderReason.STATUS_UNMAPPED,
                        "Babyshop status " + describe(order) + " is not mapped inbound");
                return;
            }
            Optional<String> stageProblem = RemoteKey.problem(stage.get());
            if (stageProblem.isPresent()) {
                work.decide(order, existing, OrderState.HELD, OrderReason.HOST_REJECTED,
                        "the status mapper answered a stage that cannot be kept: " + stageProblem.get());
                return;
            }
            Optional<String> hub = context.hubResolver().resolve(order, hubMapping)
                    .or(() -> started.flatMap(OrderRecord::hub));
            Optional<String> hubProblem = hub.flatMap(RemoteKey::problem);
            if (hubProblem.isPresent()) {
                work.decide(order, existing, OrderState.HELD, OrderReason.NO_HUB,
                        "the hub resolver answered a hub that cannot be kept: " + hubProblem.get());
                return;
            }
            if (hub.isEmpty()) {
                work.decide(order, existing, OrderState.HELD, OrderReason.NO_HUB, "no hub-mapping rule matches "
                        + order.shippingAddress().countryCode().orElse("?") + "/"
                        + order.shippingAddress().state().orElse("?") + "/"
                        + order.shippingAddress().city().orElse("?") + " and there is no default hub");
                return;
            }
            // a repeat: the host may hold an order created from an older version of this one
            boolean mayExist = existing.map(r -> r.reason() == OrderReason.CREATING
                    || r.reason() == OrderReason.HOST_REJECTED).orElse(false);
            // the write-ahead record (committed with the page's others before any host call): the stage and hub go
            // with it, so that a repeat creates (or finds) the same host order
            OrderRecord writeAhead = base(order, existing).state(OrderState.HELD).reason(OrderReason.CREATING)
                    .detail("asked the host to create it").stage(stage.get()).hub(hub.get()).build();
            work.creates.add(new Create(order, existing, writeAhead, stage.get(), hub.get(), mayExist));
        }

        /** Asks the host to create one order whose write-ahead record is committed; records the outcome. */
        private void create(Create create, PageWork work) {
            Order order = create.order();
            String hostOrderId;
            boolean cancelled = false;
            try {
                hostOrderId = context.hostOrders().createOrder(ImportedOrder.of(order, create.stage(), create.hub()));
                Optional<String> idProblem = RemoteKey.problem(hostOrderId);
                if (idProblem.isPresent()) {
                    throw new IllegalStateException("the host answered an order id that cannot be kept: "
                            + idProblem.get());
                }
                if (create.mayExist() && isCancelledOnChannel(order)) {
                    context.hostOrders().cancelOrder(order.orderNo(), hostOrderId, "cancelled on Babyshop");
                    cancelled = true;
                }
            } catch (RuntimeException e) {
                LOG.warn("the host refused order {}: {}", LogSafe.of(order.orderNo()), LogSafe.of(e));
                work.decide(order, Optional.of(create.writeAhead()), OrderState.HELD, OrderReason.HOST_REJECTED,
                        e.toString());
                return;
            }
            OrderRecord record = base(order, create.existing())
                    .state(cancelled ? OrderState.CANCELLED : OrderState.IMPORTED)
                    .reason(cancelled ? OrderReason.CANCELLED_ON_CHANNEL : OrderReason.IMPORTED)
                    .detail(Optional.empty()).hostOrderId(hostOrderId).hub(create.hub()).stage(create.stage())
                    .lineSignature(LineSignature.of(order)).build();
            commitNow(record, work);
            imported++;
            context.listener().orderImported(order.orderNo(), hostOrderId, create.hub());
        }

        /**
         * Commits one order's outcome at once, right after the host call that changed the host for it and before the
         * next host call, so that a crash (or a lost lease) repeats at most that one call: keeps an invoice the
         * shipments flow recorded since the record was read, and removes the order's quarantine entry if it had one.
         * The cursor moves with the page's last transaction.
         */
        private void commitNow(OrderRecord unbounded, PageWork work) {
            OrderRecord record = bounded(unbounded);
            boolean quarantined = work.quarantined.contains(record.orderNo());
            context.store().runInTransaction(tx -> {
                // the shipments flow may have recorded the invoice since this record was read: keep it
                Optional<String> invoice = tx.orders().find(record.orderNo()).flatMap(OrderRecord::invoiceNo);
                tx.orders().save(invoice.isPresent() ? OrderRecord.builder().from(record).invoiceNo(invoice).build()
                        : record);
                if (quarantined) {
                    tx.quarantine().remove(Flow.ORDERS, record.orderNo());
                }
            });
        }

        private void applyToImported(Order order, OrderRecord record, PageWork work) {
            OrderRecord.Builder change = base(order, Optional.of(record));
            if (isCancelledOnChannel(order) && record.state() != OrderState.CANCELLED) {
                if (cancelledByHost(order.orderNo())) {
                    change.state(OrderState.CANCELLED).reason(OrderReason.CANCELLED_ON_CHANNEL)
                            .detail("cancelled in the host and pushed to Babyshop");
                    work.outcome(change.build());
                    return;
                }
                if (context.statusMapper().stageFor(order, statusMapping).isPresent()) {
                    try {
                        context.hostOrders().cancelOrder(order.orderNo(), record.hostOrderId().orElseThrow(),
                                "cancelled on Babyshop");
                    } catch (RuntimeException e) {
                        // set aside with the reason; the quarantine fetches it again next run, the rest goes on
                        LOG.warn("the host refused to cancel order {}: {}", LogSafe.of(order.orderNo()), LogSafe.of(e));
                        quarantine.unreadable(order.orderNo(), "the host refused the cancellation: " + e);
                        failed++;
                        return;
                    }
                    change.state(OrderState.CANCELLED).reason(OrderReason.CANCELLED_ON_CHANNEL)
                            .detail(Optional.empty());
                    commitNow(change.build(), work);
                    updated++;
                    context.listener().orderCancelled(order.orderNo(), record.hostOrderId().orElseThrow());
                    return;
                }
                String detail = "cancelled on Babyshop, but Cancelled is not mapped inbound: the host order stays";
                change.reason(OrderReason.STATUS_UNMAPPED).detail(detail);
                work.outcome(change.build());
                work.after(() -> {
                    count(OrderReason.STATUS_UNMAPPED);
                    context.listener().orderSkipped(order.orderNo(), OrderReason.STATUS_UNMAPPED, detail);
                });
                return;
            }
            Optional<String> lineChange = record.lineSignature()
                    .flatMap(original -> LineSignature.describeChange(original, LineSignature.of(order)));
            boolean report = false;
            if (lineChange.isPresent() && order.status() != OrderStatus.CANCELLED) {
                String detail = lineChange.get() + NOT_APPLIED;
                boolean alreadyReported = record.reason() == OrderReason.ITEM_LEVEL_CHANGE
                        && record.detail().equals(Optional.of(detail));
                change.reason(OrderReason.ITEM_LEVEL_CHANGE).detail(detail);
                report = !alreadyReported;
            }
            work.outcome(change.build());
            if (report) {
                String change0 = lineChange.get();
                work.after(() -> {
                    count(OrderReason.ITEM_LEVEL_CHANGE);
                    context.listener().itemLevelChange(order.orderNo(), change0);
                });
            }
        }

        /** Whether Babyshop cancelled the order, as the host's status mapper says. */
        private boolean isCancelledOnChannel(Order order) {
            return context.statusMapper().isCancellation(order, statusMapping);
        }

        /** Whether the cancellation was the host's own, pushed by the cancellations flow (no host call needed). */
        private boolean cancelledByHost(String orderNo) {
            return context.store().inTransaction(tx -> tx.outbox().forOrder(orderNo).stream()
                    .anyMatch(e -> e.operation() == OutboxOperation.CANCEL && e.status() == OutboxStatus.DONE));
        }

        /** A record builder holding what is known so far, updated with this version of the order. */
        private OrderRecord.Builder base(Order order, Optional<OrderRecord> existing) {
            OrderRecord.Builder builder = OrderRecord.builder();
            existing.ifPresent(builder::from);
            // a master order number that cannot be kept is left out (it is informational only)
            return builder.orderNo(order.orderNo()).masterOrderNo(order.masterOrderNo().filter(RemoteKey::isValid))
                    .channelStatusCode(order.statusCode()).channelUpdatedAt(order.lastUpdated()).updatedAt(now);
        }

        /**
         * Commits a page's outcomes that needed no host call in one transaction: the records (keeping an invoice
         * the shipments flow recorded since they were read), the removal of their quarantine entries, and the
         * cursor, moved to the latest listed time among the page's orders (every one of them is settled by now:
         * recorded here or right after its host call, held with its write-ahead record, or quarantined, and each of
         * those is retried without the cursor). Then runs the page's after-commit actions.
         */
        private void commit(PageWork work, List<Order> page) {
            Instant listedHigh = page.stream().map(o -> listedAt.get(o.orderNo())).filter(t -> t != null)
                    .max(Comparator.naturalOrder()).orElse(null);
            if (!work.outcomes.isEmpty() || listedHigh != null) {
                Set<String> orderNos = work.outcomes.keySet();
                context.store().runInTransaction(tx -> {
                    // the shipments flow may have recorded the invoice since these records were read: keep it
                    Map<String, OrderRecord> current = tx.orders().findAll(orderNos);
                    List<OrderRecord> records = new ArrayList<>(work.outcomes.size());
                    for (OrderRecord record : work.outcomes.values()) {
                        Optional<String> invoice = Optional.ofNullable(current.get(record.orderNo()))
                                .flatMap(OrderRecord::invoiceNo);
                        records.add(invoice.isPresent() ? OrderRecord.builder().from(record).invoiceNo(invoice).build()
                                : record);
                    }
                    tx.orders().saveAll(records);
                    for (String key : orderNos) {
                        if (work.quarantined.contains(key)) {
                            tx.quarantine().remove(Flow.ORDERS, key);
                        }
                    }
                    if (listedHigh != null) {
                        advanceCursor(tx, listedHigh);
                    }
                });
            }
            work.afterCommit.forEach(Runnable::run);
        }

        /** The record with its free-text detail bounded for the store. */
        private static OrderRecord bounded(OrderRecord record) {
            return record.detail().isEmpty() ? record
                    : OrderRecord.builder().from(record).detail(StoredText.of(record.detail())).build();
        }

        /** Moves the cursor forward to {@code candidate}, but never past the listing's safe point. */
        private void advanceCursor(SyncTransaction tx, Instant candidate) {
            Instant target = safePoint != null && candidate.isAfter(safePoint) ? safePoint : candidate;
            Optional<Instant> current = tx.cursors().get(CURSOR).map(Instant::parse);
            if (current.isEmpty() || target.isAfter(current.get())) {
                tx.cursors().put(CURSOR, target.toString());
            }
        }

        private void count(OrderReason reason) {
            skipped.merge(reason, 1, Integer::sum);
        }

        private static String describe(Order order) {
            OrderStatus status = order.status();
            return status == OrderStatus.UNKNOWN ? order.statusCode().orElse("(none)")
                    : status.label() + " (" + status.code() + ")";
        }

        /**
         * The listing start of a store's first run: the configured import start, else the kept start of the first
         * run's window, else the import window before {@code now}.
         */
        private static Instant importStart(EngineOptions options, Optional<Instant> kept, Instant now) {
            return options.orderImportFrom().or(() -> kept).orElseGet(() -> now.minus(options.orderImportWindow()));
        }

        private FlowReport report(FlowOutcome outcome) {
            Map<OrderReason, Integer> skips = new HashMap<>(skipped);
            quarantine.counts().forEach((reason, n) -> skips.merge(reason, n, Integer::sum));
            return FlowReport.builder().flow(Flow.ORDERS).outcome(outcome).startedAt(now)
                    .finishedAt(context.clock().instant()).fetched(fetched).imported(imported).updated(updated)
                    .failed(failed).skipped(skips).quotaRemaining(context.quota().remaining()).build();
        }
    }
}
