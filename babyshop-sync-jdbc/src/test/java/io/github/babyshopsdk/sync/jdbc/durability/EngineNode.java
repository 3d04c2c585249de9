package io.github.babyshopsdk.sync.jdbc.durability;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.model.OrderStatus;
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
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * One engine node of the durability tests, wired as a host would wire it: a {@link BabyshopClient} on the
 * simulator's URL (plain HTTP on loopback), a {@link JdbcSyncStateStore} on the shared database, the
 * {@link JdbcTestHost} on the same database, the default hub resolver, status mapper and scheduler, and
 * the configuration the tests use (every toggle on, the mappings below), applied idempotently.
 */
final class EngineNode {
    static final String STORE_ID = "babyshop-uae";
    static final String TABLE_PREFIX = "bs_";
    static final String USERNAME = "babyshop-seller";
    static final String PASSWORD = "babyshop-secret";
    static final String ACTOR = "durability-test";

    /** Hubs of the hub mapping: Saudi addresses go to RUH, everything else to DXB. */
    static final String HUB_DXB = "DXB";
    static final String HUB_RUH = "RUH";
    /** A hub the host has but that does not serve the store: its stock is never pushed. */
    static final String HUB_UNMAPPED = "OLD";
    static final Set<String> MAPPED_HUBS = Set.of(HUB_DXB, HUB_RUH);

    /** Babyshop statuses imported: Pending, Confirmed (as NEW) and Cancelled. */
    static final Set<Integer> MAPPED_STATUS_CODES = Set.of(1, 5, 8);

