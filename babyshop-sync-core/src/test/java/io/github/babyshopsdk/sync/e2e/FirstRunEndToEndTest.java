package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.OrderExplanation;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sane first run (issue 12), with the engine's own defaults: only orders updated in the last
 * {@link EngineOptions#orderImportWindow()} (7 days) are read, and orders already Cancelled when first seen are
 * recorded with {@link OrderReason#CANCELLED_BEFORE_FIRST_SEEN}, not created in the host, unless the host opts in.
 * The fixture's orders span the 14 days before the simulator starts.
 */
class FirstRunEndToEndTest {
    private static final Fixture FIXTURE = Fixture.of(20261205L, 150, 30);
    /** Orders within this of the import start are left out of the checks (the listing reads whole seconds). */
    private static final Duration EDGE = Duration.ofSeconds(2);

    @Test
    void theFirstRunReadsTheLastSevenDaysAndRecordsOrdersFirstSeenCancelledWithoutCreatingThem() {
        try (SimWorld world = SimWorld.with(FIXTURE).firstRunDefaults().start()) {
            Instant start = world.clock.instant().minus(EngineOptions.DEFAULT_ORDER_IMPORT_WINDOW);
            List<SimOrder> recent = world.simOrders().values().stream()
                    .filter(o -> o.lastUpdate().isAfter(start.plus(EDGE))).toList();
            List<SimOrder> older = world.simOrders().values().stream()
                    .filter(o -> o.lastUpdate().isBefore(start.minus(EDGE))).toList();
            List<SimOrder> recentLive = recent.stream().filter(o -> SimWorld.mapped(o.status())
                    && o.status() != OrderStatus.CANCELLED.code()).toList();
            List<SimOrder> recentCancelled = recent.stream()
                    .filter(o -> o.status() == OrderStatus.CANCELLED.code()).toList();
            assertThat(older).as("the fixture has orders older than the window").isNotEmpty();
            assertThat(recentCancelled).as("and orders cancelled in it").isNotEmpty();

            FlowReport report = world.engine.run(Flow.ORDERS);

            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            for (SimOrder order : recentLive) {
                assertThat(world.host.order(order.orderNo())).as("recent live order %s", order.orderNo()).isPresent();
            }
            for (SimOrder order : recentCancelled) {
                assertThat(world.host.order(order.orderNo())).as("first seen cancelled %s", order.orderNo()).isEmpty();
                OrderExplanation why = world.engine.explain(order.orderNo());
                assertThat(why.reason()).isEqualTo(OrderReason.CANCELLED_BEFORE_FIRST_SEEN);
                assertThat(why.state()).hasValue(OrderState.SKIPPED);
                assertThat(why.summary()).contains("cancelled before first seen");
            }
            for (SimOrder order : older) {
                assertThat(world.host.order(order.orderNo())).as("order %s before the window", order.orderNo()).isEmpty();
                assertThat(world.engine.explain(order.orderNo()).reason()).isEqualTo(OrderReason.NOT_SEEN);
            }
            assertThat(report.skipped()).containsEntry(OrderReason.CANCELLED_BEFORE_FIRST_SEEN, recentCancelled.size());
            assertThat(world.host.orders()).allSatisfy(o -> assertThat(o.imported().stage()).isEqualTo("NEW"));

            // a later run does not create them either, and an order cancelled after it was imported is cancelled
            String live = recentLive.get(0).orderNo();
            world.advance(Duration.ofMinutes(31));
            world.sim.store().cancelOnChannel(live);
            world.advance(Duration.ofMinutes(1));
            FlowReport second = world.engine.run(Flow.ORDERS);
            assertThat(second.imported()).isZero();
            assertThat(world.host.order(live)).hasValueSatisfying(o -> assertThat(o.cancelled()).isTrue());
            for (SimOrder order : recentCancelled) {
                assertThat(world.host.order(order.orderNo())).isEmpty();
            }
        }
    }

    @Test
    void aHostThatOptsInGetsOrdersFirstSeenCancelledCreatedInTheirStage() {
        try (SimWorld world = SimWorld.with(FIXTURE).firstRunDefaults()
                .options(EngineOptions.builder().instanceId("engine-A").importOrdersCancelledBeforeFirstSeen(true)
                        .build()).start()) {
            Instant start = world.clock.instant().minus(EngineOptions.DEFAULT_ORDER_IMPORT_WINDOW);
            List<SimOrder> recentCancelled = world.simOrders().values().stream()
                    .filter(o -> o.lastUpdate().isAfter(start.plus(EDGE)))
                    .filter(o -> o.status() == OrderStatus.CANCELLED.code()).toList();
            assertThat(recentCancelled).isNotEmpty();

            world.engine.run(Flow.ORDERS);

            for (SimOrder order : recentCancelled) {
                assertThat(world.host.order(order.orderNo())).hasValueSatisfying(o ->
                        assertThat(o.imported().stage()).isEqualTo("CANCELLED"));
                assertThat(world.engine.explain(order.orderNo()).reason()).isEqualTo(OrderReason.IMPORTED);
            }
        }
    }

    @Test
    void aConfiguredImportStartWinsOverTheWindow() {
        Duration twelveDays = Duration.ofDays(12);
        try (SimWorld world = SimWorld.with(FIXTURE).firstRunDefaults().start()) {
            // the options are read when the engine runs: rebuild it with an import start 12 days back
            Instant from = world.clock.instant().minus(twelveDays);
            var engine = world.newEngine(EngineOptions.builder().instanceId("engine-B").orderImportFrom(from).build(),
                    world.store, world.gateway, world.host, world.listener);
            List<SimOrder> between = world.simOrders().values().stream()
                    .filter(o -> o.lastUpdate().isAfter(from.plus(EDGE)))
                    .filter(o -> o.lastUpdate().isBefore(world.clock.instant()
                            .minus(EngineOptions.DEFAULT_ORDER_IMPORT_WINDOW).minus(EDGE)))
                    .filter(o -> SimWorld.mapped(o.status()) && o.status() != OrderStatus.CANCELLED.code())
                    .toList();
            assertThat(between).isNotEmpty();

            engine.run(Flow.ORDERS);
            engine.close();

            for (SimOrder order : between) {
                assertThat(world.host.order(order.orderNo())).as("order %s after the import start", order.orderNo())
                        .isPresent();
            }
        }
    }

    @Test
    void aLongerReconciliationWindowNeverImportsWhatTheFirstRunLeftOut() {
        try (SimWorld world = SimWorld.with(FIXTURE).firstRunDefaults()
                .options(EngineOptions.builder().instanceId("engine-A").reconciliationWindow(Duration.ofDays(20))
                        .build()).start()) {
            Instant start = world.clock.instant().minus(EngineOptions.DEFAULT_ORDER_IMPORT_WINDOW);
            List<SimOrder> older = world.simOrders().values().stream()
                    .filter(o -> o.lastUpdate().isBefore(start.minus(EDGE)))
                    .filter(o -> SimWorld.mapped(o.status()) && o.status() != OrderStatus.CANCELLED.code()).toList();
            assertThat(older).isNotEmpty();
            world.engine.run(Flow.ORDERS);
            int created = world.host.createCalls();
            world.advance(Duration.ofMinutes(31));

            FlowReport report = world.engine.run(Flow.RECONCILIATION);

            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(report.imported()).isZero();
            assertThat(world.host.createCalls()).isEqualTo(created);
            for (SimOrder order : older) {
                assertThat(world.host.order(order.orderNo())).isEmpty();
                assertThat(world.engine.explain(order.orderNo()).reason()).isEqualTo(OrderReason.BEFORE_IMPORT_FROM);
            }
        }
    }
}
