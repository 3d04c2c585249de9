package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.OrderExplanation;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.memory.InMemoryHost.HostOrder;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncScheduler;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.testkit.Fixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The host's own ports plugged into the engine end to end (issue 12, "the SPI is the only path"): a custom
 * {@link StatusMapper} that maps Cancelled while the store's status mapping does not, a custom {@link HubResolver}
 * and a custom {@link SyncScheduler}. Every status decision of the engine goes through the mapper, so a
 * Babyshop-side cancellation of an imported order is applied in the host because the mapper maps it.
 */
class HostPortsEndToEndTest {
    private static final String CUSTOM_HUB = "HUB-CUSTOM";

    /** Pending and Confirmed imported as NEW by the table; Cancelled by the mapper only, as VOID. */
    private static final StatusMapper MAPPER = new StatusMapper() {
        @Override
        public Optional<String> stageFor(Order order, StatusMapping mapping) {
            return order.status() == OrderStatus.CANCELLED ? Optional.of("VOID") : mapping.stageFor(order.status());
        }

        @Override
        public boolean mapsStatus(OrderStatus status, StatusMapping mapping) {
            return status == OrderStatus.CANCELLED || mapping.stageFor(status).isPresent();
        }
    };

    /** Every flow every minute; records which flows the engine asked about. */
    private static final class RecordingScheduler implements SyncScheduler {
        private final SyncScheduler every = IntervalSyncScheduler.every(Duration.ofMinutes(1));
        private final Set<Flow> asked = ConcurrentHashMap.newKeySet();

        @Override
        public boolean isDue(Flow flow, Optional<Instant> lastRun, Instant now) {
            asked.add(flow);
            return every.isDue(flow, lastRun, now);
        }
    }

    @Test
    void aCustomMapperResolverAndSchedulerAreHonouredAndTheMappersCancelledMappingCancelsTheHostOrder() {
        RecordingScheduler scheduler = new RecordingScheduler();
        try (SimWorld world = SimWorld.with(Fixture.of(20261205L, 40, 12))
                .statusMapper(MAPPER).hubResolver((order, mapping) -> Optional.of(CUSTOM_HUB)).scheduler(scheduler)
                .start()) {
            // the table does not map Cancelled inbound: only the custom mapper does
            StatusMapping table = StatusMapping.builder()
                    .putInbound(OrderStatus.PENDING, "NEW").putInbound(OrderStatus.CONFIRMED, "NEW")
                    .putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
                    .putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED).build();
            world.engine.updateStatusMapping(SimWorld.ACTOR, table);

            List<FlowReport> first = world.engine.runDue(world.clock.instant());
            assertThat(first).extracting(FlowReport::flow).contains(Flow.ORDERS);
            assertThat(scheduler.asked).contains(Flow.ORDERS, Flow.RECONCILIATION);
            assertThat(world.host.orders()).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.imported().hub()).isEqualTo(CUSTOM_HUB));
            HostOrder live = world.host.orders().stream().filter(o -> o.imported().stage().equals("NEW"))
                    .findFirst().orElseThrow();

            world.advance(Duration.ofMinutes(2));
            world.sim.store().cancelOnChannel(live.orderNo());
            world.advance(Duration.ofMinutes(2));
            world.engine.runDue(world.clock.instant());

            HostOrder after = world.host.order(live.orderNo()).orElseThrow();
            assertThat(after.cancelled()).as("the mapper maps Cancelled, so the host order is cancelled").isTrue();
            OrderExplanation why = world.engine.explain(live.orderNo());
            assertThat(why.reason()).isEqualTo(OrderReason.CANCELLED_ON_CHANNEL);
            assertThat(why.state()).hasValue(OrderState.CANCELLED);
            assertThat(world.listener.subjects("orderCancelled")).contains(live.orderNo());
        }
    }
}