    static final StoreSettings SETTINGS = StoreSettings.builder().orderSync(true).catalogSync(true).inventorySync(true)
            .autoCancelOnChannel(true).build();
    static final StatusMapping STATUS_MAPPING = StatusMapping.builder()
            .putInbound(OrderStatus.PENDING, "NEW").putInbound(OrderStatus.CONFIRMED, "NEW")
            .putInbound(OrderStatus.CANCELLED, "CANCELLED")
            .putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
            .putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED)
            .build();
    static final HubMapping HUB_MAPPING = HubMapping.builder().defaultHub(HUB_DXB)
            .addRules(HubRule.builder().country("SAU").hub(HUB_RUH).build()).build();

    private final BabyshopClient client;
    private final JdbcSyncStateStore store;
    private final JdbcTestHost host;
    private final SyncEngine engine;

    private EngineNode(BabyshopClient client, JdbcSyncStateStore store, JdbcTestHost host, SyncEngine engine) {
        this.client = client;
        this.store = store;
        this.host = host;
        this.engine = engine;
    }

    /**
     * A node.
     *
     * @param simulatorUrl the simulator's base URL
     * @param dataSource this node's own pool on the shared database
     * @param instanceId the engine instance id (lease owner)
     * @param migrate whether building the store runs the migrations (false: the deployment ran them)
     * @param sharedQuota whether the client spends a quota budget kept in the database (shared by every
     *     node) instead of one in memory
     * @param storeWrapper wraps the state store the engine gets (e.g. to record leases)
     * @param listener the engine's listener
     */
    static EngineNode create(String simulatorUrl, DataSource dataSource, String instanceId, boolean migrate,
                             boolean sharedQuota, UnaryOperator<SyncStateStore> storeWrapper, SyncListener listener) {
        return create(simulatorUrl, dataSource, instanceId, migrate, sharedQuota, storeWrapper, listener,
                UnaryOperator.identity());
    }

    /** A node whose engine reaches Babyshop through {@code channelWrapper} applied to the client's gateway. */
    static EngineNode create(String simulatorUrl, DataSource dataSource, String instanceId, boolean migrate,
                             boolean sharedQuota, UnaryOperator<SyncStateStore> storeWrapper, SyncListener listener,
                             UnaryOperator<ChannelGateway> channelWrapper) {
        return create(simulatorUrl, dataSource, instanceId, migrate, sharedQuota, storeWrapper, listener,
                channelWrapper, UnaryOperator.identity());
    }

    /** A node whose engine options (instance id, retry delay 1 s) are changed by {@code tuning} (e.g. lease ttl). */
    static EngineNode create(String simulatorUrl, DataSource dataSource, String instanceId, boolean migrate,
                             boolean sharedQuota, UnaryOperator<SyncStateStore> storeWrapper, SyncListener listener,
                             UnaryOperator<ChannelGateway> channelWrapper,
                             UnaryOperator<EngineOptions.Builder> tuning) {
        return create(simulatorUrl, dataSource, instanceId, migrate, sharedQuota, storeWrapper, listener,
                channelWrapper, tuning, UnaryOperator.identity());
    }

    /**
     * A node whose client builder is changed by {@code clientTuning} after the defaults above were set (e.g. a
     * tight quota and a recording sleeper).
     */
    static EngineNode create(String simulatorUrl, DataSource dataSource, String instanceId, boolean migrate,
                             boolean sharedQuota, UnaryOperator<SyncStateStore> storeWrapper, SyncListener listener,
                             UnaryOperator<ChannelGateway> channelWrapper,
                             UnaryOperator<EngineOptions.Builder> tuning,
                             UnaryOperator<BabyshopClient.Builder> clientTuning) {
        JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(dataSource).storeId(STORE_ID)
                .tablePrefix(TABLE_PREFIX).migrate(migrate).build();
        BabyshopClient.Builder clientBuilder = BabyshopClient.builder().baseUrl(simulatorUrl).allowInsecureHttp()
                .credentials(Credentials.of(USERNAME, PASSWORD)).zone(ZoneId.of("Asia/Kolkata"))
                .readTimeout(Duration.ofSeconds(20));
        if (sharedQuota) {
            // generous: the test is about durability, not quota; what matters is that every node spends one budget
            clientBuilder.quotaBudget(store.quotaBudget(USERNAME, QuotaLimits.of(100_000, Duration.ofMinutes(5))));
        } else {
            clientBuilder.quota(1_000_000, Duration.ofMinutes(5));
        }
        BabyshopClient client = clientTuning.apply(clientBuilder).build();
        JdbcTestHost host = new JdbcTestHost(dataSource, instanceId);
        SyncEngine engine = SyncEngine.builder().stateStore(storeWrapper.apply(store))
                .channel(channelWrapper.apply(ClientChannelGateway.of(client)))
                .hostOrders(host).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                .scheduler(IntervalSyncScheduler.defaults()).listener(listener)
                // every order of the fixture's 14 days, as before the first-run window and first-seen rule (issue 12)
                .options(tuning.apply(EngineOptions.builder().instanceId(instanceId).retryDelay(Duration.ofSeconds(1))
                        .orderImportFrom(EngineOptions.EPOCH).importOrdersCancelledBeforeFirstSeen(true)).build())
                .closeTimeout(Duration.ofSeconds(5))
                .build();
        return new EngineNode(client, store, host, engine);
    }

    /** Turns every toggle on and sets the mappings, each only if it differs (so a restart logs nothing). */
    void configure() {
        if (!engine.settings().equals(SETTINGS)) {
            engine.updateSettings(ACTOR, settings -> SETTINGS);
        }
        if (!engine.statusMapping().equals(STATUS_MAPPING)) {
            engine.updateStatusMapping(ACTOR, STATUS_MAPPING);
        }
        if (!engine.hubMapping().equals(HUB_MAPPING)) {
            engine.updateHubMapping(ACTOR, HUB_MAPPING);
        }
    }

    /**
     * Runs the catalog flow until a run completes, so that every SKU is linked before the nodes start: with
     * two nodes, a catalog run that overlaps an inventory run loses links (see
     * {@link SkusLinkedWhileInventoryRunsTest}).
     */
    FlowReport syncCatalogFirst() {
        FlowReport report = engine.run(Flow.CATALOG);
        for (int tries = 0; report.outcome() != FlowOutcome.COMPLETED && tries < 50; tries++) {
            report = engine.run(Flow.CATALOG);
        }
        return report;
    }

    SyncEngine engine() {
        return engine;
    }

    JdbcSyncStateStore store() {
        return store;
    }

    JdbcTestHost host() {
        return host;
    }

    BabyshopClient client() {
        return client;
    }

    /**
     * Whether a pass did nothing: no order imported or updated, nothing pushed, every flow completed. The
     * catalog's imports do not count: it upserts the products of its overlap window again on every run.
     */
    static boolean quiet(Collection<FlowReport> pass) {
        return pass.stream().allMatch(r -> (r.flow() == Flow.CATALOG || r.imported() == 0) && r.updated() == 0
                && r.pushed() == 0 && (r.outcome() == FlowOutcome.COMPLETED || r.outcome() == FlowOutcome.DISABLED));
    }

    /** One line of a pass's figures, for progress output. */
    static String describe(List<FlowReport> pass) {
        StringBuilder line = new StringBuilder();
        for (FlowReport r : pass) {
            line.append(r.flow()).append('=').append(r.outcome());
            if (r.imported() + r.updated() + r.pushed() + r.failed() > 0) {
                line.append('(').append("i").append(r.imported()).append(" u").append(r.updated()).append(" p")
                        .append(r.pushed()).append(" f").append(r.failed()).append(')');
            }
            r.error().ifPresent(e -> line.append("[").append(e).append("]"));
            line.append(' ');
        }
        return line.toString().trim();
    }

    /** The quantity Babyshop should show: available stock summed over the mapped hubs, floored at 0. */
    static BigDecimal expectedQuantity(Map<String, BigDecimal> byHub) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> level : byHub.entrySet()) {
            if (MAPPED_HUBS.contains(level.getKey())) {
                sum = sum.add(level.getValue());
            }
        }
        return sum.signum() < 0 ? BigDecimal.ZERO : sum;
    }
}
