package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.DeadLetter;
import io.github.babyshopsdk.sync.DeadLetterKind;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowBusyException;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dead letters an operator can act on, end to end against the simulator: a shipment that failed until it was
 * dead-lettered is listed (reason, attempts, first and last failure), re-driven and delivered by the next run; a
 * dead letter discarded is recorded in the configuration log and the order's outbound history; a dead letter of a
 * running flow is refused.
 */
class DeadLettersEndToEndTest {
    private static final int MAX_ATTEMPTS = 2;
    private final AtomicInteger eventIds = new AtomicInteger();
    private SimWorld world;
    private List<SimOrder> open;

    @BeforeEach
    void importOrders() {
        world = SimWorld.with(Fixture.of(99, 80, 25))
                .options(EngineOptions.builder().instanceId("engine-A").maxAttempts(MAX_ATTEMPTS).build()).start();
        assertThat(world.engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
        open = world.simOrders().values().stream()
                .filter(o -> o.status() == OrderStatus.PENDING.code() || o.status() == OrderStatus.CONFIRMED.code())
                .filter(o -> world.host.order(o.orderNo()).isPresent()).toList();
        assertThat(open).hasSizeGreaterThan(3);
        world.advance(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** Packs {@code order} while every invoice call fails, and runs the shipments flow until it gives up. */
    private DeadLetter deadShipment(SimOrder order) {
        world.sim.faults().failNext(Operation.GENERATE_INVOICE, 1_000, FaultKind.HTTP_500);
        world.host.addEvent(HostEvent.builder().eventId("ev-" + eventIds.incrementAndGet()).orderNo(order.orderNo())
                .type(HostEventType.PACKED).occurredAt(world.clock.instant()).transporter("Aramex")
                .awbNo("AWB-DL-" + eventIds.get()).build());
        for (int run = 0; run < 10 && world.engine.deadLetters(10).stream()
                .noneMatch(d -> d.orderNo().filter(order.orderNo()::equals).isPresent()); run++) {
            world.engine.run(Flow.SHIPMENTS);
            world.advance(Duration.ofMinutes(10));
        }
        world.sim.faults().clear();
        return world.engine.deadLetters(10).stream().filter(d -> d.orderNo().filter(order.orderNo()::equals).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("the shipment was never dead-lettered"));
    }

    @Test
    void aDeadShipmentIsListedReDrivenAndDeliveredOnTheNextRun() {
        SimOrder order = open.get(0);
        DeadLetter dead = deadShipment(order);

        assertThat(dead.kind()).isEqualTo(DeadLetterKind.OUTBOX);
        assertThat(dead.flow()).isEqualTo(Flow.SHIPMENTS);
        assertThat(dead.key()).isEqualTo("outbox:" + dead.recordKey());
        assertThat(dead.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(dead.reason()).contains("gave up after");
        assertThat(dead.firstFailedAt()).isBefore(dead.lastFailedAt());
        assertThat(world.sim.store().invoices()).noneMatch(i -> i.orderNo().equals(order.orderNo()));

        DeadLetter redriven = world.engine.redrive(dead.key(), "ops@example");

        assertThat(redriven).isEqualTo(dead);
        assertThat(world.engine.deadLetters(10)).isEmpty();
        FlowReport next = world.engine.run(Flow.SHIPMENTS);
        assertThat(next.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(next.pushed()).isEqualTo(1);
        assertThat(world.sim.store().invoices()).filteredOn(i -> i.orderNo().equals(order.orderNo()))
                .singleElement().satisfies(i -> assertThat(i.trackingNo()).startsWith("AWB-DL-"));
        assertThat(world.engine.explain(order.orderNo()).details()).contains("create_shipment done");
        ConfigurationChange logged = world.engine.configurationLog().get(world.engine.configurationLog().size() - 1);
        assertThat(logged.subject()).isEqualTo("deadLetter.redrive");
        assertThat(logged.actor()).isEqualTo("ops@example");
        assertThat(logged.before()).startsWith(dead.key()).contains("gave up after");
        assertThat(logged.after()).startsWith("PENDING");
        // once delivered it is no dead letter any more: a second re-drive finds nothing
        assertThatThrownBy(() -> world.engine.redrive(dead.key(), "ops@example"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining(dead.key());
    }

    @Test
    void aDiscardedDeadLetterIsRecordedInTheConfigurationLogAndNeverSent() {
        SimOrder order = open.get(1);
        DeadLetter dead = deadShipment(order);

        world.engine.discard(dead.key(), "ops@example", "shipped by hand in the seller panel");

        assertThat(world.engine.deadLetters(10)).isEmpty();
        assertThat(world.store.inTransaction(tx -> tx.outbox().find(dead.recordKey())).orElseThrow())
                .satisfies(entry -> {
                    assertThat(entry.status()).isEqualTo(OutboxStatus.SKIPPED);
                    assertThat(entry.lastError())
                            .contains("discarded by ops@example: shipped by hand in the seller panel");
                });
        ConfigurationChange logged = world.engine.configurationLog().get(world.engine.configurationLog().size() - 1);
        assertThat(logged.subject()).isEqualTo("deadLetter.discard");
        assertThat(logged.actor()).isEqualTo("ops@example");
        assertThat(logged.after()).isEqualTo("discarded by ops@example: shipped by hand in the seller panel");
        world.advance(Duration.ofMinutes(10));
        assertThat(world.engine.run(Flow.SHIPMENTS).pushed()).isZero();
        assertThat(world.sim.store().invoices()).noneMatch(i -> i.orderNo().equals(order.orderNo()));
        assertThat(world.engine.explain(order.orderNo()).details())
                .anySatisfy(d -> assertThat(d).startsWith("create_shipment skipped: discarded by ops@example"));
        assertThat(world.engine.explain(order.orderNo()).reason()).isEqualTo(OrderReason.IMPORTED);
    }

    @Test
    void reDriveAllReDrivesEveryDeadLetterAndTheyAreDelivered() {
        deadShipment(open.get(2));
        deadShipment(open.get(3));
        assertThat(world.engine.deadLetters(10)).hasSize(2);

        assertThat(world.engine.redriveAll("ops@example")).isEqualTo(2);

        assertThat(world.engine.deadLetters(10)).isEmpty();
        assertThat(world.engine.run(Flow.SHIPMENTS).pushed()).isEqualTo(2);
        assertThat(world.engine.configurationLog()).filteredOn(c -> c.subject().equals("deadLetter.redrive"))
                .hasSize(2);
    }

    @Test
    void aDeadLetterOfARunningFlowIsLeftAlone() {
        DeadLetter dead = deadShipment(open.get(0));
        assertThat(world.store.leases().acquire(Flow.SHIPMENTS, "engine-B", world.clock.instant(), Duration.ofMinutes(1)))
                .isPresent();

        assertThatThrownBy(() -> world.engine.redrive(dead.key(), "ops@example"))
                .isInstanceOf(FlowBusyException.class).hasMessageContaining("SHIPMENTS flow is running")
                .hasMessageContaining("engine-B");
        assertThatThrownBy(() -> world.engine.discard(dead.key(), "ops@example", "no"))
                .isInstanceOf(FlowBusyException.class);
        assertThat(world.engine.redriveAll("ops@example")).isZero();
        assertThat(world.engine.deadLetters(10)).containsExactly(dead);
        assertThat(world.engine.configurationLog()).noneMatch(c -> c.subject().startsWith("deadLetter."));
    }
}
