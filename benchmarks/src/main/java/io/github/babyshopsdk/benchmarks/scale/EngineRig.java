package io.github.babyshopsdk.benchmarks.scale;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The engine of the cost and scale benchmarks: a client on a simulator's URL (loopback) with a large local quota
 * budget (these benchmarks measure CPU, statements and heap, not quota), {@code ClientChannelGateway.of(client)}, and a
 * {@link SyncEngine} over a given state store and a {@link LeanHost}, every flow on, Pending and Confirmed orders
 * imported as NEW and Cancelled as CANCELLED, every SKU's stock in one hub. It can live in a JVM of its own (the
 * scale program), so it takes the simulator's URL rather than the simulator. Not thread-safe; close it once.
 */
final class EngineRig implements AutoCloseable {

    /** The hub the host reports stock in, and the hub mapping's default. */
    static final String HUB = "HUB-DXB";
    /** The calls the client's budget allows per window: enough that no flow waits or stops for quota. */
    static final int LARGE_QUOTA = 1_000_000;

    private final BabyshopClient client;
    private final SyncEngine engine;
    private final LeanHost host;

    /**
     * Wires an engine.
     *
     * @param baseUrl the simulator's base URL (loopback, plain HTTP)
     * @param username the simulator's user
     * @param password its password
     * @param zone the simulator's zone
     * @param clock the clock of the client and the engine (the simulator's, or the system's in another JVM)
     * @param sleeper what the client's waits do
     * @param store the engine's state store (not closed by the rig)
     */
    EngineRig(String baseUrl, String username, String password, ZoneId zone, Clock clock, Sleeper sleeper,
              SyncStateStore store) {
        this.host = new LeanHost(HUB);
        this.client = BabyshopClient.builder().baseUrl(baseUrl).allowInsecureHttp()
                .credentials(Credentials.of(username, password)).clock(clock).sleeper(sleeper).zone(zone)
                .quotaBudget(RollingWindowQuotaBudget.of(LARGE_QUOTA, Duration.ofMinutes(5))).build();
        this.engine = SyncEngine.builder().stateStore(store).channel(ClientChannelGateway.of(client))
                .hostOrders(host).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                .scheduler(IntervalSyncScheduler.defaults()).listener(SyncListener.none()).clock(clock)
                .options(EngineOptions.builder().instanceId("bench").build())
                .closeTimeout(Duration.ofSeconds(5)).build();
        engine.updateSettings("benchmarks", s -> StoreSettings.builder().from(s).orderSync(true).catalogSync(true)
                .inventorySync(true).build());
        engine.updateStatusMapping("benchmarks", StatusMapping.builder()
                .putInbound(OrderStatus.PENDING, "NEW").putInbound(OrderStatus.CONFIRMED, "NEW")
                .putInbound(OrderStatus.CANCELLED, "CANCELLED").build());
        engine.updateHubMapping("benchmarks", HubMapping.builder().defaultHub(HUB).build());
    }

    /** The engine. */
    SyncEngine engine() {
        return engine;
    }

    /** The host. */
    LeanHost host() {
        return host;
    }

    /**
     * Runs every flow (most urgent first) until a round in which no flow imported, updated or pushed anything.
     *
     * @param maxRounds the most rounds
     * @return the reports of every round
     */
    List<FlowReport> runUntilIdle(int maxRounds) {
        java.util.ArrayList<FlowReport> all = new java.util.ArrayList<>();
        for (int round = 0; round < maxRounds; round++) {
            List<FlowReport> reports = engine.runAll();
            all.addAll(reports);
            if (reports.stream().allMatch(r -> r.imported() + r.updated() + r.pushed() == 0)) {
                break;
            }
        }
        return all;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            client.close();
        }
    }
}
