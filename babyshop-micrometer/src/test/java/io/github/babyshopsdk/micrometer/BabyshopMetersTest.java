package io.github.babyshopsdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.RequestOutcome;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.testkit.SimulatedClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link BabyshopMeters} on a {@link SimpleMeterRegistry}, fed by hand-made listener events. */
class BabyshopMetersTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SimulatedClock clock = new SimulatedClock(T0);
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private static FlowReport report(Flow flow, FlowOutcome outcome, Instant start, Duration took) {
        return FlowReport.builder().flow(flow).outcome(outcome).startedAt(start).finishedAt(start.plus(took)).build();
    }

    private double records(Flow flow, String kind) {
        return registry.get("babyshop.sync.records").tag("flow", flow.name().toLowerCase()).tag("kind", kind).counter()
                .count();
    }

    @Test
    void flowReportsBecomeRunTimersAndRecordCountersByFlow() {
        SyncListener listener = BabyshopMeters.builder(registry).clock(clock).build().listener();

        listener.flowFinished(FlowReport.builder().from(report(Flow.ORDERS, FlowOutcome.COMPLETED, T0,
                        Duration.ofSeconds(3))).fetched(12).imported(7).updated(1).failed(2)
                .putSkipped(OrderReason.STATUS_UNMAPPED, 3).putSkipped(OrderReason.NO_HUB, 1).build());
        listener.flowFinished(FlowReport.builder().from(report(Flow.ORDERS, FlowOutcome.COMPLETED, T0.plusSeconds(60),
                Duration.ofSeconds(1))).fetched(2).imported(2).putSkipped(OrderReason.STATUS_UNMAPPED, 2).build());
        listener.flowFinished(FlowReport.builder().from(report(Flow.INVENTORY, FlowOutcome.WAITING_ON_QUOTA, T0,
                Duration.ofMillis(500))).fetched(300).pushed(200).failed(1).build());

        Timer orders = registry.get("babyshop.sync.runs").tags("flow", "orders", "outcome", "completed").timer();
        assertThat(orders.count()).isEqualTo(2);
        assertThat(orders.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4000);
        assertThat(registry.get("babyshop.sync.runs").tags("flow", "inventory", "outcome", "waiting_on_quota").timer()
                .count()).isEqualTo(1);
        assertThat(records(Flow.ORDERS, "fetched")).isEqualTo(14);
        assertThat(records(Flow.ORDERS, "imported")).isEqualTo(9);
        assertThat(records(Flow.ORDERS, "updated")).isEqualTo(1);
        assertThat(records(Flow.ORDERS, "failed")).isEqualTo(2);
        assertThat(records(Flow.INVENTORY, "pushed")).isEqualTo(200);
        assertThat(records(Flow.INVENTORY, "failed")).isEqualTo(1);
        assertThat(records(Flow.CATALOG, "imported")).as("present from the start, zero").isZero();
        assertThat(registry.get("babyshop.sync.orders.skipped").tag("reason", "status_unmapped").counter().count())
                .isEqualTo(5);
        assertThat(registry.get("babyshop.sync.orders.skipped").tag("reason", "no_hub").counter().count()).isEqualTo(1);
    }

    @Test
    void quotaWaitsAndWarningsAreCounted() {
        SyncListener listener = BabyshopMeters.builder(registry).clock(clock).build().listener();

        listener.waitingForQuota(Flow.ORDERS, T0);
        listener.waitingForQuota(Flow.ORDERS, T0);
        listener.waitingForQuota(Flow.CANCELLATIONS, T0);
        listener.warning("Cancelled is not mapped outbound");

        assertThat(registry.get("babyshop.sync.quota.waits").tag("flow", "orders").counter().count()).isEqualTo(2);
        assertThat(registry.get("babyshop.sync.quota.waits").tag("flow", "cancellations").counter().count()).isEqualTo(1);
        assertThat(registry.get("babyshop.sync.warnings").counter().count()).isEqualTo(1);
    }

    @Test
    void theOrdersLagIsNowMinusTheLaterOfTheCursorAndTheLastCompletedRunsStart() {
        SyncListener listener = BabyshopMeters.builder(registry).clock(clock).build().listener();
        assertThat(lag()).as("unknown before any orders run").isNaN();

        // a run that stopped for quota deep in a backlog: the cursor is all we know
        clock.set(T0.plus(Duration.ofHours(2)));
        listener.ordersCursor(T0.minus(Duration.ofHours(5)));
        listener.flowFinished(report(Flow.ORDERS, FlowOutcome.WAITING_ON_QUOTA, clock.instant(), Duration.ZERO));
        assertThat(lag()).isEqualTo(Duration.ofHours(7).toSeconds());

        // a completed run has read everything listed when it started, even if no order moved the cursor since
        Instant started = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        listener.ordersCursor(T0.minus(Duration.ofHours(1)));
        listener.flowFinished(report(Flow.ORDERS, FlowOutcome.COMPLETED, started, Duration.ofSeconds(30)));
        assertThat(lag()).isEqualTo(30);
        clock.advance(Duration.ofMinutes(10));
        assertThat(lag()).isEqualTo(630);
        assertThat(registry.get("babyshop.sync.since.completed").tag("flow", "orders").timeGauge()
                .value(TimeUnit.SECONDS)).isEqualTo(600);
        assertThat(registry.get("babyshop.sync.since.completed").tag("flow", "catalog").timeGauge()
                .value(TimeUnit.SECONDS)).isNaN();
    }

    private double lag() {
        return registry.get("babyshop.sync.orders.lag").timeGauge().value(TimeUnit.SECONDS);
    }

    @Test
    void deadLettersAreReadAfterEachRunAndKeepTheirLastFiguresWhenTheSupplierFails() {
        AtomicReference<Map<Flow, Long>> counts = new AtomicReference<>();
        SyncListener listener = BabyshopMeters.builder(registry).clock(clock).deadLetters(() -> {
            Map<Flow, Long> now = counts.get();
            if (now == null) {
                throw new IllegalStateException("store down");
            }
            return now;
        }).build().listener();
        assertThat(deadLetters(Flow.ORDERS)).as("unknown before the first run").isNaN();

        counts.set(Map.of(Flow.SHIPMENTS, 3L, Flow.INVENTORY, 1L));
        listener.flowFinished(report(Flow.SHIPMENTS, FlowOutcome.COMPLETED, T0, Duration.ZERO));
        assertThat(deadLetters(Flow.SHIPMENTS)).isEqualTo(3);
        assertThat(deadLetters(Flow.INVENTORY)).isEqualTo(1);
        assertThat(deadLetters(Flow.ORDERS)).as("a flow left out counts 0").isZero();

        counts.set(null);
        listener.flowFinished(report(Flow.SHIPMENTS, FlowOutcome.COMPLETED, T0, Duration.ZERO));
        assertThat(deadLetters(Flow.SHIPMENTS)).as("kept when the supplier fails").isEqualTo(3);

        counts.set(new EnumMap<>(Map.of(Flow.SHIPMENTS, 0L)));
        listener.flowFinished(report(Flow.ORDERS, FlowOutcome.COMPLETED, T0, Duration.ZERO));
        assertThat(deadLetters(Flow.SHIPMENTS)).isZero();
        assertThat(deadLetters(Flow.INVENTORY)).isZero();
    }

    private double deadLetters(Flow flow) {
        return registry.get("babyshop.sync.dead.letters").tag("flow", flow.name().toLowerCase()).gauge().value();
    }

    @Test
    void withoutDeadLettersThereAreNoDeadLetterGaugesAndWithoutAClientTheQuotaComesFromTheReports() {
        SyncListener listener = BabyshopMeters.builder(registry).clock(clock).build().listener();
        assertThat(registry.find("babyshop.sync.dead.letters").meters()).isEmpty();
        assertThat(registry.find("babyshop.client.requests").meters()).isEmpty();
        assertThat(registry.get("babyshop.quota.remaining").gauge().value()).isNaN();

        listener.flowFinished(FlowReport.builder().from(report(Flow.CATALOG, FlowOutcome.COMPLETED, T0, Duration.ZERO))
                .quotaRemaining(17).build());

        assertThat(registry.get("babyshop.quota.remaining").gauge().value()).isEqualTo(17);
    }

    @Test
    void aClientsRequestsAndQuotaAreBoundAsFunctionCountersAndGauges() {
        BabyshopClient client = BabyshopClient.builder().baseUrl("http://127.0.0.1:9/").allowInsecureHttp()
                .credentials(Credentials.of("seller", "secret-password")).clock(clock).quota(40, Duration.ofMinutes(5))
                .build();
        closing.add(client);
        BabyshopMeters meters = BabyshopMeters.bind(registry, client);

        assertThat(registry.find("babyshop.client.requests").functionCounters())
                .hasSize(Operation.values().length * RequestOutcome.values().length)
                .allSatisfy(c -> assertThat(c.count()).isZero());
        assertThat(registry.get("babyshop.client.requests").tags("operation", "orderList", "outcome", "success")
                .functionCounter()).isNotNull();
        assertThat(registry.get("babyshop.quota.remaining").gauge().value()).isEqualTo(40);
        assertThat(registry.get("babyshop.quota.limit").gauge().value()).isEqualTo(40);
        for (String name : List.of("babyshop.client.retries", "babyshop.client.reauthentications",
                "babyshop.client.quota.rejections", "babyshop.client.quota.waits")) {
            assertThat(registry.get(name).functionCounter().count()).as(name).isZero();
        }
        assertThat(meters.meters()).hasSizeGreaterThan(75);
    }

    @Test
    void commonTagsGoOnEveryMeterAndNoTagEverHoldsAnOrderNumberASkuOrAMessage() {
        BabyshopMeters meters = BabyshopMeters.builder(registry).clock(clock).tags(Tags.of("store", "store-1"))
                .deadLetters(Map::of).build();
        SyncListener listener = meters.listener();
        listener.orderImported("ORD-SECRET-1", "HOST-1", "HUB-DXB");
        listener.orderSkipped("ORD-SECRET-2", OrderReason.NO_HUB, "no hub for ORD-SECRET-2");
        listener.inventoryPushed("SKU-SECRET-3", BigDecimal.TEN);
        listener.inventoryRejected("SKU-SECRET-4", "refused");
        listener.warning("order ORD-SECRET-5 needs a look");
        listener.flowFinished(FlowReport.builder().from(report(Flow.ORDERS, FlowOutcome.FAILED, T0, Duration.ZERO))
                .error("orderList failed for ORD-SECRET-6").build());

        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).as("%s", meter.getId()).contains(Tag.of("store", "store-1"));
            assertThat(meter.getId().getTags()).extracting(Tag::getValue)
                    .noneMatch(v -> v.contains("SECRET") || v.contains(" "));
        }
    }

    @Test
    void closeRemovesEveryMeterItRegistered() {
        BabyshopClient client = BabyshopClient.builder().baseUrl("http://127.0.0.1:9/").allowInsecureHttp()
                .credentials(Credentials.of("seller", "secret-password")).build();
        closing.add(client);
        BabyshopMeters meters = BabyshopMeters.builder(registry).client(client).deadLetters(Map::of).build();
        meters.listener().flowFinished(report(Flow.ORDERS, FlowOutcome.COMPLETED, T0, Duration.ZERO));
        meters.listener().waitingForQuota(Flow.ORDERS, T0);
        assertThat(registry.getMeters()).isNotEmpty();

        meters.close();

        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void theHostsListenerHearsEveryEventToo() {
        List<String> heard = new ArrayList<>();
        BabyshopMeters meters = BabyshopMeters.builder(registry).clock(clock).build();
        SyncListener both = meters.listener(new SyncListener() {
            @Override
            public void flowFinished(FlowReport report) {
                heard.add("finished " + report.flow());
            }

            @Override
            public void ordersCursor(Instant cursor) {
                heard.add("cursor " + cursor);
            }
        });

        both.ordersCursor(T0);
        both.flowFinished(report(Flow.ORDERS, FlowOutcome.COMPLETED, T0, Duration.ofSeconds(2)));

        assertThat(heard).containsExactly("cursor " + T0, "finished ORDERS");
        assertThat(registry.get("babyshop.sync.runs").tag("flow", "orders").timer().count()).isEqualTo(1);
        assertThat(lag()).isCloseTo(0, within(0.001));
    }
}
