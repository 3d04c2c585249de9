package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The outbound flows wired to fakes: a Babyshop, a host, a listener, a clock one can move, the store. */
final class OutboundFixture {
    static final Duration RETRY = Duration.ofMinutes(5);

    final SyncStateStore store = InMemorySyncStateStore.create();
    final OutboundFakeChannel channel = new OutboundFakeChannel();
    final OutboundFakeHost host = new OutboundFakeHost();
    final Listener listener = new Listener();
    final MovableClock clock = new MovableClock(Instant.parse("2024-05-01T10:00:00Z"));
    EngineOptions options = EngineOptions.builder().maxAttempts(3).retryDelay(RETRY).build();

    /** A listener that records what it hears, as {@code orderNo/operation/status/detail}. */
    static final class Listener implements SyncListener {
        final List<String> settled = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void outboundSettled(String orderNo, String operation, String status, String detail) {
            settled.add(orderNo + "/" + operation + "/" + status + "/" + detail);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    }

    /** A clock that stands still until moved. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    OutboundFixture() {
        configure(true, StatusMapping.builder().putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
                .putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED).build());
    }

    /** Sets the auto-cancel toggle and the status mapping. */
    OutboundFixture configure(boolean autoCancel, StatusMapping mapping) {
        store.inTransaction(tx -> {
            tx.settings().saveSettings(StoreSettings.builder().orderSync(true).autoCancelOnChannel(autoCancel).build());
            tx.settings().saveStatusMapping(mapping);
            return null;
        });
        return this;
    }

    /** A context whose channel charges {@code flow}'s tier, as the engine's run of that flow has. */
    FlowContext context(Flow flow) {
        return new FlowContext(store, channel.forTier(flow.priority(), QuotaWaiter.failFast()), null, null, null, host,
                HubResolver.byMapping(), StatusMapper.byMapping(), listener, clock, options);
    }

    FlowReport shipments() {
        return new ShipmentFlow().run(context(Flow.SHIPMENTS), clock.instant());
    }

    FlowReport cancellations() {
        return new CancellationFlow().run(context(Flow.CANCELLATIONS), clock.instant());
    }

    /** Moves the clock past the retry delay. */
    void later() {
        clock.advance(RETRY.plusSeconds(1));
    }

    /** The order is imported: the engine holds its link to the host order. */
    OutboundFixture imported(String orderNo) {
        store.inTransaction(tx -> {
            tx.orders().save(OrderRecord.builder().orderNo(orderNo).state(OrderState.IMPORTED)
                    .reason(OrderReason.IMPORTED).hostOrderId("H-" + orderNo).channelStatusCode("5")
                    .updatedAt(clock.instant()).build());
            return null;
        });
        return this;
    }

    /** Babyshop holds the order, Confirmed, with lines {@code 1..lines}. */
    OutboundFixture onChannel(String orderNo, int lines) {
        io.github.babyshopsdk.client.model.Order.Builder order = Order.builder().orderNo(orderNo).statusCode("5");
        for (int line = 1; line <= lines; line++) {
            order.addLines(OrderLine.builder().lineNo(String.valueOf(line)).sku("SKU-" + line)
                    .orderQty(java.math.BigDecimal.ONE).lineStatusCode("5").build());
        }
        channel.put(order.build());
        return this;
    }

    /** Imported and on Babyshop. */
    OutboundFixture order(String orderNo, int lines) {
        return imported(orderNo).onChannel(orderNo, lines);
    }

    Optional<OutboxEntry> entry(String id) {
        return store.inTransaction(tx -> {
            return tx.outbox().find(id);
        });
    }

    /** The host event feed token the engine holds. */
    Optional<String> cursor() {
        return store.inTransaction(tx -> {
            return tx.cursors().get(HostEventIntake.CURSOR);
        });
    }

    OrderRecord record(String orderNo) {
        return store.inTransaction(tx -> {
            return tx.orders().find(orderNo).orElseThrow();
        });
    }

    static HostEvent packed(String id, String orderNo, String transporter, String awbNo) {
        return HostEvent.builder().eventId(id).orderNo(orderNo).type(HostEventType.PACKED).transporter(transporter)
                .awbNo(awbNo).build();
    }

    static HostEvent event(String id, String orderNo, HostEventType type, String... lineNos) {
        return HostEvent.builder().eventId(id).orderNo(orderNo).type(type).addLineNos(lineNos).build();
    }
}
