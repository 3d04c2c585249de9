package io.github.babyshopsdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.RequestOutcome;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.SimulatedClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One engine run against the testkit with the meters bound: the client's request meters match the simulator's
 * request log (per operation and outcome, an injected 502 included), and the engine's meters match the run's
 * flow reports (runs, records, skipped orders, quota waits, the orders lag).
 */
class MetricsEndToEndTest {
    private static final String ACTOR = "metrics-e2e";
    private static final String HUB = "HUB-DXB";
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<FlowReport> heard = new CopyOnWriteArrayList<>();
    private final List<Flow> quotaWaits = new CopyOnWriteArrayList<>();
    private final List<Instant> cursors = new CopyOnWriteArrayList<>();
    private SellerPanelSimulator sim;
    private SimulatedClock clock;
    private BabyshopClient client;
    private InMemoryHost host;
    private SyncEngine engine;
    private BabyshopMeters meters;

    @BeforeEach
    void start() {
        // a tight quota (6 calls per 5 minutes) so that runs wait for it and stop for it
        sim = SellerPanelSimulator.builder().seed(7).fixture(Fixture.of(20260302L, 150, 40))
                .quota(6, Duration.ofMinutes(5)).build().start();
        clock = sim.simulatedClock();
        client = BabyshopClient.builder().baseUrl(sim.baseUrl()).allowInsecureHttp()
                .credentials(Credentials.of(SellerPanelSimulator.DEFAULT_USERNAME, SellerPanelSimulator.DEFAULT_PASSWORD))
                .clock(sim.clock()).sleeper(clock::advance).zone(sim.zone())
                .retryPolicy(RetryPolicy.builder().random(() -> 0.5).build())
                .quota(6, Duration.ofMinutes(5)).build();
        host = InMemoryHost.create();
        meters = BabyshopMeters.builder(registry).client(client).clock(sim.clock()).build();
        SyncListener recorder = new SyncListener() {
            @Override
            public void flowFinished(FlowReport report) {
                heard.add(report);
            }

            @Override
            public void waitingForQuota(Flow flow, Instant until) {
                quotaWaits.add(flow);
            }

            @Override
            public void ordersCursor(Instant cursor) {
                cursors.add(cursor);
            }
        };
        engine = SyncEngine.builder().stateStore(InMemorySyncStateStore.create())
                .channel(ClientChannelGateway.of(client))
                .hostOrders(host).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                .scheduler(IntervalSyncScheduler.defaults()).listener(meters.listener(recorder)).clock(sim.clock())
                .options(EngineOptions.builder().instanceId("metrics-e2e").build())
                .closeTimeout(Duration.ofSeconds(5)).build();
        engine.updateSettings(ACTOR, s -> StoreSettings.builder().from(s).orderSync(true).catalogSync(true)
                .inventorySync(true).autoCancelOnChannel(true).build());
        engine.updateStatusMapping(ACTOR, StatusMapping.builder()
                .putInbound(OrderStatus.PENDING, "NEW").putInbound(OrderStatus.CONFIRMED, "NEW")
                .putInbound(OrderStatus.CANCELLED, "CANCELLED")
                .putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
                .putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED).build());
        engine.updateHubMapping(ACTOR, HubMapping.builder().defaultHub(HUB).build());
    }

    @AfterEach
    void stop() {
        try {
            engine.close();
        } finally {
            meters.close();
            client.close();
            sim.close();
        }
    }

    @Test
    void theMetersMatchTheFlowReportsAndTheSimulatorsRequestLog() {
        sim.faults().failNext(io.github.babyshopsdk.testkit.Operation.ORDER_LIST, 2, FaultKind.HTTP_502);
        List<FlowReport> returned = new ArrayList<>();
        for (int pass = 0; pass < 12; pass++) {
            returned.addAll(engine.runAll());
            if (pass == 0) {
                for (SimProduct product : sim.store().products()) {
                    if (product.hasValidVendorSkuCode()) {
                        host.setStock(product.vendorSkuCode(), HUB, BigDecimal.valueOf(product.sku().length()));
                    }
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }

        // the engine's side: every report the engine returned reached the meters (no lease is held elsewhere here)
        assertThat(heard).containsExactlyInAnyOrderElementsOf(returned);
        assertThat(host.orders()).isNotEmpty();
        for (Flow flow : Flow.values()) {
            for (FlowOutcome outcome : FlowOutcome.values()) {
                long runs = heard.stream().filter(r -> r.flow() == flow && r.outcome() == outcome).count();
                long metered = registry.find("babyshop.sync.runs").tags("flow", tag(flow), "outcome", tag(outcome))
                        .timers().stream().mapToLong(t -> t.count()).sum();
                assertThat(metered).as("runs of %s %s", flow, outcome).isEqualTo(runs);
            }
            assertRecords(flow, "fetched", heard.stream().filter(r -> r.flow() == flow).mapToInt(FlowReport::fetched).sum());
            assertRecords(flow, "imported", heard.stream().filter(r -> r.flow() == flow).mapToInt(FlowReport::imported).sum());
            assertRecords(flow, "updated", heard.stream().filter(r -> r.flow() == flow).mapToInt(FlowReport::updated).sum());
            assertRecords(flow, "pushed", heard.stream().filter(r -> r.flow() == flow).mapToInt(FlowReport::pushed).sum());
            assertRecords(flow, "failed", heard.stream().filter(r -> r.flow() == flow).mapToInt(FlowReport::failed).sum());
            long waits = quotaWaits.stream().filter(f -> f == flow).count();
            assertThat(registry.find("babyshop.sync.quota.waits").tag("flow", tag(flow)).counters().stream()
                    .mapToDouble(c -> c.count()).sum()).as("quota waits of %s", flow).isEqualTo(waits);
        }
        for (OrderReason reason : OrderReason.values()) {
            int skipped = heard.stream().mapToInt(r -> r.skipped().getOrDefault(reason, 0)).sum();
            assertThat(registry.find("babyshop.sync.orders.skipped").tag("reason", tag(reason)).counters().stream()
                    .mapToDouble(c -> c.count()).sum()).as("skipped for %s", reason).isEqualTo(skipped);
        }
        assertThat(heard.stream().filter(r -> r.flow() == Flow.ORDERS).mapToInt(FlowReport::imported).sum())
                .isEqualTo(host.orders().size());
        assertThat(heard).as("the tight quota made runs stop for it")
                .anyMatch(r -> r.outcome() == FlowOutcome.WAITING_ON_QUOTA);
        assertThat(quotaWaits).as("and the orders flow wait for it").contains(Flow.ORDERS);

        // the orders lag: now minus the later of the last cursor told and the start of the last completed orders run
        Instant completedFrom = heard.stream().filter(r -> r.flow() == Flow.ORDERS && r.outcome() == FlowOutcome.COMPLETED)
                .map(FlowReport::startedAt).max(Instant::compareTo).orElseThrow();
        Instant cursor = cursors.get(cursors.size() - 1);
        Instant progress = cursor.isAfter(completedFrom) ? cursor : completedFrom;
        assertThat(registry.get("babyshop.sync.orders.lag").timeGauge().value(TimeUnit.SECONDS))
                .isEqualTo(Duration.between(progress, clock.instant()).toMillis() / 1000.0);

        // the client's side: per operation and outcome, exactly what the simulator received and answered
        List<RecordedRequest> log = sim.requests().all();
        for (Operation operation : Operation.values()) {
            Map<RequestOutcome, Long> expected = new EnumMap<>(RequestOutcome.class);
            for (RequestOutcome outcome : RequestOutcome.values()) {
                expected.put(outcome, 0L);
            }
            log.stream().filter(r -> r.operation() != null && r.operation().path().equals(operation.path()))
                    .forEach(r -> expected.merge(outcomeOf(r), 1L, Long::sum));
            Map<RequestOutcome, Long> metered = new EnumMap<>(RequestOutcome.class);
            for (RequestOutcome outcome : RequestOutcome.values()) {
                metered.put(outcome, (long) registry.get("babyshop.client.requests")
                        .tags("operation", operation.path(), "outcome", tag(outcome)).functionCounter().count());
            }
            assertThat(metered).as("requests of %s", operation).isEqualTo(expected);
        }
        assertThat(registry.get("babyshop.client.requests").tags("operation", "orderList", "outcome", "transient_error")
                .functionCounter().count()).as("the two injected 502s").isEqualTo(2);
        assertThat(registry.get("babyshop.client.retries").functionCounter().count())
                .isEqualTo(client.metrics().retries()).isPositive();
        assertThat(registry.get("babyshop.client.quota.waits").functionCounter().count())
                .isEqualTo(client.metrics().quotaWaits());
        assertThat(registry.get("babyshop.quota.remaining").gauge().value()).isEqualTo(client.quota().remaining());
        assertThat(registry.find("babyshop.client.requests").functionCounters().stream().mapToDouble(c -> c.count()).sum())
                .isEqualTo(log.size());

        System.out.printf(Locale.ROOT, "metrics e2e: %d requests (%d orderList 502s), %d runs (%d waiting on quota), "
                        + "%d quota waits, %d orders imported, lag %.0f s%n", log.size(), 2, heard.size(),
                heard.stream().filter(r -> r.outcome() == FlowOutcome.WAITING_ON_QUOTA).count(), quotaWaits.size(),
                host.orders().size(), registry.get("babyshop.sync.orders.lag").timeGauge().value(TimeUnit.SECONDS));
    }

    private void assertRecords(Flow flow, String kind, int expected) {
        assertThat(registry.get("babyshop.sync.records").tags("flow", tag(flow), "kind", kind).counter().count())
                .as("%s records of %s", kind, flow).isEqualTo(expected);
    }

    /** The outcome the client gives an answer the simulator sent (as the simulator's log records it). */
    private static RequestOutcome outcomeOf(RecordedRequest request) {
        int http = request.httpStatus();
        if (http == 429) {
            return RequestOutcome.QUOTA_EXCEEDED;
        }
        if (http == 401 || http == 403) {
            return RequestOutcome.AUTH_ERROR;
        }
        if (http != 200) {
            return RequestOutcome.TRANSIENT_ERROR;
        }
        Integer code = request.responseCode();
        if (code == null || code == 0) {
            return RequestOutcome.SUCCESS;
        }
        return switch (code) {
            case 13 -> RequestOutcome.QUOTA_EXCEEDED;
            case 11, 14, 15, 2000, 2001, 2002 -> RequestOutcome.AUTH_ERROR;
            case 9, 309 -> RequestOutcome.TRANSIENT_ERROR;
            default -> RequestOutcome.API_ERROR;
        };
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
