package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.OrderExplanation;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.memory.InMemoryHost.HostOrder;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation end to end (issue 12, "reconciliation that repairs"): an order the host lost is created again, an
 * order the orders flow never saw is imported, an order cancelled on Babyshop while live in the host is cancelled,
 * and a reconciliation the quota budget starves stops without waiting and continues later.
 *
 * <p>"Never seen" and "missed cancellation" are made as Babyshop makes them: a change stamped with an update time
 * long before it shows in the listings (the simulator's clock is set back for the change), so the orders flow's
 * cursor has passed it.
 */
class ReconciliationEndToEndTest {
    private SimWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    /** The live host order imported last (the flow imports oldest first): updated within the window. */
    private HostOrder liveHostOrder() {
        List<HostOrder> live = world.host.orders().stream()
                .filter(o -> o.imported().stage().equals("NEW") && !o.cancelled()).toList();
        return live.get(live.size() - 1);
    }

    @Test
    void anOrderDeletedFromTheHostIsCreatedAgain() {
        world = SimWorld.with(Fixture.of(20261206L, 60, 20)).start();
        world.engine.run(Flow.ORDERS);
        HostOrder victim = liveHostOrder();
        assertThat(world.host.removeOrder(victim.orderNo())).isTrue();
        int creates = world.host.createCalls();
        world.advance(Duration.ofMinutes(31));

        FlowReport report = world.engine.run(Flow.RECONCILIATION);

        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.repaired()).isEqualTo(1);
        assertThat(world.host.createCalls()).as("only the lost order is created").isEqualTo(creates + 1);
        HostOrder restored = world.host.order(victim.orderNo()).orElseThrow();
        assertThat(restored.hostOrderId()).isNotEqualTo(victim.hostOrderId());
        assertThat(restored.imported().stage()).isEqualTo(victim.imported().stage());
        assertThat(restored.imported().hub()).isEqualTo(victim.imported().hub());
        OrderExplanation why = world.engine.explain(victim.orderNo());
        assertThat(why.reason()).isEqualTo(OrderReason.IMPORTED);
        assertThat(why.hostOrderId()).hasValue(restored.hostOrderId());
        assertThat(world.listener.subjects("orderRepaired")).containsExactly(victim.orderNo());

        // a second reconciliation finds nothing to repair
        world.advance(Duration.ofDays(1));
        FlowReport again = world.engine.run(Flow.RECONCILIATION);
        assertThat(again.repaired()).isZero();
        assertThat(world.host.createCalls()).isEqualTo(creates + 1);
    }

    @Test
    void anOrderTheCursorSkippedIsImported() {
        world = SimWorld.with(Fixture.of(20261207L, 60, 20)).start();
        world.engine.run(Flow.ORDERS);
        Instant now = world.clock.instant();
        world.clock.set(now.minus(Duration.ofDays(1)));
        SimOrder late = world.sim.store().generateOrder(); // Pending, stamped a day back
        world.clock.set(now);
        world.advance(Duration.ofMinutes(31));
        world.engine.run(Flow.ORDERS);
        assertThat(world.host.order(late.orderNo())).as("the orders flow's cursor passed it").isEmpty();
        assertThat(world.engine.explain(late.orderNo()).reason()).isEqualTo(OrderReason.NOT_SEEN);

        FlowReport report = world.engine.run(Flow.RECONCILIATION);

        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.repaired()).isEqualTo(1);
        assertThat(world.host.order(late.orderNo())).hasValueSatisfying(o -> {
            assertThat(o.imported().stage()).isEqualTo("NEW");
            assertThat(o.imported().hub()).isEqualTo(SimWorld.expectedHub(late));
        });
        assertThat(world.engine.explain(late.orderNo()).reason()).isEqualTo(OrderReason.IMPORTED);
        assertThat(world.listener.events("orderRepaired")).singleElement().asString()
                .startsWith("orderRepaired " + late.orderNo() + ": imported");
    }

    @Test
    void anOrderCancelledOnBabyshopWhileLiveInTheHostIsCancelled() {
        world = SimWorld.with(Fixture.of(20261208L, 60, 20)).start();
        world.engine.run(Flow.ORDERS);
        Instant now = world.clock.instant();
        // updated 2 to 6 days ago: inside the reconciliation window, long before the orders cursor
        HostOrder live = world.host.orders().stream().filter(o -> o.imported().stage().equals("NEW") && !o.cancelled())
                .filter(o -> {
                    Instant updated = world.sim.store().order(o.orderNo()).orElseThrow().lastUpdate();
                    return updated.isBefore(now.minus(Duration.ofDays(2))) && updated.isAfter(now.minus(Duration.ofDays(6)));
                })
                .findFirst().orElseThrow();
        Instant stamped = world.sim.store().order(live.orderNo()).orElseThrow().lastUpdate().plus(Duration.ofMinutes(1));
        world.clock.set(stamped);
        world.sim.store().cancelOnChannel(live.orderNo()); // Cancelled, stamped days back
        world.clock.set(now);
        world.advance(Duration.ofMinutes(31));
        world.engine.run(Flow.ORDERS);
        assertThat(world.host.order(live.orderNo()).orElseThrow().cancelled()).as("missed by the orders flow")
                .isFalse();

        FlowReport report = world.engine.run(Flow.RECONCILIATION);

        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.repaired()).isEqualTo(1);
        assertThat(world.host.order(live.orderNo()).orElseThrow().cancelled()).isTrue();
        OrderExplanation why = world.engine.explain(live.orderNo());
        assertThat(why.reason()).isEqualTo(OrderReason.CANCELLED_ON_CHANNEL);
        assertThat(why.state()).hasValue(OrderState.CANCELLED);
        assertThat(world.listener.events("orderRepaired")).singleElement().asString()
                .startsWith("orderRepaired " + live.orderNo() + ": cancelled in the host");
        assertThat(world.sim.store().order(live.orderNo()).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLED.code());
    }

    @Test
    void aQuotaStarvedReconciliationStopsWithoutWaitingAndContinuesLater() {
        world = SimWorld.with(Fixture.of(20261209L, 30, 10)).quota(10, Duration.ofMinutes(5)).reservePerTier(2)
                .start();
        world.engine.updateSettings(SimWorld.ACTOR, s -> StoreSettings.builder().from(s).catalogSync(false)
                .inventorySync(false).build());
        world.engine.run(Flow.ORDERS);
        HostOrder victim = liveHostOrder();
        world.host.removeOrder(victim.orderNo());

        FlowReport first = world.engine.run(Flow.RECONCILIATION);

        assertThat(first.outcome()).as("the least urgent tier gets no call after the orders run")
                .isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
        assertThat(first.continueAt()).isPresent();
        assertThat(world.listener.events("waitingForQuota")).noneMatch(e -> e.contains("RECONCILIATION"));
        assertThat(world.host.order(victim.orderNo())).isEmpty();

        Instant began = world.clock.instant();
        List<FlowReport> later = new ArrayList<>();
        for (int i = 0; i < 20 && world.host.order(victim.orderNo()).isEmpty(); i++) {
            Instant at = world.engine.continuation(Flow.RECONCILIATION).orElseThrow(() ->
                    new AssertionError("a reconciliation stopped for quota must have a continuation"));
            if (at.isAfter(world.clock.instant())) {
                world.clock.set(at);
            }
            world.engine.runDue(world.clock.instant()).stream().filter(r -> r.flow() == Flow.RECONCILIATION)
                    .forEach(later::add);
        }

        assertThat(later).as("continued by its continuation, not its daily interval").isNotEmpty();
        assertThat(later.get(later.size() - 1).outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(world.clock.instant()).isBefore(began.plus(Duration.ofHours(1)));
        assertThat(world.host.order(victim.orderNo())).isPresent();
        assertThat(world.engine.explain(victim.orderNo()).reason()).isEqualTo(OrderReason.IMPORTED);
        assertThat(world.engine.continuation(Flow.RECONCILIATION)).isEmpty();
    }
}
