package io.github.babyshopsdk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.ImportedOrder;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.HostOrders;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.support.FakeChannel;
import io.github.babyshopsdk.sync.support.Orders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Log injection: order numbers and host error texts holding CR/LF reach the engine's log lines escaped,
 * never as raw line breaks (a forged log line). Captures the engine's loggers with logback's ListAppender.
 */
class LogInjectionTest {
    private final Logger engineLogger = (Logger) LoggerFactory.getLogger("io.github.babyshopsdk");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = engineLogger.getLevel();
        engineLogger.setLevel(Level.DEBUG);
        appender.start();
        engineLogger.addAppender(appender);
    }

    @AfterEach
    void release() {
        engineLogger.detachAppender(appender);
        engineLogger.setLevel(levelBefore);
    }

    @Test
    void newlinesInOrderNumbersAndHostErrorsAreNeverLoggedRaw() {
        FakeChannel channel = new FakeChannel();
        InMemoryHost host = InMemoryHost.create();
        HostOrders refusing = new HostOrders() {
            @Override
            public String createOrder(ImportedOrder order) {
                if (order.order().orderNo().equals("R-1")) {
                    throw new IllegalStateException("refused\r\n08:00:00.000 [main] INFO forged - all good");
                }
                return host.createOrder(order);
            }

            @Override
            public void cancelOrder(String orderNo, String hostOrderId, String reason) {
                host.cancelOrder(orderNo, hostOrderId, reason);
            }
        };
        channel.put(Orders.order("N-1\n08:00:00.000 [main] INFO forged order line", OrderStatus.CONFIRMED, "ARE",
                Orders.T0));
        channel.put(Orders.order("R-1", OrderStatus.CONFIRMED, "ARE", Orders.T0.plusSeconds(1)));
        channel.put(Orders.order("OK-1", OrderStatus.CONFIRMED, "ARE", Orders.T0.plusSeconds(2)));
        try (SyncEngine engine = SyncEngine.builder().stateStore(InMemorySyncStateStore.create()).channel(channel)
                .hostOrders(refusing).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                .scheduler(IntervalSyncScheduler.defaults())
                .clock(Clock.fixed(Orders.T0.plus(Duration.ofDays(1)), ZoneOffset.UTC)).build()) {
            engine.updateSettings("test", s -> StoreSettings.builder().from(s).orderSync(true).build());
            engine.updateStatusMapping("test", StatusMapping.builder().putInbound(OrderStatus.CONFIRMED, "NEW").build());
            engine.updateHubMapping("test", HubMapping.builder().defaultHub("HUB-DXB").build());

            FlowReport report = engine.run(Flow.ORDERS);

            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(host.orders()).extracting(InMemoryHost.HostOrder::orderNo).containsExactly("OK-1");
        }
        List<String> messages = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).as("the engine logged the bad order and the refusal")
                .anySatisfy(m -> assertThat(m).contains("N-1\\u000A08:00:00.000"))
                .anySatisfy(m -> assertThat(m).contains("refused\\u000D\\u000A08:00:00.000"));
        assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain("\n").doesNotContain("\r"));
    }

    @Test
    void hostileHintedOrderNumbersAreNeverLoggedRaw() {
        InMemoryHost host = InMemoryHost.create();
        try (SyncEngine engine = SyncEngine.builder().stateStore(InMemorySyncStateStore.create())
                .channel(new FakeChannel()).hostOrders(host).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                .scheduler(IntervalSyncScheduler.defaults())
                .clock(Clock.fixed(Orders.T0, ZoneOffset.UTC)).build()) {
            engine.updateSettings("test", s -> StoreSettings.builder().from(s).orderSync(true).build());

            HintReceipt receipt = engine.hint(List.of("H-1\r\n08:00:00.000 [main] INFO forged hint line",
                    "H-2\u202Eenil", "OK-1"));

            assertThat(receipt.invalid()).isOne();
            assertThat(receipt.added()).isEqualTo(2);
        }
        List<String> messages = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).as("the hint was logged, escaped")
                .anySatisfy(m -> assertThat(m).contains("H-1\\u000D\\u000A08:00:00.000").contains("H-2\\u202Eenil"));
        assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain("\n").doesNotContain("\r")
                .doesNotContain("\u202E"));
    }
}
