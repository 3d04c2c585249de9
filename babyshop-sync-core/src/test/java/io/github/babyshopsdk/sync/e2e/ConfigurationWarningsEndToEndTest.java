package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration warnings the seed asks for, end to end: Cancelled not mapped outbound while automated
 * cancellation is on (and a host cancellation then recorded and warned about, never dropped silently); Inventory
 * Sync on with Catalog Sync off.
 */
class ConfigurationWarningsEndToEndTest {
    private static final String NOT_BACK = "cancelled orders will not sync back to Babyshop";

    /** The test mapping without the outbound CANCELLED. */
    private static StatusMapping withoutOutboundCancelled() {
        return StatusMapping.builder().from(SimWorld.statusMapping())
                .outbound(java.util.Map.of(HostEventType.SHIPPED, ChannelAction.SHIPPED)).build();
    }

    @Test
    void cancelledNotMappedOutboundWhileAutoCancelIsOnIsAWarning() {
        try (SimWorld world = SimWorld.with(Fixture.of(41, 0, 0)).start()) {
            assertThat(world.engine.validate()).as("the test configuration is sound").isEmpty();
            world.listener.clear(); // SimWorld turns auto-cancel on before it maps CANCELLED: warned meanwhile

            List<String> returned = world.engine.updateStatusMapping(SimWorld.ACTOR, withoutOutboundCancelled());

            assertThat(returned).singleElement().asString().contains(NOT_BACK, "CANCELLED is not mapped outbound");
            assertThat(world.listener.events("warning")).singleElement().asString().contains(NOT_BACK);
            assertThat(world.engine.validate()).singleElement().asString().contains(NOT_BACK);

            // mapped to something else than Cancelled: still a warning
            world.engine.updateStatusMapping(SimWorld.ACTOR, StatusMapping.builder().from(withoutOutboundCancelled())
                    .putOutbound(HostEventType.CANCELLED, ChannelAction.SHIPPED).build());
            assertThat(world.engine.validate()).singleElement().asString().contains(NOT_BACK, "mapped to SHIPPED");

            // automated cancellation off: host cancellations are not pushed on purpose, no warning
            world.listener.clear();
            world.engine.updateSettings(SimWorld.ACTOR, s -> StoreSettings.builder().from(s)
                    .autoCancelOnChannel(false).build());
            assertThat(world.engine.validate()).isEmpty();
            assertThat(world.listener.events("warning")).isEmpty();

            // turned on again while unmapped: the settings change warns
            world.engine.updateSettings(SimWorld.ACTOR, s -> StoreSettings.builder().from(s)
                    .autoCancelOnChannel(true).build());
            assertThat(world.listener.events("warning")).singleElement().asString().contains(NOT_BACK);
        }
    }

    @Test
    void inventorySyncOnWithCatalogSyncOffIsAWarning() {
        try (SimWorld world = SimWorld.with(Fixture.of(42, 0, 0)).start()) {
            world.listener.clear();
            world.engine.updateSettings(SimWorld.ACTOR, s -> StoreSettings.builder().from(s).catalogSync(false).build());

            assertThat(world.listener.events("warning")).singleElement().asString()
                    .contains("Inventory Sync is on with Catalog Sync off", "only SKUs the catalog flow linked");
            assertThat(world.engine.validate()).singleElement().asString()
                    .contains("Inventory Sync is on with Catalog Sync off");

            world.engine.updateSettings(SimWorld.ACTOR, s -> StoreSettings.builder().from(s).inventorySync(false).build());
            assertThat(world.engine.validate()).isEmpty();
        }
    }

    @Test
    void aHostCancellationWithCancelledUnmappedOutboundIsRecordedAndWarnedOncePerOrder() {
        try (SimWorld world = SimWorld.with(Fixture.of(43, 60, 5)).start()) {
            assertThat(world.engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            List<SimOrder> open = world.simOrders().values().stream()
                    .filter(o -> o.status() == OrderStatus.PENDING.code() || o.status() == OrderStatus.CONFIRMED.code())
                    .filter(o -> world.host.order(o.orderNo()).isPresent()).toList();
            assertThat(open).hasSizeGreaterThanOrEqualTo(2);
            world.engine.updateStatusMapping(SimWorld.ACTOR, withoutOutboundCancelled());
            world.listener.clear();
            SimOrder first = open.get(0);
            SimOrder second = open.get(1);
            world.host.addEvent(cancelled("c-1", first));
            world.host.addEvent(cancelled("c-2", first)); // the host repeats itself under another event id
            world.host.addEvent(cancelled("c-3", second));
            world.advance(Duration.ofSeconds(30));

            FlowReport report = world.engine.run(Flow.CANCELLATIONS);
            world.host.addEvent(cancelled("c-4", first)); // and again, in a later run
            world.advance(Duration.ofSeconds(30));
            world.engine.run(Flow.CANCELLATIONS);

            assertThat(report.pushed()).isZero();
            assertThat(world.sim.requests().count(Operation.ORDER_CANCELLATION)).isZero();
            assertThat(world.sim.store().order(first.orderNo()).orElseThrow().status()).isEqualTo(first.status());
            // recorded: a SKIPPED entry with the reason for each event, explained per order
            for (String id : List.of("c-1", "c-2", "c-3", "c-4")) {
                OutboxEntry entry = world.store.inTransaction(tx -> tx.outbox().find(id)).orElseThrow();
                assertThat(entry.status()).isEqualTo(OutboxStatus.SKIPPED);
                assertThat(entry.lastError()).hasValueSatisfying(r -> assertThat(r)
                        .startsWith("CANCELLED is not mapped outbound"));
            }
            assertThat(world.engine.explain(first.orderNo()).details()).anySatisfy(d -> assertThat(d)
                    .contains("cancel skipped: CANCELLED is not mapped outbound"));
            // warned: once per order
            assertThat(world.listener.events("warning")).hasSize(2)
                    .anySatisfy(w -> assertThat(w).contains("order " + first.orderNo(), NOT_BACK))
                    .anySatisfy(w -> assertThat(w).contains("order " + second.orderNo(), NOT_BACK));
        }
    }

    private HostEvent cancelled(String id, SimOrder order) {
        return HostEvent.builder().eventId(id).orderNo(order.orderNo()).type(HostEventType.CANCELLED)
                .occurredAt(java.time.Instant.EPOCH).build();
    }
}
