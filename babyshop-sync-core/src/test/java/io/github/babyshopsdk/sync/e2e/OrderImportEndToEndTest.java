package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.OrderExplanation;
import io.github.babyshopsdk.sync.memory.InMemoryHost.HostOrder;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders flow end to end: a seeded simulator with orders in every status the fixture makes (Pending,
 * Confirmed, Cancelled, Ready for Ship, Shipped, Delivered) is imported by the engine through the real
 * client; the host's orders, the engine's explanations and what the simulator received are checked.
 */
class OrderImportEndToEndTest {
    private SimWorld world;

    @BeforeEach
    void start() {
        world = SimWorld.with(Fixture.of(20260302L, 120, 30)).start();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void everyOrderInAMappedStatusIsImportedOnceWithItsStageAndHubAndTheOthersAreExplained() {
        Map<String, SimOrder> before = world.simOrders();
        Set<Integer> statuses = before.values().stream().map(SimOrder::status).collect(Collectors.toSet());
        assertThat(statuses).as("the seeded store has orders in every fixture status")
                .contains(1, 5, 8, 10, 15, 25);
        assertThat(before.values()).as("both countries, so both hubs are exercised")
                .anySatisfy(o -> assertThat(o.address().countryCode()).isEqualTo("SAU"))
                .anySatisfy(o -> assertThat(o.address().countryCode()).isEqualTo("ARE"));
        List<SimOrder> mapped = before.values().stream().filter(o -> SimWorld.mapped(o.status())).toList();
        List<SimOrder> unmapped = before.values().stream().filter(o -> !SimWorld.mapped(o.status())).toList();

        FlowReport report = world.engine.run(Flow.ORDERS);

        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.imported()).isEqualTo(mapped.size());
        assertThat(report.skipped()).containsEntry(OrderReason.STATUS_UNMAPPED, unmapped.size());
        assertThat(world.host.orders()).hasSize(mapped.size());
        assertThat(world.host.createCalls()).isEqualTo(mapped.size());
        for (SimOrder order : mapped) {
            HostOrder hostOrder = world.host.order(order.orderNo()).orElseThrow(() ->
                    new AssertionError("mapped order " + order.orderNo() + " (status " + order.status() + ") not imported"));
            assertThat(hostOrder.imported().stage()).as("stage of %s", order.orderNo())
                    .isEqualTo(SimWorld.expectedStage(order.status()));
            assertThat(hostOrder.imported().hub()).as("hub of %s (%s)", order.orderNo(), order.address().countryCode())
                    .isEqualTo(SimWorld.expectedHub(order));
            assertThat(hostOrder.imported().order().lines()).hasSameSizeAs(order.lines());
            assertThat(hostOrder.cancelled()).isFalse();
            OrderExplanation why = world.engine.explain(order.orderNo());
            assertThat(why.reason()).isEqualTo(OrderReason.IMPORTED);
            assertThat(why.state()).hasValue(OrderState.IMPORTED);
            assertThat(why.hostOrderId()).hasValue(hostOrder.hostOrderId());
            assertThat(why.details()).contains("hub " + SimWorld.expectedHub(order));
        }
        for (SimOrder order : unmapped) {
            assertThat(world.host.order(order.orderNo())).as("unmapped %s (status %d)", order.orderNo(), order.status())
                    .isEmpty();
            OrderExplanation why = world.engine.explain(order.orderNo());
            assertThat(why.reason()).isEqualTo(OrderReason.STATUS_UNMAPPED);
            assertThat(why.reason().label()).isEqualTo("status unmapped");
            assertThat(why.state()).hasValue(OrderState.SKIPPED);
            assertThat(why.hostOrderId()).isEmpty();
            assertThat(why.summary()).contains("status unmapped")
                    .contains(OrderStatus.of(order.status()).orElseThrow().label() + " (" + order.status() + ") is not mapped");
        }
        assertThat(world.listener.subjects("orderImported"))
                .containsExactlyInAnyOrderElementsOf(mapped.stream().map(SimOrder::orderNo).toList());
        assertThat(world.engine.explain("NO-SUCH-ORDER").reason()).isEqualTo(OrderReason.NOT_SEEN);

        // what the simulator received: reads only, and its record of truth is untouched
        assertThat(world.sim.requests().all()).extracting(r -> r.operation())
                .containsOnly(Operation.AUTH_TOKEN, Operation.ORDER_LIST, Operation.ORDER_FETCH);
        assertThat(world.sim.requests().count(Operation.AUTH_TOKEN)).isEqualTo(1);
        assertThat(world.sim.requests().all()).allSatisfy(r -> assertThat(r.responseCode()).isZero());
        assertThat(world.simOrders()).isEqualTo(before);
        assertThat(world.sim.store().invoices()).noneMatch(i -> i.viaApi());
        assertThat(world.sim.store().cancellations()).isEmpty();
        assertThat(world.sim.store().shipments()).isEmpty();
    }

    @Test
    void laterRunsImportOnlyNewOrdersAndNeverAnOrderTwice() {
        world.engine.run(Flow.ORDERS);
        int created = world.host.createCalls();

        world.advance(java.time.Duration.ofMinutes(31));
        FlowReport again = world.engine.run(Flow.ORDERS);
        assertThat(again.imported()).isZero();
        assertThat(world.host.createCalls()).isEqualTo(created);

        world.advance(java.time.Duration.ofSeconds(5));
        SimOrder fresh = world.sim.store().generateOrder();
        world.advance(java.time.Duration.ofSeconds(5));
        SimOrder confirmed = world.sim.store().setOrderStatus(world.sim.store().generateOrder().orderNo(),
                OrderStatus.CONFIRMED.code());
        world.advance(java.time.Duration.ofMinutes(31));
        int fetchesBefore = world.sim.requests().count(Operation.ORDER_FETCH);
        FlowReport third = world.engine.runDue(world.clock.instant()).stream()
                .filter(r -> r.flow() == Flow.ORDERS).findFirst().orElseThrow();

        assertThat(third.imported()).isEqualTo(2);
        assertThat(world.host.createCalls()).isEqualTo(created + 2);
        assertThat(world.host.order(fresh.orderNo())).hasValueSatisfying(o ->
                assertThat(o.imported().stage()).isEqualTo("NEW"));
        assertThat(world.host.order(confirmed.orderNo())).isPresent();
        // the incremental run asked only for what changed (within the overlap window), not the whole store
        String lastFetch = world.sim.requests().last(Operation.ORDER_FETCH).orElseThrow().requestBody();
        assertThat(world.sim.requests().count(Operation.ORDER_FETCH)).isEqualTo(fetchesBefore + 1);
        assertThat(lastFetch).contains(fresh.orderNo()).contains(confirmed.orderNo());
    }
}
