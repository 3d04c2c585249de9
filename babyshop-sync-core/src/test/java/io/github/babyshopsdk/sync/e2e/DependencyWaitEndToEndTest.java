package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9, item 1: a SHIPPED push must not be lost when the invoice write of its order has an unknown
 * outcome. The SHIP entry waits for the shipment without spending attempts, so many runs at one instant
 * (bridge {@code --once}, a runAll loop) cannot dead-letter it while the invoice's read-back waits for the
 * retry delay; orderShipping is then sent exactly once.
 */
class DependencyWaitEndToEndTest {

    @ParameterizedTest
    @EnumSource(value = FaultKind.class, names = {"DROPPED_AFTER_PROCESSING", "HTTP_500", "HTTP_503", "DROPPED_CONNECTION"})
    void aShipWaitingForAnInvoiceWithAnUnknownOutcomeIsNeverDeadLetteredAndShipsOnce(FaultKind fault) {
        try (SimWorld world = SimWorld.with(Fixture.of(99, 40, 10)).start()) {
            world.engine.run(Flow.ORDERS);
            SimOrder order = world.simOrders().values().stream()
                    .filter(o -> o.status() == OrderStatus.PENDING.code() || o.status() == OrderStatus.CONFIRMED.code())
                    .filter(o -> world.host.order(o.orderNo()).isPresent())
                    .findFirst().orElseThrow();
            world.advance(Duration.ofSeconds(30));
            world.sim.faults().failNext(Operation.GENERATE_INVOICE, 1, fault);
            world.host.addEvent(HostEvent.builder().eventId("packed-1").orderNo(order.orderNo())
                    .type(HostEventType.PACKED).transporter("Aramex").awbNo("AWB-DEP-1")
                    .occurredAt(world.clock.instant()).build());
            world.host.addEvent(HostEvent.builder().eventId("shipped-1").orderNo(order.orderNo())
                    .type(HostEventType.SHIPPED).occurredAt(world.clock.instant()).build());

            // many runs at one instant: the invoice's outcome is unknown until its read-back after retryDelay
            for (int run = 0; run < 20; run++) {
                world.engine.run(Flow.SHIPMENTS);
            }

            OutboxEntry waiting = ship(world, order.orderNo());
            assertThat(waiting.status()).as("the SHIP entry still waits").isEqualTo(OutboxStatus.PENDING);
            assertThat(waiting.attempts()).as("waiting spends no attempt").isZero();
            assertThat(waiting.lastError()).get().asString().contains("waiting for the shipment");
            assertThat(world.sim.requests().count(Operation.ORDER_SHIPPING)).isZero();

            // later runs: the invoice is read back (or created), then the order is shipped once
            int shippedRuns = 0;
            for (int round = 0; round < 6; round++) {
                world.advance(world.options.retryDelay().plusSeconds(1));
                for (int run = 0; run < 5; run++) {
                    FlowReport report = world.engine.run(Flow.SHIPMENTS);
                    shippedRuns += report.failed();
                }
            }

            assertThat(shippedRuns).as("nothing dead-lettered").isZero();
            assertThat(ship(world, order.orderNo()).status()).isEqualTo(OutboxStatus.DONE);
            assertThat(world.sim.requests().count(Operation.GENERATE_INVOICE)).isGreaterThanOrEqualTo(1);
            assertThat(world.sim.store().invoices().stream().filter(i -> i.orderNo().equals(order.orderNo())))
                    .as("one invoice").hasSize(1);
            assertThat(world.sim.requests().count(Operation.ORDER_SHIPPING)).as("orderShipping sent once").isEqualTo(1);
            assertThat(world.sim.store().shipments()).singleElement().satisfies(s -> {
                assertThat(s.orderNo()).isEqualTo(order.orderNo());
                assertThat(s.awbNo()).isEqualTo("AWB-DEP-1");
            });
            assertThat(world.sim.store().order(order.orderNo()).orElseThrow().status())
                    .isEqualTo(OrderStatus.SHIPPED.code());
        }
    }

    private static OutboxEntry ship(SimWorld world, String orderNo) {
        List<OutboxEntry> entries = world.store.inTransaction(tx -> tx.outbox().forOrder(orderNo));
        return entries.stream().filter(e -> e.operation() == OutboxOperation.SHIP).findFirst().orElseThrow();
    }
}
