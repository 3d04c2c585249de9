package io.github.babyshopsdk.sync;

import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.OperationInterruptedException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.internal.ConfigurationWarnings;
import io.github.babyshopsdk.sync.internal.DeadLetters;
import io.github.babyshopsdk.sync.internal.Explainer;
import io.github.babyshopsdk.sync.internal.FlowContext;
import io.github.babyshopsdk.sync.internal.FlowContinuation;
import io.github.babyshopsdk.sync.internal.FlowRegistry;
import io.github.babyshopsdk.sync.internal.FlowRun;
import io.github.babyshopsdk.sync.internal.HintIntake;
import io.github.babyshopsdk.sync.internal.HintOnlyRun;
import io.github.babyshopsdk.sync.internal.HintRunPacer;
import io.github.babyshopsdk.sync.internal.InventoryResync;
import io.github.babyshopsdk.sync.internal.LeaseKeeper;
import io.github.babyshopsdk.sync.internal.LogSafe;
import io.github.babyshopsdk.sync.internal.OrdersCursorReport;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.sync.spi.HostCatalog;
import io.github.babyshopsdk.sync.spi.HostFulfilment;
import io.github.babyshopsdk.sync.spi.HostInventory;
import io.github.babyshopsdk.sync.spi.HostOrders;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.spi.SyncScheduler;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseLostException;
import io.github.babyshopsdk.sync.state.StateStoreException;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync engine of one Babyshop store: orders and catalog in; inventory, shipments and cancellations
 * out; settings, mappings and diagnostics. Built with every SPI given explicitly:
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder()
 *     .stateStore(store).channel(ClientChannelGateway.of(client))
 *     .hostOrders(orders).hostCatalog(catalog).hostInventory(inventory).hostFulfilment(fulfilment)
 *     .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
 *     .scheduler(IntervalSyncScheduler.defaults())
 *     .build();
 * List<FlowReport> reports = engine.runDue(Instant.now());   // call from any scheduler
 * }</pre>
 *
 * <p><b>Quota.</b> Every call of a run goes through {@link ChannelGateway#forTier the channel's view} of the flow's
 * priority ({@link Flow#priority()}), so it takes its permit from the credential's one quota budget as that tier:
 * the budget keeps calls for more urgent flows. A refused permit of the most urgent tier (orders, cancellations)
 * waits for the window through the engine: the listener hears {@link SyncListener#waitingForQuota} with until
 * when, the wait is sliced by the lease renewal interval and the lease renewed between slices, and a wait longer
 * than {@link EngineOptions#maxQuotaWait()} ends the run {@link FlowOutcome#WAITING_ON_QUOTA}. A less urgent flow
 * never waits: it ends {@link FlowOutcome#WAITING_ON_QUOTA} at once. A flow that stops for quota with work left
 * goes on when its tier next gets a permit ({@link FlowReport#continueAt()}), not at its next interval: see
 * {@link #runDue} and {@link #nextDue}.
 *
 * <p>Thread-safe: flows may run on several threads at once (each flow of a store runs at most once at a
 * time, here and on other nodes, through the store's leases). {@link #close()} waits for runs in
 * progress; an interrupted run stops between records with its state consistent.
 *
 * <p><b>Leases.</b> A run takes its flow's lease for {@link EngineOptions#leaseTtl()} (default 30 s) and a
 * renewal thread of the engine renews it every {@link EngineOptions#leaseRenewalInterval()} (default 10 s)
 * while the run goes on, also while it waits inside a call (quota window, retry back-off; a quota wait also
 * renews it itself between its slices). Every transaction
 * of the run is fenced with the lease's token ({@link io.github.babyshopsdk.sync.state.SyncTransaction#fence}),
 * and every call to Babyshop or the host checks the lease first: a run whose lease was taken over (after a
 * pause longer than the ttl) or whose renewal failed until it expired stops before its next write and reports
 * {@link FlowOutcome#LEASE_LOST}. A flow whose lease another instance holds is skipped with
 * {@link FlowOutcome#LEASE_HELD_ELSEWHERE} and "lease held by &lt;instance&gt; until &lt;time&gt;". A process
 * killed while it holds a lease blocks that flow for at most one ttl.
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final SyncStateStore store;
    private final SyncScheduler scheduler;
    private final FlowContext context;
    private final FlowRegistry flows;
    private final Explainer explainer;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final EngineOptions options;
    private final Duration closeTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final ScheduledThreadPoolExecutor renewer;
    private final Set<Flow> runningHere = ConcurrentHashMap.newKeySet();
    private final Set<LeaseKeeper> held = ConcurrentHashMap.newKeySet();
    private final HintRunPacer hintRuns;
    private int running;
    private boolean closed;

    private SyncEngine(Builder builder) {
        this.store = builder.stateStore;
        this.scheduler = builder.scheduler;
        this.clock = builder.clock;
        this.options = builder.options;
        this.closeTimeout = builder.closeTimeout;
        this.context = new FlowContext(builder.stateStore, builder.channel, builder.hostOrders, builder.hostCatalog,
                builder.hostInventory, builder.hostFulfilment, builder.hubResolver, builder.statusMapper,
                builder.listener, builder.clock, builder.options);
        this.flows = FlowRegistry.standard();
        this.explainer = new Explainer(builder.stateStore, builder.clock);
        this.deadLetters = new DeadLetters(builder.stateStore, builder.clock, options.instanceId(), options.leaseTtl());
        this.renewer = renewer(options.instanceId());
        this.hintRuns = new HintRunPacer(options);
    }

    private static ScheduledThreadPoolExecutor renewer(String instanceId) {
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(Flow.values().length, task -> {
            Thread thread = new Thread(task, "babyshop-lease-renewer-" + threads.incrementAndGet() + "-" + instanceId);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    /** A builder; every SPI must be given. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every flow that is due at {@code now}, most urgent first, and returns their reports. Pure with respect
     * to time: the caller says what "now" is. A flow is due when the scheduler says so
     * ({@link SyncScheduler#isDue}) or when its continuation has come: a run that stopped for quota with work left
     * ({@link FlowOutcome#WAITING_ON_QUOTA}) continues at its {@link FlowReport#continueAt()}, when its priority
     * tier next gets a permit, instead of waiting for its interval. The continuation is kept in the state store
     * (every node and a restart honour it) and cleared by the flow's next run that does not stop for quota. The
     * quota budget still keeps the calls of more urgent tiers: a continuation never takes them. A catalog run that
     * completes having imported SKUs makes the inventory flow due at once too (the new links are its work).
     *
     * <p><b>Order hints.</b> When the orders flow is not due but a pending order hint ({@link #hint}) is, and order
     * sync is on, a <em>hint-only</em> orders run takes its place: the orders lease and quota tier, orderFetch of
     * exactly the due hints (100 to a call), no orderList; reported as an orders run, but it does not move the orders
     * flow's last run, so polling keeps its interval. A hint-only run that fails is not tried again before
     * {@link EngineOptions#retryDelay()}, one that stops for quota not before its tier's next permit. Hint-only runs
     * are paced per engine ({@link EngineOptions#hintRunBurst()} back to back, then one per
     * {@link EngineOptions#hintRunInterval()}), so a flood of notifications cannot spend the whole quota window. A
     * full orders run fetches the due hints too, after its listing, never an order twice.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public List<FlowReport> runDue(Instant now) {
        List<FlowReport> reports = new ArrayList<>();
        for (Flow flow : byPriority()) {
            Schedule schedule = schedule(flow);
            boolean continues = schedule.continueAt().filter(at -> !now.isBefore(at)).isPresent();
            if (continues || scheduler.isDue(flow, schedule.lastRun(), now)) {
                reports.add(run(flow, now));
            } else if (flow == Flow.ORDERS && hintsDue(now) && hintRuns.tryTake(now)) {
                reports.add(runHints(now));
            }
        }
        return reports;
    }

    /**
     * The earliest instant at which a flow is due: its continuation ({@link FlowReport#continueAt()}) or when the
     * scheduler makes it due ({@link SyncScheduler#nextDue}), at or before {@code now} when one is due already.
     * A host scheduler calls {@link #runDue} then (and at the latest after its own tick), so a backlog goes on at
     * the next free quota slot rather than at the next interval. The earliest pending order hint counts too (when
     * order sync is on; not before a failed or quota-stopped hint-only run may go on, nor before the pace of
     * hint-only runs allows one). Flows whose scheduler cannot
     * tell are left out; empty when no flow's due time is known. Reads the state store; does not run anything.
     *
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the store cannot be read
     */
    public Optional<Instant> nextDue(Instant now) {
        Objects.requireNonNull(now, "now");
        Optional<Instant> earliest = Optional.empty();
        for (Flow flow : byPriority()) {
            Schedule schedule = schedule(flow);
            Optional<Instant> due = earlier(schedule.continueAt(), scheduler.nextDue(flow, schedule.lastRun(), now));
            earliest = earlier(earliest, due);
        }
        Optional<Instant> hints = store.inTransaction(HintOnlyRun::due).map(due -> {
            Instant paced = hintRuns.availableAt(now);
            return paced.isAfter(due) ? paced : due;
        });
        return earlier(earliest, hints);
    }

    /**
     * When {@code flow} continues with a backlog: its pending continuation ({@link FlowReport#continueAt()} of its
     * last run, or set because another run gave it work), empty when it has none. For hosts that run flows one by
     * one ({@link #run(Flow)}, e.g. a job per flow) and so must schedule the continuation themselves. Reads the
     * state store.
     *
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the store cannot be read
     */
    public Optional<Instant> continuation(Flow flow) {
        Objects.requireNonNull(flow, "flow");
        return schedule(flow).continueAt();
    }

    private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }

    /** A flow's last run and continuation, as the store holds them. */
    private record Schedule(Optional<Instant> lastRun, Optional<Instant> continueAt) {
    }

    private Schedule schedule(Flow flow) {
        return store.inTransaction(tx -> new Schedule(
                tx.cursors().get(Explainer.lastRunCursor(flow)).map(Instant::parse),
                FlowContinuation.parse(tx.cursors().get(FlowContinuation.cursor(flow)))));
    }

    /** Runs every flow once now, most urgent first, whether due or not. */
    public List<FlowReport> runAll() {
        List<FlowReport> reports = new ArrayList<>();
        for (Flow flow : byPriority()) {
            reports.add(run(flow, clock.instant()));
        }
        return reports;
    }

    /** Runs one flow now. */
    public FlowReport run(Flow flow) {
        return run(flow, clock.instant());
    }

    private List<Flow> byPriority() {
        List<Flow> ordered = new ArrayList<>(List.of(Flow.values()));
        ordered.sort(Comparator.comparingInt(Flow::priority));
        return ordered;
    }

    private FlowReport run(Flow flow, Instant now) {
        enter();
        try {
            return runEntered(flow, flows.find(flow), now, this::finished);
        } finally {
            leave();
        }
    }

    /** Whether order hints make a hint-only orders run due at {@code now} (see {@link HintOnlyRun#due}). */
    private boolean hintsDue(Instant now) {
        return store.inTransaction(HintOnlyRun::due).filter(at -> !at.isAfter(now)).isPresent();
    }

    /**
     * A hint-only orders run ({@link HintOnlyRun}): the orders lease, tier and listener path of any run, but it does
     * not record the orders flow's last run or continuation; a failure or quota stop delays the next one instead.
     */
    private FlowReport runHints(Instant now) {
        enter();
        try {
            return runEntered(Flow.ORDERS, Optional.of(new HintOnlyRun()), now, this::hintsFinished);
        } finally {
            leave();
        }
    }

    /** How a run's report is recorded and told once the run is over (not for a lost lease). */
    @FunctionalInterface
    private interface Finish {
        FlowReport finish(FlowReport report, Instant now);
    }

    private FlowReport runEntered(Flow flow, Optional<FlowRun> implementation, Instant now, Finish finish) {
        StoreSettings settings = store.inTransaction(tx -> tx.settings().settings());
        if (implementation.isEmpty() || !enabled(flow, settings)) {
            return finish.finish(FlowReport.builder().flow(flow).outcome(FlowOutcome.DISABLED).startedAt(now)
                    .finishedAt(now).build(), now);
        }
        if (!runningHere.add(flow)) {
            return skipped(flow, now, "lease held by " + options.instanceId() + " (another run of this engine)");
        }
        try {
            Optional<Lease> lease = store.leases().acquire(flow, options.instanceId(), now, options.leaseTtl());
            if (lease.isEmpty()) {
                return skipped(flow, now, heldElsewhere(flow, now));
            }
            return runHolding(flow, implementation.get(), lease.get(), now, finish);
        } finally {
            runningHere.remove(flow);
        }
    }

    private FlowReport runHolding(Flow flow, FlowRun implementation, Lease lease, Instant now, Finish finish) {
        LeaseKeeper keeper = new LeaseKeeper(store.leases(), lease, clock, options.leaseTtl());
        long interval = options.leaseRenewalInterval().toNanos();
        held.add(keeper);
        ScheduledFuture<?> heartbeat = renewer.scheduleWithFixedDelay(keeper::renew, interval, interval,
                TimeUnit.NANOSECONDS);
        context.listener().flowStarted(flow);
        FlowContext runContext = context.forRun(keeper);
        FlowReport report;
        try {
            report = implementation.run(runContext, now);
            if (keeper.isLost()) {
                report = failure(flow, now, FlowOutcome.LEASE_LOST, keeper.lostReason());
            }
        } catch (RuntimeException e) {
            report = keeper.isLost() || e instanceof LeaseLostException
                    ? failure(flow, now, FlowOutcome.LEASE_LOST, keeper.isLost() ? keeper.lostReason() : e.getMessage())
                    : failed(flow, now, e);
        } finally {
            heartbeat.cancel(false);
            held.remove(keeper);
            if (!keeper.isLost()) {
                release(keeper);
            }
        }
        if (report.outcome() == FlowOutcome.LEASE_LOST) {
            LOG.warn("{} stopped: {}", flow, report.error().orElse("lease lost"));
            context.listener().flowFinished(report);
            return report;
        }
        report = FlowContinuation.settle(report, runContext.quotaRefusedUntil());
        report.continueAt().ifPresent(at -> LOG.debug("{} stopped for quota with work left; it continues at {}",
                flow, at));
        return finish.finish(report, now);
    }

    private FlowReport failed(Flow flow, Instant now, RuntimeException e) {
        if (e instanceof OperationInterruptedException) {
            Thread.currentThread().interrupt();
            return failure(flow, now, FlowOutcome.INTERRUPTED, "interrupted");
        }
        if (e instanceof QuotaExceededException) {
            return failure(flow, now, FlowOutcome.WAITING_ON_QUOTA, e.getMessage());
        }
        if (e instanceof BabyshopException || e instanceof StateStoreException) {
            LOG.warn("{} failed: {}", flow, LogSafe.of(e.getMessage()));
            return failure(flow, now, FlowOutcome.FAILED, e.getMessage());
        }
        LOG.error("{} failed unexpectedly: {}", flow, LogSafe.of(e));
        LOG.debug("{} failure, stack trace (its message unescaped)", flow, e);
        return failure(flow, now, FlowOutcome.FAILED, e.toString());
    }

    private void release(LeaseKeeper keeper) {
        try {
            store.leases().release(keeper.lease());
        } catch (RuntimeException e) {
            LOG.warn("could not release the {} lease; it expires at {}: {}", keeper.lease().flow(),
                    keeper.lease().expiresAt(), LogSafe.of(e.getMessage()));
        }
    }

    private FlowReport skipped(Flow flow, Instant now, String why) {
        LOG.info("{} skipped: {}", flow, why);
        return FlowReport.builder().flow(flow).outcome(FlowOutcome.LEASE_HELD_ELSEWHERE).startedAt(now)
                .finishedAt(now).error(why).build();
    }

    private String heldElsewhere(Flow flow, Instant now) {
        try {
            return store.leases().current(flow).filter(l -> l.heldAt(now))
                    .map(l -> "lease held by " + l.holder() + " until " + l.expiresAt())
                    .orElse("lease held by another instance");
        } catch (RuntimeException e) {
            return "lease held by another instance";
        }
    }

    private FlowReport failure(Flow flow, Instant now, FlowOutcome outcome, String error) {
        return FlowReport.builder().flow(flow).outcome(outcome).startedAt(now).finishedAt(clock.instant())
                .error(Optional.ofNullable(error)).quotaRemaining(context.quota().remaining()).build();
    }

    private FlowReport finished(FlowReport report, Instant now) {
        try {
            store.runInTransaction(tx -> {
                tx.cursors().put(Explainer.lastRunCursor(report.flow()), now.toString());
                tx.cursors().put(Explainer.lastOutcomeCursor(report.flow()), report.outcome().name());
                String continuation = FlowContinuation.text(report);
                if (!continuation.equals(tx.cursors().get(FlowContinuation.cursor(report.flow())).orElse(""))) {
                    tx.cursors().put(FlowContinuation.cursor(report.flow()), continuation);
                }
                FlowContinuation.fedBy(report).ifPresent(fed -> {
                    Optional<Instant> due = FlowContinuation.parse(tx.cursors().get(FlowContinuation.cursor(fed)));
                    if (due.isEmpty() || due.get().isAfter(report.finishedAt())) {
                        tx.cursors().put(FlowContinuation.cursor(fed), report.finishedAt().toString());
                    }
                });
            });
        } catch (StateStoreException e) {
            LOG.warn("could not record the run of {}: {}", report.flow(),
                    LogSafe.of(e.getMessage()));
        }
        OrdersCursorReport.tell(store, context.listener(), report);
        context.listener().flowFinished(report);
        return report;
    }

    /**
     * Records when the next hint-only run may start ({@link HintOnlyRun#notBefore}) and tells the listener; the
     * orders flow's last run and continuation stay as they were.
     */
    private FlowReport hintsFinished(FlowReport report, Instant now) {
        String notBefore = HintOnlyRun.notBefore(report, options).map(Instant::toString).orElse("");
        try {
            store.runInTransaction(tx -> {
                if (!notBefore.equals(tx.cursors().get(HintOnlyRun.NOT_BEFORE).orElse(""))) {
                    tx.cursors().put(HintOnlyRun.NOT_BEFORE, notBefore);
                }
            });
        } catch (StateStoreException e) {
            LOG.warn("could not record the hint-only orders run: {}", LogSafe.of(e.getMessage()));
        }
        if (!notBefore.isEmpty()) {
            LOG.info("the hint-only orders run ended {}; hints are fetched again from {} (polling goes on)",
                    report.outcome(), notBefore);
        }
        OrdersCursorReport.tell(store, context.listener(), report);
        context.listener().flowFinished(report);
        return report;
    }

    private static boolean enabled(Flow flow, StoreSettings settings) {
        switch (flow) {
            case ORDERS:
                return settings.orderSync();
            case CATALOG:
                return settings.catalogSync();
            case INVENTORY:
                return settings.inventorySync();
            case RECONCILIATION:
                return settings.orderSync() || settings.inventorySync();
            default:
                return true;
        }
    }

    /**
     * Records order numbers for the orders flow to look at soon (order notifications), in one state transaction:
     * durable when it returns, de-duplicated (one hint per number) and bounded by
     * {@link EngineOptions#maxPendingHints()}; see {@link HintReceipt}. A new hint is due after
     * {@link EngineOptions#hintDelay()} (hints arriving together are fetched together); {@link #runDue} then runs a
     * hint-only orders run (orders lease and quota tier, orderFetch of exactly the due numbers, 100 to a call, no
     * orderList) unless the orders flow is due anyway, whose run fetches them too. A hint never decides a state: the
     * state comes from orderFetch, with the rules of a polled order. A number orderFetch does not find is fetched again
     * after {@link EngineOptions#hintRetryDelay()} (doubling) and dropped after {@link EngineOptions#hintAttempts()}.
     * With order sync off nothing is recorded and every number is refused. Thread-safe: callable from any thread,
     * beside runs.
     *
     * @throws NullPointerException if {@code orderNos} or one of them is null
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the hints could not be made durable
     * @throws IllegalStateException after {@link #close()}
     */
    public HintReceipt hint(java.util.Collection<String> orderNos) {
        Objects.requireNonNull(orderNos, "orderNos");
        enter();
        try {
            return HintIntake.record(store, options, orderNos, clock.instant());
        } finally {
            leave();
        }
    }

    /** Why {@code orderNo} was or was not imported or updated. */
    public OrderExplanation explain(String orderNo) {
        Objects.requireNonNull(orderNo, "orderNo");
        return explainer.explain(orderNo);
    }

    /** The store settings now. */
    public StoreSettings settings() {
        return store.inTransaction(tx -> tx.settings().settings());
    }

    /** The status mapping now. */
    public StatusMapping statusMapping() {
        return store.inTransaction(tx -> tx.settings().statusMapping());
    }

    /** The hub mapping now. */
    public HubMapping hubMapping() {
        return store.inTransaction(tx -> tx.settings().hubMapping());
    }

    /**
     * Replaces the settings and logs the change under {@code actor}. The warnings of the new settings with the
     * status mapping (auto-cancel on with Cancelled not mapped outbound; Inventory Sync on with Catalog Sync off;
     * see {@link #validate()}) are sent to the listener.
     */
    public StoreSettings updateSettings(String actor, UnaryOperator<StoreSettings> change) {
        List<String> warnings = new ArrayList<>();
        StoreSettings updated = store.inTransaction(tx -> {
            StoreSettings before = tx.settings().settings();
            StoreSettings after = Objects.requireNonNull(change.apply(before), "the new settings");
            tx.settings().saveSettings(after);
            logChange(tx, actor, "settings", before, after);
            warnings.clear();
            warnings.addAll(ConfigurationWarnings.of(after, tx.settings().statusMapping(), context.statusMapper()));
            return after;
        });
        warnings.forEach(context.listener()::warning);
        return updated;
    }

    /**
     * Replaces the status mapping, logs the change under {@code actor}, and returns the mapping's
     * warnings (Confirmed/Pending unmapped, Cancelled unmapped; and, with "Automated Order Cancellation On Sales
     * Channel" on, Cancelled not mapped outbound), which are also sent to the listener.
     */
    public List<String> updateStatusMapping(String actor, StatusMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        StoreSettings settings = store.inTransaction(tx -> {
            StatusMapping before = tx.settings().statusMapping();
            tx.settings().saveStatusMapping(mapping);
            logChange(tx, actor, "statusMapping", before, mapping);
            return tx.settings().settings();
        });
        List<String> warnings = new ArrayList<>(mapping.warnings());
        ConfigurationWarnings.of(settings, mapping, context.statusMapper()).stream()
                .filter(warning -> warning.startsWith(ConfigurationWarnings.CANCELLATIONS_NOT_PUSHED))
                .forEach(warnings::add);
        warnings.forEach(context.listener()::warning);
        return List.copyOf(warnings);
    }

    /** Replaces the hub mapping and logs the change under {@code actor}. */
    public void updateHubMapping(String actor, HubMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        store.runInTransaction(tx -> {
            HubMapping before = tx.settings().hubMapping();
            tx.settings().saveHubMapping(mapping);
            logChange(tx, actor, "hubMapping", before, mapping);
        });
    }

    /**
     * The safety stock rule now ({@link SafetyStock#none()} until one is set): what the inventory flow holds back
     * from every quantity it pushes. Reads the state store.
     */
    public SafetyStock safetyStock() {
        return store.inTransaction(tx -> tx.settings().safetyStock());
    }

    /**
     * Replaces the safety stock rule, logs the change under {@code actor} (subject {@code safetyStock}) and, in the
     * same transaction, re-queues every linked SKU for a push (the inventory hard sync), so Babyshop gets the
     * quantities under the new rule at the inventory flow's next run, not only as stock changes. Setting the rule it
     * already has changes nothing and logs nothing.
     *
     * @throws IllegalArgumentException when {@code actor} is blank
     * @throws NullPointerException     when {@code safetyStock} is null
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the store fails (nothing is changed)
     */
    public SafetyStock updateSafetyStock(String actor, SafetyStock safetyStock) {
        Objects.requireNonNull(safetyStock, "safetyStock");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor must name who makes the change");
        }
        store.runInTransaction(tx -> {
            SafetyStock before = tx.settings().safetyStock();
            if (before.equals(safetyStock)) {
                return;
            }
            tx.settings().saveSafetyStock(safetyStock);
            logChange(tx, actor, "safetyStock", before, safetyStock);
            InventoryResync.request(tx, clock.instant(), "safety stock changed by " + actor);
        });
        return safetyStock;
    }

    /**
     * Requests a hard sync: at its next run (made due at once) the inventory flow walks every SKU link, reads the
     * host's stock and pushes every linked SKU's quantity once, even one Babyshop acknowledged, so stock changed on
     * Babyshop's side is corrected. It costs about {@code links / 100} inventory calls, spent at the inventory
     * flow's priority after its real changes; a quota stop or a crash goes on from where the walk was at the next
     * run. A walk in progress starts again from the first link. Logged in the configuration log under
     * {@code actor} (subject {@code inventory.hardSync}). Thread-safe.
     *
     * @param actor who asks (a user or system name)
     * @throws IllegalArgumentException if {@code actor} is blank
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the state store cannot record it
     */
    public void requestHardSync(String actor) {
        store.runInTransaction(tx -> {
            Instant now = clock.instant();
            String before = io.github.babyshopsdk.sync.internal.InventoryResync.lastCompleted(tx)
                    .map(at -> "last completed " + at).orElse("never completed");
            logChange(tx, actor, "inventory.hardSync", before, "requested");
            io.github.babyshopsdk.sync.internal.InventoryResync.request(tx, now, "hard sync requested by " + actor);
        });
    }

    /** The configuration log, oldest first. */
    public List<ConfigurationChange> configurationLog() {
        return store.inTransaction(tx -> tx.settings().changes());
    }

    /**
     * Warnings about the current configuration: mappings that would lose work (Pending/Confirmed/Cancelled unmapped
     * inbound), host cancellations that would not be pushed ("Automated Order Cancellation On Sales Channel" on
     * while the status mapper does not map the host's CANCELLED to Cancelled: "cancelled orders will not sync back
     * to Babyshop"), Inventory Sync on with Catalog Sync off (inventory pushes only SKUs the catalog flow linked),
     * a missing hub. Reads the state store.
     */
    public List<String> validate() {
        List<String> warnings = new ArrayList<>(statusMapping().warnings());
        warnings.addAll(ConfigurationWarnings.of(settings(), statusMapping(), context.statusMapper()));
        if (hubMapping().hubs().isEmpty()) {
            warnings.add("no hub is mapped: every order would be held with \"no hub\"");
        }
        return warnings;
    }

    /**
     * Up to {@code limit} dead letters (outbox entries, quarantined records, inventory ledger entries the engine gave
     * up on), the oldest last failure first, each with its reason, attempts and first and last failure. Reads the
     * state store only.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the store cannot be read
     */
    public List<DeadLetter> deadLetters(int limit) {
        return deadLetters.list(limit);
    }

    /**
     * Re-drives the dead letter {@code key} ({@link DeadLetter#key()}): due again at once, attempts reset, so its
     * flow's next run tries it (an outbox entry becomes {@code PENDING} again, a quarantined record is retried, an
     * inventory entry's pending quantity is pushed). Recorded in the configuration log under {@code actor}
     * ({@code deadLetter.redrive}). Fenced: it takes the flow's lease for its one transaction.
     *
     * @return the dead letter as it was
     * @throws IllegalArgumentException when {@code key} is malformed or {@code actor} blank
     * @throws java.util.NoSuchElementException when no dead letter has that key
     * @throws FlowBusyException when the dead letter's flow is running (nothing changed; try again)
     */
    public DeadLetter redrive(String key, String actor) {
        return deadLetters.redrive(key, actor);
    }

    /**
     * Re-drives every dead letter as {@link #redrive} does, each recorded in the configuration log; those of a flow
     * that is running are left for a later call (still listed by {@link #deadLetters}).
     *
     * @return how many were re-driven
     * @throws IllegalArgumentException when {@code actor} is blank
     */
    public int redriveAll(String actor) {
        return deadLetters.redriveAll(actor);
    }

    /**
     * Discards the dead letter {@code key} on purpose, with {@code reason}: an outbox entry becomes {@code SKIPPED}
     * ("discarded by &lt;actor&gt;: &lt;reason&gt;"), a quarantined record is removed (a quarantined order's record
     * says it was discarded), an inventory entry's pending quantity is cleared. Recorded in the configuration log
     * under {@code actor} ({@code deadLetter.discard}). Fenced like {@link #redrive}.
     *
     * @return the dead letter as it was
     * @throws IllegalArgumentException when {@code key} is malformed, or {@code actor} or {@code reason} blank
     * @throws java.util.NoSuchElementException when no dead letter has that key
     * @throws FlowBusyException when the dead letter's flow is running (nothing changed; try again)
     */
    public DeadLetter discard(String key, String actor, String reason) {
        return deadLetters.discard(key, actor, reason);
    }

    private void logChange(io.github.babyshopsdk.sync.state.SyncTransaction tx, String actor, String subject,
                           Object before, Object after) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor must name who makes the change");
        }
        tx.settings().appendChange(ConfigurationChange.builder().actor(actor).at(clock.instant()).subject(subject)
                .before(String.valueOf(before)).after(String.valueOf(after)).build());
    }

    private void enter() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the engine is closed");
            }
            running++;
        } finally {
            lock.unlock();
        }
    }

    private void leave() {
        lock.lock();
        try {
            running--;
            if (running == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses new runs and waits (up to the close timeout) for runs in progress to finish; each releases its
     * lease. A run still in progress after the timeout loses its lease (it writes nothing more) and the lease
     * is released, so another instance may take the flow at once. Every record a run finished is committed; a
     * run cut short continues on the next start. Stops the lease renewal threads.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            long nanos = closeTimeout.toNanos();
            while (running > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
            if (running > 0) {
                LOG.warn("closing with {} flow run(s) still in progress; releasing their leases", running);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
            for (LeaseKeeper keeper : held) {
                keeper.markLost("the engine was closed while the " + keeper.lease().flow() + " run was in progress");
                release(keeper);
            }
            renewer.shutdownNow();
        }
    }

    /**
     * Configures a {@link SyncEngine}. Not thread-safe. {@link #build()} names every missing SPI.
     */
    public static final class Builder {
        private SyncStateStore stateStore;
        private ChannelGateway channel;
        private HostOrders hostOrders;
        private HostCatalog hostCatalog;
        private HostInventory hostInventory;
        private HostFulfilment hostFulfilment;
        private HubResolver hubResolver;
        private StatusMapper statusMapper;
        private SyncScheduler scheduler;
        private SyncListener listener = SyncListener.none();
        private Clock clock = Clock.systemUTC();
        private EngineOptions options = EngineOptions.defaults();
        private Duration closeTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Durable engine state of this store. Required. */
        public Builder stateStore(SyncStateStore stateStore) {
            this.stateStore = stateStore;
            return this;
        }

        /** The port to Babyshop, e.g. {@code ClientChannelGateway.of(client)}. Required. */
        public Builder channel(ChannelGateway channel) {
            this.channel = channel;
            return this;
        }

        /** The host's orders. Required. */
        public Builder hostOrders(HostOrders hostOrders) {
            this.hostOrders = hostOrders;
            return this;
        }

        /** The host's SKU master. Required. */
        public Builder hostCatalog(HostCatalog hostCatalog) {
            this.hostCatalog = hostCatalog;
            return this;
        }

        /** The host's stock. Required. */
        public Builder hostInventory(HostInventory hostInventory) {
            this.hostInventory = hostInventory;
            return this;
        }

        /** The host's order events and label sink. Required. */
        public Builder hostFulfilment(HostFulfilment hostFulfilment) {
            this.hostFulfilment = hostFulfilment;
            return this;
        }

        /** Hub resolution, e.g. {@code HubResolver.byMapping()}. Required. */
        public Builder hubResolver(HubResolver hubResolver) {
            this.hubResolver = hubResolver;
            return this;
        }

        /** Status mapping, e.g. {@code StatusMapper.byMapping()}. Required. */
        public Builder statusMapper(StatusMapper statusMapper) {
            this.statusMapper = statusMapper;
            return this;
        }

        /** When flows are due, e.g. {@code IntervalSyncScheduler.defaults()}. Required. */
        public Builder scheduler(SyncScheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** Progress and metrics (default: none). */
        public Builder listener(SyncListener listener) {
            this.listener = listener;
            return this;
        }

        /** The clock (default the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Tuning (default {@link EngineOptions#defaults()}). */
        public Builder options(EngineOptions options) {
            this.options = options;
            return this;
        }

        /** How long {@link SyncEngine#close()} waits for runs in progress (default 30 s). */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        /**
         * Builds the engine.
         *
         * @throws IllegalStateException naming every missing SPI
         */
        public SyncEngine build() {
            List<String> missing = new ArrayList<>();
            check(missing, stateStore, "stateStore (SyncStateStore)");
            check(missing, channel, "channel (ChannelGateway)");
            check(missing, hostOrders, "hostOrders (HostOrders)");
            check(missing, hostCatalog, "hostCatalog (HostCatalog)");
            check(missing, hostInventory, "hostInventory (HostInventory)");
            check(missing, hostFulfilment, "hostFulfilment (HostFulfilment)");
            check(missing, hubResolver, "hubResolver (HubResolver)");
            check(missing, statusMapper, "statusMapper (StatusMapper)");
            check(missing, scheduler, "scheduler (SyncScheduler)");
            check(missing, listener, "listener (SyncListener)");
            check(missing, clock, "clock (Clock)");
            check(missing, options, "options (EngineOptions)");
            check(missing, closeTimeout, "closeTimeout (Duration)");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("SyncEngine needs: " + String.join(", ", missing));
            }
            return new SyncEngine(this);
        }

        private static void check(List<String> missing, Object value, String name) {
            if (value == null) {
                missing.add(name);
            }
        }
    }
}
