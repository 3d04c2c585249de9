package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.client.quota.testing.RecordingBudget;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.HubRule;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.sync.spi.HostCatalog;
import io.github.babyshopsdk.sync.spi.HostFulfilment;
import io.github.babyshopsdk.sync.spi.HostInventory;
import io.github.babyshopsdk.sync.spi.HostOrders;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.spi.SyncScheduler;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.OrderNotifications;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The end-to-end wiring every test here uses: a {@link SellerPanelSimulator} on a {@link SimulatedClock}; a
 * {@link BabyshopClient} on it (plain HTTP on loopback, the simulator's clock and zone, a {@link SimSleeper}
 * so quota waits and backoffs cost no real time, retry jitter pinned at 0.5); {@code ClientChannelGateway.of(client)}
 * (optionally decorated by the test); and a {@link SyncEngine} over an {@link InMemorySyncStateStore} (or the
 * state store the builder was given) and an
 * {@link InMemoryHost} (every host port), {@code HubResolver.byMapping()}, {@code StatusMapper.byMapping()},
 * {@code IntervalSyncScheduler.defaults()} (each replaceable by the builder) and the simulator's clock, configured with every toggle on, status
 * mapping Pending/Confirmed -> NEW, Cancelled -> CANCELLED, outbound SHIPPED -> SHIPPED and CANCELLED ->
 * CANCELLED, and hub mapping default {@value #DXB}, country SAU -> {@value #RUH}.
 */
final class SimWorld implements AutoCloseable {
    static final String DXB = "HUB-DXB";
    static final String RUH = "HUB-RUH";
    /** A host hub that no hub-mapping rule names: its stock never counts for Babyshop. */
    static final String UNMAPPED_HUB = "HUB-JED-RETAIL";
    static final String ACTOR = "e2e-test";
    /** The Babyshop statuses the test mapping imports: Pending, Confirmed, Cancelled. */
    static final Set<Integer> MAPPED = Set.of(OrderStatus.PENDING.code(), OrderStatus.CONFIRMED.code(),
            OrderStatus.CANCELLED.code());

    final SellerPanelSimulator sim;
    final SimulatedClock clock;
    final SimSleeper sleeper;
    final BabyshopClient client;
    final ChannelGateway gateway;
    final SyncStateStore store;
    final InMemoryHost host = InMemoryHost.create();
    final RecordingListener listener = new RecordingListener();
    final EngineOptions options;
    final SyncEngine engine;
    private final int clientQuota;
    private final Duration quotaWindow;
    private final int reservePerTier;
    private final RecordingBudget budget;
    private final boolean firstRunDefaults;
    private final StatusMapper statusMapper;
    private final HubResolver hubResolver;
    private final SyncScheduler scheduler;

    private SimWorld(Builder b) {
        SellerPanelSimulator.Builder simBuilder = SellerPanelSimulator.builder().seed(b.seed).fixture(b.fixture)
                .quota(b.simQuota, b.quotaWindow).moderationDelay(b.moderationDelay);
        if (b.tokenTtl != null) {
            simBuilder.tokenTtl(b.tokenTtl);
        }
        if (b.notifications != null) {
            simBuilder.orderNotifications(b.notifications);
        }
        this.store = b.stateStore != null ? b.stateStore : InMemorySyncStateStore.create();
        this.sim = simBuilder.build().start();
        this.clock = sim.simulatedClock();
        this.sleeper = new SimSleeper(clock);
        this.clientQuota = b.clientQuota > 0 ? b.clientQuota : b.simQuota;
        this.quotaWindow = b.quotaWindow;
        this.reservePerTier = b.reservePerTier;
        this.budget = RecordingBudget.of(RollingWindowQuotaBudget.of(quotaLimits()));
        this.client = newClient(sleeper, budget);
        ChannelGateway inner = ClientChannelGateway.of(client);
        this.gateway = b.decorator == null ? inner : b.decorator.apply(sim, inner);
        this.firstRunDefaults = b.firstRunDefaults;
        this.statusMapper = b.statusMapper;
        this.hubResolver = b.hubResolver;
        this.scheduler = b.scheduler;
        this.options = b.options;
        this.engine = newEngine(options, store, gateway, host, listener);
        configure(engine);
    }

    /**
     * A new client on the simulator (as a restarted process would build: no API key yet, an empty local
     * quota budget), with the same settings as {@link #client}, waiting through {@code waits}.
     */
    BabyshopClient newClient(SimSleeper waits) {
        return newClient(waits, RecordingBudget.of(RollingWindowQuotaBudget.of(quotaLimits())));
    }

    /** A new client on the simulator, as {@link #newClient(SimSleeper)}, spending {@code quota}. */
    BabyshopClient newClient(SimSleeper waits, QuotaBudget quota) {
        return BabyshopClient.builder().baseUrl(sim.baseUrl()).allowInsecureHttp()
                .credentials(Credentials.of(SellerPanelSimulator.DEFAULT_USERNAME, SellerPanelSimulator.DEFAULT_PASSWORD))
                .clock(sim.clock()).sleeper(waits).zone(sim.zone())
                .retryPolicy(RetryPolicy.builder().random(() -> 0.5).build())
                .quotaBudget(quota)
                .build();
    }

    /** The quota budget of {@link #client} (every client of the world has its own), recording its decisions. */
    RecordingBudget budget() {
        return budget;
    }

    /** The client's quota: its limit and window, and the tier reserve the builder set (else the default). */
    QuotaLimits quotaLimits() {
        QuotaLimits.Builder limits = QuotaLimits.builder().limit(clientQuota).window(quotaWindow);
        if (reservePerTier >= 0) {
            limits.reservePerTier(reservePerTier);
        }
        return limits.build();
    }

    /** A world over a simulator seeded with {@code fixture}. */
    static Builder with(Fixture fixture) {
        return new Builder(fixture);
    }

    /** Another engine instance over the same store, gateway and host, e.g. a second node or a restart. */
    SyncEngine newEngine(String instanceId) {
        return newEngine(EngineOptions.builder().from(options).instanceId(instanceId).build(), store, gateway, host,
                listener);
    }

    /** An engine over the given state store, channel and host ports, wired as described in the class comment. */
    <H extends HostOrders & HostCatalog & HostInventory & HostFulfilment> SyncEngine newEngine(
            EngineOptions engineOptions, SyncStateStore stateStore, ChannelGateway channel, H hostPorts,
            SyncListener syncListener) {
        EngineOptions effective = firstRunDefaults ? engineOptions : wholeHistory(engineOptions);
        return SyncEngine.builder().stateStore(stateStore).channel(channel)
                .hostOrders(hostPorts).hostCatalog(hostPorts).hostInventory(hostPorts).hostFulfilment(hostPorts)
                .hubResolver(hubResolver).statusMapper(statusMapper)
                .scheduler(scheduler).listener(syncListener).clock(sim.clock())
                .options(effective).closeTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * {@code options} importing every order since {@link EngineOptions#EPOCH} (unless an import start is set), and
     * orders first seen cancelled too: the suite's fixtures span 14 days and its tests check that every order in a
     * mapped status is imported. The first-run defaults (the last 7 days, first-seen cancellations recorded) have
     * their own tests, on worlds built with {@link Builder#firstRunDefaults()}.
     */
    static EngineOptions wholeHistory(EngineOptions options) {
        return EngineOptions.builder().from(options)
                .orderImportFrom(options.orderImportFrom().orElse(EngineOptions.EPOCH))
                .importOrdersCancelledBeforeFirstSeen(true).build();
    }

    /** Every toggle on, the test status mapping and hub mapping, each logged under {@link #ACTOR}. */
    static void configure(SyncEngine engine) {
        engine.updateSettings(ACTOR, s -> StoreSettings.builder().from(s).orderSync(true).catalogSync(true)
                .inventorySync(true).autoCancelOnChannel(true).build());
        engine.updateStatusMapping(ACTOR, statusMapping());
        engine.updateHubMapping(ACTOR, hubMapping());
    }

    static StatusMapping statusMapping() {
        return StatusMapping.builder()
                .putInbound(io.github.babyshopsdk.client.model.OrderStatus.PENDING, "NEW")
                .putInbound(io.github.babyshopsdk.client.model.OrderStatus.CONFIRMED, "NEW")
                .putInbound(io.github.babyshopsdk.client.model.OrderStatus.CANCELLED, "CANCELLED")
                .putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
                .putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED)
                .build();
    }

    static HubMapping hubMapping() {
        return HubMapping.builder().defaultHub(DXB)
                .addRules(HubRule.builder().country("SAU").hub(RUH).build()).build();
    }

    /** Whether a Babyshop status code is mapped inbound by the test mapping. */
    static boolean mapped(int status) {
        return MAPPED.contains(status);
    }

    /** The host stage the test mapping gives a mapped status. */
    static String expectedStage(int status) {
        return status == OrderStatus.CANCELLED.code() ? "CANCELLED" : "NEW";
    }

    /** The hub the test hub mapping gives an order: SAU to {@value #RUH}, everything else {@value #DXB}. */
    static String expectedHub(SimOrder order) {
        return "SAU".equalsIgnoreCase(order.address().countryCode()) ? RUH : DXB;
    }

    /** The quantity Babyshop should hold for a Vendor SKU Code: the mapped hubs' stock, summed, floored at 0, 3 decimals down. */
    BigDecimal expectedQuantity(String vendorSkuCode) {
        BigDecimal sum = host.available(List.of(vendorSkuCode)).stream()
                .filter(level -> level.hub().equals(DXB) || level.hub().equals(RUH))
                .map(level -> level.available()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal floored = sum.signum() < 0 ? BigDecimal.ZERO : sum;
        return floored.scale() > 3 ? floored.setScale(3, RoundingMode.FLOOR) : floored;
    }

    /** The non-JIT orders of the simulator's record of truth, by order number. */
    Map<String, SimOrder> simOrders() {
        return sim.store().orders().stream().filter(o -> !o.jit())
                .collect(Collectors.toMap(SimOrder::orderNo, o -> o, (a, b) -> a, LinkedHashMap::new));
    }

    /** The simulator's SKUs with a valid Vendor SKU Code. */
    List<SimProduct> validProducts() {
        return sim.store().products().stream().filter(SimProduct::hasValidVendorSkuCode).toList();
    }

    /** The simulator's SKUs without a valid Vendor SKU Code. */
    List<SimProduct> invalidProducts() {
        return sim.store().products().stream().filter(p -> !p.hasValidVendorSkuCode()).toList();
    }

    /** The SKU links the engine recorded, by Vendor SKU Code. */
    Map<String, String> links() {
        return store.inTransaction(tx -> tx.catalog().links()).stream()
                .collect(Collectors.toMap(SkuLink::vendorSkuCode, SkuLink::sku, (a, b) -> a, LinkedHashMap::new));
    }

    /** The engine's inventory ledger entry of a Vendor SKU Code. */
    Optional<InventoryState> inventoryState(String vendorSkuCode) {
        return store.inTransaction(tx -> tx.inventory().find(vendorSkuCode));
    }

    /** Moves simulated time. */
    Instant advance(Duration duration) {
        return clock.advance(duration);
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            try {
                client.close();
            } finally {
                sim.close();
            }
        }
    }

    /** Configures a {@link SimWorld}. */
    static final class Builder {
        private final Fixture fixture;
        private long seed = 42;
        private int simQuota = 40;
        private int clientQuota;
        private int reservePerTier = -1;
        private Duration quotaWindow = Duration.ofMinutes(5);
        private Duration tokenTtl;
        private Duration moderationDelay = Duration.ofMinutes(10);
        private BiFunction<SellerPanelSimulator, ChannelGateway, ChannelGateway> decorator;
        private EngineOptions options = EngineOptions.builder().instanceId("engine-A").build();
        private SyncStateStore stateStore;
        private boolean firstRunDefaults;
        private StatusMapper statusMapper = StatusMapper.byMapping();
        private HubResolver hubResolver = HubResolver.byMapping();
        private SyncScheduler scheduler = IntervalSyncScheduler.defaults();
        private OrderNotifications notifications;

        private Builder(Fixture fixture) {
            this.fixture = fixture;
        }

        Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The simulator's quota; the client's local budget is the same unless {@link #clientQuota} says otherwise. */
        Builder quota(int calls, Duration window) {
            this.simQuota = calls;
            this.quotaWindow = window;
            return this;
        }

        Builder clientQuota(int calls) {
            this.clientQuota = calls;
            return this;
        }

        /** The calls the client's budget keeps free per more urgent tier (default: {@link QuotaLimits}'). */
        Builder reservePerTier(int calls) {
            this.reservePerTier = calls;
            return this;
        }

        Builder tokenTtl(Duration ttl) {
            this.tokenTtl = ttl;
            return this;
        }

        Builder moderationDelay(Duration delay) {
            this.moderationDelay = delay;
            return this;
        }

        /** Wraps the gateway the engine gets (the inner one is {@code ClientChannelGateway.of(client)}). */
        Builder decorate(BiFunction<SellerPanelSimulator, ChannelGateway, ChannelGateway> wrap) {
            this.decorator = wrap;
            return this;
        }

        Builder options(EngineOptions engineOptions) {
            this.options = engineOptions;
            return this;
        }

        /** The engine's state store (default: a new {@link InMemorySyncStateStore}); the world does not close it. */
        Builder stateStore(SyncStateStore store) {
            this.stateStore = store;
            return this;
        }

        /** Engines with the engine's own first-run defaults (else {@link SimWorld#wholeHistory}). */
        Builder firstRunDefaults() {
            this.firstRunDefaults = true;
            return this;
        }

        /** The host's own status mapper (default {@code StatusMapper.byMapping()}). */
        Builder statusMapper(StatusMapper mapper) {
            this.statusMapper = mapper;
            return this;
        }

        /** The host's own hub resolver (default {@code HubResolver.byMapping()}). */
        Builder hubResolver(HubResolver resolver) {
            this.hubResolver = resolver;
            return this;
        }

        /** The host's own scheduler (default {@code IntervalSyncScheduler.defaults()}). */
        Builder scheduler(SyncScheduler syncScheduler) {
            this.scheduler = syncScheduler;
            return this;
        }

        /** The simulator emits order notifications so (default: none); see {@link SellerPanelSimulator#notifications()}. */
        Builder notifications(OrderNotifications config) {
            this.notifications = config;
            return this;
        }

        SimWorld start() {
            return new SimWorld(this);
        }
    }
}
