package io.github.babyshopsdk.benchmarks.world;

import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.HubRule;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncScheduler;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.NotificationSink;
import io.github.babyshopsdk.testkit.OrderNotifications;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A whole integration on simulated time, for the quota benchmarks: the testkit's {@link SellerPanelSimulator} on
 * a {@link SimulatedClock} with the channel's quota (40 calls per 5 minutes unless told otherwise), a
 * {@link BabyshopClient} on it with the same quota budget (plain HTTP on loopback, its waits moved onto the
 * simulated clock by {@link SimulatedTime}, retry jitter pinned), {@code ClientChannelGateway.of(client)}, a
 * {@link RecordingHost} (an {@link InMemoryHost} that records when orders and SKUs arrive), a state store of the
 * chosen {@link StateKind}, and a {@link SyncEngine} on the default {@link IntervalSyncScheduler} (or the one
 * given), every toggle on, status mapping Pending/Confirmed -> NEW, Cancelled -> CANCELLED (outbound SHIPPED
 * and CANCELLED), hub mapping default {@value #DXB}, country SAU -> {@value #RUH}.
 *
 * <pre>{@code
 * try (BenchWorld world = BenchWorld.builder(Fixture.of(7, 5_000, 10_000)).build()) {
 *     world.stockEveryValidSku(BigDecimal.TEN);
 *     Optional<Instant> done = world.runUntil(() -> world.host().ordersCreated() >= n, Duration.ofDays(2));
 *     CallCounts calls = world.callCounts();
 * }
 * }</pre>
 *
 * <p><b>The host's loop.</b> {@link #tick()} is what a host's scheduler does every tick (as
 * {@code ExecutorSyncRunner}, with a fixed delay): {@code engine.runDue(now)}. Simulated time moves only between
 * ticks (by the tick, default one minute) and inside a run when the client waits (quota window, back-off): a
 * run's calls otherwise take no simulated time. Actions scheduled with {@link #at} (new orders on Babyshop, stock
 * changes in the host) fire at their instants, also during a run's waits.
 *
 * <p><b>Order notifications.</b> With {@link Builder#notifications}, the simulator emits order notifications to the
 * host's {@link HintReceiver}; each tick pushes those due before {@code runDue}, so a hint waits for the next tick
 * (give such worlds a short tick, as a host woken by its receiver).
 *
 * <p><b>Calls.</b> The simulator records every request; the world takes them over after each tick
 * ({@link #calls()}), so counts are per operation and per answer (code 13), with simulated times.
 *
 * <p>Not thread-safe: one thread drives a world. {@link #close()} closes the engine, client, simulator and store.
 */
public final class BenchWorld implements AutoCloseable {
    /** The hub every order goes to unless shipped to Saudi Arabia; the hub {@link #stockEveryValidSku} stocks. */
    public static final String DXB = "HUB-DXB";
    /** The hub of orders shipped to Saudi Arabia. */
    public static final String RUH = "HUB-RUH";
    /** The actor named in the configuration log. */
    public static final String ACTOR = "benchmarks";

    private final SellerPanelSimulator sim;
    private final SimulatedTime time;
    private final QuotaLimits quotaLimits;
    private final BabyshopClient client;
    private final StateStores stateStores;
    private final RecordingHost host;
    private final SyncEngine engine;
    private final SyncScheduler scheduler;
    private final Duration tick;
    private final List<CallRecord> calls = new ArrayList<>();
    private final List<FlowReport> reports = new ArrayList<>();
    private final HintReceiver receiver = new HintReceiver();
    private Instant nextTick;

    private BenchWorld(Builder b) {
        SellerPanelSimulator.Builder simBuilder = SellerPanelSimulator.builder().seed(b.seed).fixture(b.fixture)
                .quota(b.quota, b.window).moderationDelay(b.moderationDelay);
        if (b.notifications != null) {
            simBuilder.orderNotifications(b.notifications.apply(receiver));
        }
        this.sim = simBuilder.build().start();
        StateStores opened = null;
        try {
            this.time = new SimulatedTime(sim.simulatedClock());
            this.quotaLimits = QuotaLimits.builder().limit(b.quota).window(b.window).build();
            this.client = BabyshopClient.builder().baseUrl(sim.baseUrl()).allowInsecureHttp()
                    .credentials(Credentials.of(SellerPanelSimulator.DEFAULT_USERNAME,
                            SellerPanelSimulator.DEFAULT_PASSWORD))
                    .clock(sim.clock()).sleeper(time).zone(sim.zone())
                    .retryPolicy(RetryPolicy.builder().random(() -> 0.5).build())
                    .quotaBudget(RollingWindowQuotaBudget.of(quotaLimits))
                    .build();
            opened = StateStores.open(b.stateKind, b.settings);
            this.stateStores = opened;
            this.host = new RecordingHost(InMemoryHost.create(), sim.clock());
            this.scheduler = b.scheduler;
            this.tick = b.tick;
            this.engine = SyncEngine.builder().stateStore(opened.store()).channel(ClientChannelGateway.of(client))
                    .hostOrders(host).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                    .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                    .scheduler(b.scheduler).clock(sim.clock()).options(b.options)
                    .closeTimeout(Duration.ofSeconds(5)).build();
            configure(engine);
            receiver.to(engine);
            this.nextTick = time.now();
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            sim.close();
            throw e;
        }
    }

    /** A builder for a world whose simulator starts with {@code fixture}'s data. */
    public static Builder builder(Fixture fixture) {
        return new Builder(fixture);
    }

    /** Every toggle on, the status and hub mappings of the class comment, logged under {@link #ACTOR}. */
    private static void configure(SyncEngine engine) {
        engine.updateSettings(ACTOR, s -> StoreSettings.builder().from(s).orderSync(true).catalogSync(true)
                .inventorySync(true).autoCancelOnChannel(true).build());
        engine.updateStatusMapping(ACTOR, StatusMapping.builder()
                .putInbound(io.github.babyshopsdk.client.model.OrderStatus.PENDING, "NEW")
                .putInbound(io.github.babyshopsdk.client.model.OrderStatus.CONFIRMED, "NEW")
                .putInbound(io.github.babyshopsdk.client.model.OrderStatus.CANCELLED, "CANCELLED")
                .putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
                .putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED)
                .build());
        engine.updateHubMapping(ACTOR, HubMapping.builder().defaultHub(DXB)
                .addRules(HubRule.builder().country("SAU").hub(RUH).build()).build());
    }

    // ---- the host's loop ------------------------------------------------------------------------------------

    /**
     * One tick of the host's scheduler: moves the clock to the tick's time (if it is not past it already),
     * pushes the order notifications due (to the host's {@link HintReceiver}, when the world has them), runs
     * {@code engine.runDue(now)}, takes over the calls the simulator recorded, and sets the next tick one
     * tick after the run ended.
     *
     * @return the reports of the flows that ran
     */
    public List<FlowReport> tick() {
        time.moveTo(nextTick);
        sim.notifications().deliverDue();
        List<FlowReport> ran = engine.runDue(time.now());
        reports.addAll(ran);
        absorbCalls();
        nextTick = time.now().plus(tick);
        return ran;
    }

    /**
     * Ticks until {@code done} holds (checked before the first tick and after each) or {@code limit} of
     * simulated time has passed.
     *
     * @return the simulated instant {@code done} first held at, or empty when the limit came first
     */
    public Optional<Instant> runUntil(BooleanSupplier done, Duration limit) {
        Instant end = time.now().plus(limit);
        while (true) {
            if (done.getAsBoolean()) {
                return Optional.of(time.now());
            }
            if (nextTick.isAfter(end)) {
                return Optional.empty();
            }
            tick();
        }
    }

    /**
     * Ticks for {@code duration} of simulated time, then moves the clock to its end: every tick due before the
     * end runs (a tick due exactly at the end is left to the next stretch, so back-to-back stretches count each
     * call once).
     */
    public void runFor(Duration duration) {
        Instant end = time.now().plus(duration);
        while (nextTick.isBefore(end)) {
            tick();
        }
        time.moveTo(end);
    }

    /** Moves simulated time without ticking (actions due meanwhile fire). */
    public void advance(Duration amount) {
        time.advance(amount);
    }

    /** Runs {@code action} when simulated time reaches {@code at} (see {@link SimulatedTime#at}). */
    public void at(Instant at, Runnable action) {
        time.at(at, action);
    }

    /** The simulated time now. */
    public Instant now() {
        return time.now();
    }

    /** When the next tick runs. */
    public Instant nextTick() {
        return nextTick;
    }

    // ---- what happened ----------------------------------------------------------------------------------------

    /** Every call the simulator received so far, in arrival order. */
    public List<CallRecord> calls() {
        absorbCalls();
        return Collections.unmodifiableList(calls);
    }

    /** The counts of every call so far. */
    public CallCounts callCounts() {
        return CallCounts.of(calls());
    }

    /** The counts of the calls received at or after {@code from} and before {@code to} (simulated time). */
    public CallCounts callCounts(Instant from, Instant to) {
        return CallCounts.of(calls().stream().filter(c -> !c.at().isBefore(from) && c.at().isBefore(to)).toList());
    }

    /** Every report of every tick so far, in order. */
    public List<FlowReport> reports() {
        return Collections.unmodifiableList(reports);
    }

    /** The reports of {@code flow}'s runs so far. */
    public List<FlowReport> reports(Flow flow) {
        return reports.stream().filter(r -> r.flow() == flow).toList();
    }

    /** Whether {@code flow}'s latest run {@linkplain FlowOutcome#COMPLETED completed}. */
    public boolean lastRunCompleted(Flow flow) {
        for (int i = reports.size() - 1; i >= 0; i--) {
            if (reports.get(i).flow() == flow) {
                return reports.get(i).outcome() == FlowOutcome.COMPLETED;
            }
        }
        return false;
    }

    private void absorbCalls() {
        List<RecordedRequest> received = sim.requests().all();
        if (received.isEmpty()) {
            return;
        }
        sim.requests().clear();
        for (RecordedRequest r : received) {
            calls.add(new CallRecord(r.receivedAt(), r.operation(), r.responseCode()));
        }
    }

    // ---- data -------------------------------------------------------------------------------------------------

    /** The simulator's SKUs with a valid Vendor SKU Code (the ones the catalog flow takes in). */
    public List<SimProduct> validProducts() {
        return sim.store().products().stream().filter(SimProduct::hasValidVendorSkuCode).toList();
    }

    /**
     * Gives every SKU with a valid Vendor SKU Code {@code quantity} in {@link #DXB} (so the inventory flow has
     * something to push for each link).
     *
     * @return how many Vendor SKU Codes were stocked
     */
    public int stockEveryValidSku(BigDecimal quantity) {
        List<SimProduct> valid = validProducts();
        valid.forEach(p -> host.host().setStock(p.vendorSkuCode(), DXB, quantity));
        return valid.size();
    }

    /** The SKU links the engine holds. */
    public List<SkuLink> links() {
        return store().inTransaction(tx -> tx.catalog().links());
    }

    // ---- parts ------------------------------------------------------------------------------------------------

    /** The simulator. */
    public SellerPanelSimulator simulator() {
        return sim;
    }

    /** Simulated time: the clock, its scheduled actions, the client's waits. */
    public SimulatedTime time() {
        return time;
    }

    /** The client's (and the simulator's) quota. */
    public QuotaLimits quotaLimits() {
        return quotaLimits;
    }

    /** One call slot: the quota window divided by the calls it allows (7.5 s for 40 per 5 minutes). */
    public Duration callSlot() {
        return quotaLimits.window().dividedBy(quotaLimits.limit());
    }

    /** The client the engine calls through. */
    public BabyshopClient client() {
        return client;
    }

    /** The engine. */
    public SyncEngine engine() {
        return engine;
    }

    /** The engine's scheduler. */
    public SyncScheduler scheduler() {
        return scheduler;
    }

    /** The host. */
    public RecordingHost host() {
        return host;
    }

    /** The engine's state store. */
    public SyncStateStore store() {
        return stateStores.store();
    }

    /** Closes the engine, the client, the simulator and the state store (dropping its database). */
    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            try {
                client.close();
            } finally {
                try {
                    sim.close();
                } finally {
                    stateStores.close();
                }
            }
        }
    }

    /** Configures a {@link BenchWorld}. Not thread-safe. */
    public static final class Builder {
        private final Fixture fixture;
        private long seed = 42;
        private int quota = QuotaLimits.VINCULUM_LIMIT;
        private Duration window = QuotaLimits.VINCULUM_WINDOW;
        private Duration moderationDelay = Duration.ofMinutes(10);
        private SyncScheduler scheduler = IntervalSyncScheduler.defaults();
        private EngineOptions options = EngineOptions.builder().instanceId("bench").build();
        private StateKind stateKind = StateKind.IN_MEMORY;
        private RunSettings settings = new RunSettings(false, Optional.empty(), "postgres", "");
        private Duration tick = Duration.ofMinutes(1);
        private Function<NotificationSink, OrderNotifications> notifications;

        private Builder(Fixture fixture) {
            this.fixture = Objects.requireNonNull(fixture, "fixture");
        }

        /** The simulator's seed (default 42). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The quota of the simulator and of the client's budget (default 40 calls per 5 minutes). */
        public Builder quota(int calls, Duration quotaWindow) {
            this.quota = calls;
            this.window = Objects.requireNonNull(quotaWindow, "window");
            return this;
        }

        /** Simulated time until a pushed stock level is approved (default 10 minutes). */
        public Builder moderationDelay(Duration delay) {
            this.moderationDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** The engine's scheduler (default {@link IntervalSyncScheduler#defaults()}). */
        public Builder scheduler(SyncScheduler value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /** The engine's options (default: the defaults, instance id {@code bench}). */
        public Builder options(EngineOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /**
         * Where the engine keeps its state (default {@link StateKind#IN_MEMORY}); {@code settings} gives the
         * PostgreSQL URL and login for {@link StateKind#POSTGRESQL}.
         */
        public Builder state(StateKind kind, RunSettings runSettings) {
            this.stateKind = Objects.requireNonNull(kind, "kind");
            this.settings = Objects.requireNonNull(runSettings, "settings");
            return this;
        }

        /** The host scheduler's tick (default 1 minute, the README's {@code ExecutorSyncRunner} example). */
        public Builder tick(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("tick must be positive, was " + value);
            }
            this.tick = value;
            return this;
        }

        /**
         * The simulator emits order notifications (default: none), configured by {@code config} from the host's
         * receiver (a {@link HintReceiver}: parser, then {@code engine.hint}), which the config must name as its
         * sink. Each {@link BenchWorld#tick()} pushes the notifications due before running the engine.
         */
        public Builder notifications(Function<NotificationSink, OrderNotifications> config) {
            this.notifications = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Starts the simulator, opens the store and builds the engine.
         *
         * @throws IllegalArgumentException for PostgreSQL state without a URL
         * @throws RuntimeException when the simulator cannot start or the store cannot be opened
         */
        public BenchWorld build() {
            return new BenchWorld(this);
        }
    }
}
