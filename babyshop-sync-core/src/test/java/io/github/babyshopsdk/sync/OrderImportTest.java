package io.github.babyshopsdk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.HubRule;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.host.ImportedOrder;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.HostOrders;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.support.FakeChannel;
import io.github.babyshopsdk.sync.support.Orders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The orders flow's rules, each test citing the rule it checks. */
class OrderImportTest {
    private final FakeChannel channel = new FakeChannel();
    private final InMemoryHost host = InMemoryHost.create();
    private final InMemorySyncStateStore store = InMemorySyncStateStore.create();
    private final List<String> itemChanges = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private HostOrders hostOrders = host;
    private HubResolver hubResolver = HubResolver.byMapping();
    private StatusMapper statusMapper = StatusMapper.byMapping();
    private EngineOptions options = EngineOptions.builder().maxAttempts(3).build();
    private SyncEngine engine;
    /** The engine's (fixed) clock: every run starts at this instant. */
    private static final java.time.Instant NOW = Orders.T0.plus(Duration.ofDays(1));

    @BeforeEach
    void configure() {
        engine = engine();
        engine.updateSettings("test", s -> io.github.babyshopsdk.sync.config.StoreSettings.builder().from(s)
                .orderSync(true).build());
        engine.updateStatusMapping("test", StatusMapping.builder().putInbound(OrderStatus.PENDING, "NEW")
                .putInbound(OrderStatus.CONFIRMED, "NEW").putInbound(OrderStatus.CANCELLED, "CANCELLED").build());
        engine.updateHubMapping("test", HubMapping.builder().defaultHub("HUB-DXB")
                .addRules(HubRule.builder().country("SAU").hub("HUB-RUH").build()).build());
    }

    private SyncEngine engine() {
        return SyncEngine.builder().stateStore(store).channel(channel)
                .hostOrders(hostOrders)
                .hostCatalog(host).hostInventory(host).hostFulfilment(host)
                .hubResolver(hubResolver).statusMapper(statusMapper)
                .scheduler(IntervalSyncScheduler.defaults())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .options(options)
                .listener(new SyncListener() {
                    @Override
                    public void itemLevelChange(String orderNo, String detail) {
                        itemChanges.add(orderNo + ": " + detail);
                    }

                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                    }
                })
                .build();
    }

    @Test
    void onlyOrdersWhoseStatusIsMappedAreImportedWithTheirStageAndHub() {
        // Rule: only orders whose Babyshop status is mapped are imported; the hub comes from hub resolution.
        channel.put(Orders.order("1", OrderStatus.PENDING, "ARE", Orders.T0));
        channel.put(Orders.order("2", OrderStatus.CONFIRMED, "SAU", Orders.T0.plusSeconds(1)));
        channel.put(Orders.order("3", OrderStatus.SHIPPED, "ARE", Orders.T0.plusSeconds(2)));

        FlowReport report = engine.run(Flow.ORDERS);

        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.skipped()).containsEntry(OrderReason.STATUS_UNMAPPED, 1);
        assertThat(host.order("1").orElseThrow().imported().hub()).isEqualTo("HUB-DXB");
        assertThat(host.order("2").orElseThrow().imported().hub()).isEqualTo("HUB-RUH");
        assertThat(host.order("1").orElseThrow().imported().stage()).isEqualTo("NEW");
        assertThat(host.order("3")).isEmpty();
        assertThat(engine.explain("3").reason()).isEqualTo(OrderReason.STATUS_UNMAPPED);
        assertThat(engine.explain("3").summary()).contains("Shipped (15) is not mapped");
        assertThat(engine.explain("1").reason()).isEqualTo(OrderReason.IMPORTED);
    }

    @Test
    void repeatedRunsImportEachOrderExactlyOnce() {
        // Invariant 1: no order is imported twice: cursor, overlap window and de-duplication by order number.
        for (int i = 0; i < 30; i++) {
            channel.put(Orders.order("O" + i, OrderStatus.CONFIRMED, "ARE", Orders.T0.plusSeconds(i)));
        }
        channel.pageSize(7);

        engine.run(Flow.ORDERS);
        engine.run(Flow.ORDERS);
        channel.put(Orders.order("NEW", OrderStatus.PENDING, "ARE", Orders.T0.plusSeconds(100)));
        FlowReport third = engine.run(Flow.ORDERS);

        assertThat(host.orders()).hasSize(31);
        assertThat(host.createCalls()).isEqualTo(31);
        assertThat(third.imported()).isEqualTo(1);
    }

    @Test
    void anOrderWithoutHubIsHeldThenImportedOnceTheMappingCoversIt() {
        // Rule: an order with no hub is held with a reason, not imported half-way.
        engine.updateHubMapping("test", HubMapping.builder()
                .addRules(HubRule.builder().country("ARE").hub("HUB-DXB").build()).build());
        channel.put(Orders.order("K1", OrderStatus.CONFIRMED, "SAU", Orders.T0));

        engine.run(Flow.ORDERS);
        assertThat(host.orders()).isEmpty();
        assertThat(engine.explain("K1").reason()).isEqualTo(OrderReason.NO_HUB);
        assertThat(engine.explain("K1").state()).hasValue(OrderState.HELD);

        engine.updateHubMapping("test", HubMapping.builder().defaultHub("HUB-DXB")
                .addRules(HubRule.builder().country("SAU").hub("HUB-RUH").build()).build());
        engine.run(Flow.ORDERS);

        assertThat(host.order("K1").orElseThrow().imported().hub()).isEqualTo("HUB-RUH");
        assertThat(engine.explain("K1").reason()).isEqualTo(OrderReason.IMPORTED);
    }

    @Test
    void aHostFailureHoldsTheOrderAndTheNextRunRetriesIt() {
        // Rule: the cursor moves only after the host has committed; nothing is lost when the host fails.
        AtomicBoolean hostDown = new AtomicBoolean(true);
        hostOrders = new HostOrders() {
            @Override
            public String createOrder(ImportedOrder order) {
                if (hostDown.get()) {
                    throw new IllegalStateException("host database unavailable");
                }
                return host.createOrder(order);
            }

            @Override
            public void cancelOrder(String orderNo, String hostOrderId, String reason) {
                host.cancelOrder(orderNo, hostOrderId, reason);
            }
        };
        engine = engine();
        channel.put(Orders.order("F1", OrderStatus.CONFIRMED, "ARE", Orders.T0));

        FlowReport first = engine.run(Flow.ORDERS);
        assertThat(first.skipped()).containsEntry(OrderReason.HOST_REJECTED, 1);
        assertThat(engine.explain("F1").summary()).contains("host database unavailable");

        hostDown.set(false);
        engine.run(Flow.ORDERS);

        assertThat(host.orders()).extracting(InMemoryHost.HostOrder::orderNo).containsExactly("F1");
    }

    @Test
    void anUnreadableOrderIsQuarantinedFetchedAgainAndDeadLetteredAfterTheLimit() {
        // Invariant 3 / rule: a quarantined order is fetched again on later runs until it reads or is dead-lettered.
        channel.put(Orders.order("Q1", OrderStatus.CONFIRMED, "ARE", Orders.T0));
        channel.put(Orders.order("Q2", OrderStatus.CONFIRMED, "ARE", Orders.T0.plusSeconds(5)));
        channel.unreadable("Q1", true);

        FlowReport first = engine.run(Flow.ORDERS);
        assertThat(first.imported()).isEqualTo(1);
        assertThat(engine.explain("Q1").reason()).isEqualTo(OrderReason.QUARANTINED);
        assertThat(engine.explain("Q1").summary()).contains("orderDate");

        channel.unreadable("Q1", false);
        engine.run(Flow.ORDERS);
        assertThat(host.order("Q1")).isPresent();

        channel.put(Orders.order("Q3", OrderStatus.CONFIRMED, "ARE", Orders.T0.plusSeconds(9)));
        channel.unreadable("Q3", true);
        for (int run = 0; run < 3; run++) {
            engine.run(Flow.ORDERS);
        }
        assertThat(engine.explain("Q3").reason()).isEqualTo(OrderReason.DEAD_LETTERED);
        int fetchesBefore = channel.fetchCalls();
        engine.run(Flow.ORDERS);
        assertThat(channel.fetchCalls()).as("dead-lettered orders are not fetched again").isEqualTo(fetchesBefore);
    }

    @Test
    void aBabyshopCancellationCancelsTheHostOrderOnce() {
        // Rule: Babyshop-side cancellations of imported orders cancel the host order.
        channel.put(Orders.order("C1", OrderStatus.CONFIRMED, "ARE", Orders.T0));
        engine.run(Flow.ORDERS);
        channel.update("C1", b -> b.statusCode(OrderStatus.CANCELLED.code()), Duration.ofMinutes(1));

        FlowReport report = engine.run(Flow.ORDERS);
        engine.run(Flow.ORDERS);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(host.order("C1").orElseThrow().cancelled()).isTrue();
        assertThat(engine.explain("C1").reason()).isEqualTo(OrderReason.CANCELLED_ON_CHANNEL);
        assertThat(engine.explain("C1").state()).hasValue(OrderState.CANCELLED);
    }

    @Test
    void withCancelledUnmappedTheCancellationIsReportedNotApplied() {
        // Rule: validation warns when Cancelled is unmapped (cancellations would never sync back).
        List<String> result = engine.updateStatusMapping("test", StatusMapping.builder()
                .putInbound(OrderStatus.CONFIRMED, "NEW").build());
        assertThat(result).anySatisfy(w -> assertThat(w).contains("Cancelled is not mapped"))
                .anySatisfy(w -> assertThat(w).contains("Pending is not mapped"));
        assertThat(warnings).hasSize(2);
        channel.put(Orders.order("C2", OrderStatus.CONFIRMED, "ARE", Orders.T0));
        engine.run(Flow.ORDERS);
        channel.update("C2", b -> b.statusCode(OrderStatus.CANCELLED.code()), Duration.ofMinutes(1));

        engine.run(Flow.ORDERS);

        assertThat(host.order("C2").orElseThrow().cancelled()).isFalse();
        assertThat(engine.explain("C2").summary()).contains("Cancelled is not mapped");
    }

    @Test
    void anOrderAlreadyCancelledWhenFirstSeenIsRecordedNotCreated() {
        // Rule (issue 12): an order that was never live while the engine watched is not created in the host
        channel.put(Orders.order("C3", OrderStatus.CANCELLED, "ARE", Orders.T0));

        FlowReport report = engine.run(Flow.ORDERS);

        assertThat(host.order("C3")).isEmpty();
        assertThat(report.skipped()).containsEntry(OrderReason.CANCELLED_BEFORE_FIRST_SEEN, 1);
        assertThat(engine.explain("C3").reason()).isEqualTo(OrderReason.CANCELLED_BEFORE_FIRST_SEEN);
        assertThat(engine.explain("C3").state()).hasValue(OrderState.SKIPPED);

        // listed again (it changed): still not created
        channel.update("C3", b -> b, Duration.ofMinutes(1));
        engine.run(Flow.ORDERS);
        assertThat(host.order("C3")).isEmpty();
        assertThat(host.createCalls()).isZero();
    }

    @Test
    void anOrderAlreadyCancelledWhenFirstSeenIsCreatedWithTheCancelledStageWhenTheHostOptsIn() {
        options = EngineOptions.builder().from(options).importOrdersCancelledBeforeFirstSeen(true).build();
        engine = engine();
        channel.put(Orders.order("C3", OrderStatus.CANCELLED, "ARE", Orders.T0));

        engine.run(Flow.ORDERS);

        assertThat(host.order("C3").orElseThrow().imported().stage()).isEqualTo("CANCELLED");
    }

    @Test
    void anItemLevelChangeIsReportedOnceAndNotApplied() {
        // Rule: order-level only: an item-level change on Babyshop is detected, reported and not applied.
        channel.put(Orders.order("I1", OrderStatus.CONFIRMED, "ARE", Orders.T0));
        engine.run(Flow.ORDERS);
        channel.update("I1", b -> b.lines(List.of(Orders.line("1", "SKU-A", "2", "1"), Orders.line("2", "SKU-B", "1", "0"))),
                Duration.ofMinutes(1));

        engine.run(Flow.ORDERS);
        channel.update("I1", b -> b, Duration.ofMinutes(1));
        engine.run(Flow.ORDERS);

        assertThat(itemChanges).containsExactly("I1: line 1 cancelled quantity 0 -> 1");
        assertThat(host.order("I1").orElseThrow().imported().order().lines().get(0).cancelledQty())
                .hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("0"));
        assertThat(engine.explain("I1").reason()).isEqualTo(OrderReason.ITEM_LEVEL_CHANGE);
    }

    @Test
    void anOrderMovingBetweenPagesWhileReadingIsNotLost() {
        // Rule: paging survives drift (orders changing while pages are read).
        for (int i = 0; i < 25; i++) {
            channel.put(Orders.order(String.format("D%02d", i), OrderStatus.CONFIRMED, "ARE", Orders.T0.plusSeconds(i)));
        }
        channel.pageSize(10);
        AtomicBoolean drifted = new AtomicBoolean();
        channel.afterPage(page -> {
            if (page == 1 && drifted.compareAndSet(false, true)) {
                // an order of page 1 changes: it moves to the end, and D10 slides onto page 1, unread
                channel.update("D03", b -> b, Duration.ofHours(1));
            }
        });

        engine.run(Flow.ORDERS);

        assertThat(host.orders()).hasSize(25);
        // keyset stepping: page 1 from T0, then page 1 from the last time of each page (D09, D18); D03 is read at
        // its new time at the end, and no page is read twice
        assertThat(channel.listCalls()).isEqualTo(3);
    }

    @Test
    void anImportedOrderListedAgainUnchangedIsNotFetchedAgain() {
        // Rule (issue 15): re-fetch an imported order only when it can have changed since our fetch. F1 was updated
        // five minutes before the run that fetched it: listed again with the same time and status, it is not
        // fetched again (the 10-minute overlap used to re-fetch it on every run).
        channel.put(Orders.order("F1", OrderStatus.CONFIRMED, "ARE", NOW.minus(Duration.ofMinutes(5))));
        engine.run(Flow.ORDERS);
        assertThat(channel.fetched()).containsExactly(List.of("F1"));

        engine.run(Flow.ORDERS);

        assertThat(channel.fetched()).containsExactly(List.of("F1"));
        channel.update("F1", b -> b.statusCode(OrderStatus.CANCELLED.code()), Duration.ofMinutes(1));
        engine.run(Flow.ORDERS);
        assertThat(channel.fetched()).as("a new time is a change").containsExactly(List.of("F1"), List.of("F1"));
        assertThat(host.order("F1").orElseThrow().cancelled()).isTrue();
    }

    @Test
    void anOrderListedInTheSecondOfTheFetchOrWithinTheClockSkewIsFetchedAgain() {
        // Rule (issue 15): Babyshop's times have whole seconds, so an order updated in the second of our fetch may
        // have changed after it without its time changing; EngineOptions.channelClockSkew (default 2 s) widens
        // that second by how far Babyshop's clock may be behind ours.
        channel.put(Orders.order("S0", OrderStatus.CONFIRMED, "ARE", NOW));
        channel.put(Orders.order("S2", OrderStatus.CONFIRMED, "ARE", NOW.minusSeconds(2)));
        channel.put(Orders.order("S3", OrderStatus.CONFIRMED, "ARE", NOW.minusSeconds(3)));
        engine.run(Flow.ORDERS);

        engine.run(Flow.ORDERS);

        assertThat(channel.fetched()).containsExactly(List.of("S3", "S2", "S0"), List.of("S2", "S0"));

        options = EngineOptions.builder().from(options).channelClockSkew(Duration.ZERO).build();
        engine = engine();
        engine.run(Flow.ORDERS);
        assertThat(channel.fetched().get(2)).containsExactly("S0");
        assertThat(host.createCalls()).isEqualTo(3);
        assertThatThrownBy(() -> EngineOptions.builder().channelClockSkew(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channelClockSkew");
    }

    @Test
    void withOrderSyncOffNothingIsImportedAndExplainSaysWhy() {
        // Rule: each toggle is off by default until the host turns it on.
        engine.updateSettings("ops", s -> io.github.babyshopsdk.sync.config.StoreSettings.allOff());
        channel.put(Orders.order("S1", OrderStatus.CONFIRMED, "ARE", Orders.T0));

        FlowReport report = engine.run(Flow.ORDERS);

        assertThat(report.outcome()).isEqualTo(FlowOutcome.DISABLED);
        assertThat(host.orders()).isEmpty();
        assertThat(engine.explain("S1").reason()).isEqualTo(OrderReason.SYNC_OFF);
        assertThat(engine.configurationLog()).extracting(c -> c.actor() + ":" + c.subject())
                .contains("test:settings", "test:statusMapping", "test:hubMapping", "ops:settings");
    }

    @Test
    void theBuilderNamesEveryMissingSpi() {
        assertThatThrownBy(() -> SyncEngine.builder().stateStore(store).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channel (ChannelGateway)").hasMessageContaining("hostOrders (HostOrders)")
                .hasMessageContaining("scheduler (SyncScheduler)").hasMessageNotContaining("stateStore");
    }

    @Test
    void aLaterStatusMappedToTheCancelledStageCancelsTheHostOrder() {
        // Rule: a later Babyshop status that maps to the stage Cancelled maps to cancels the host order.
        engine.updateStatusMapping("test", StatusMapping.builder().putInbound(OrderStatus.CONFIRMED, "NEW")
                .putInbound(OrderStatus.CANCELLED, "CANCELLED").putInbound(OrderStatus.REJECTED, "CANCELLED").build());
        channel.put(Orders.order("R1", OrderStatus.CONFIRMED, "ARE", Orders.T0));
        engine.run(Flow.ORDERS);
        channel.update("R1", b -> b.statusCode(OrderStatus.REJECTED.code()), Duration.ofMinutes(1));

        engine.run(Flow.ORDERS);

        assertThat(host.order("R1").orElseThrow().cancelled()).isTrue();
    }

    @Test
    void aThrowingHubResolverOrStatusMapperSetsOnlyThatOrderAside() {
        // Rule: one bad record never stops a run: a host port throwing for one order quarantines that order
        // with the reason; the others are imported, the run completes, and the order is retried later.
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        hubResolver = (order, mapping) -> {
            if (broken.get() && order.orderNo().equals("H2")) {
                throw new IllegalStateException("hub service down");
            }
            return HubResolver.byMapping().resolve(order, mapping);
        };
        statusMapper = (order, mapping) -> {
            if (broken.get() && order.orderNo().equals("H3")) {
                throw new IllegalArgumentException("no stage table");
            }
            return StatusMapper.byMapping().stageFor(order, mapping);
        };
        engine = engine();
        channel.put(Orders.order("H1", OrderStatus.CONFIRMED, "ARE", Orders.T0));
        channel.put(Orders.order("H2", OrderStatus.CONFIRMED, "ARE", Orders.T0.plusSeconds(1)));
        channel.put(Orders.order("H3", OrderStatus.CONFIRMED, "ARE", Orders.T0.plusSeconds(2)));
        channel.put(Orders.order("H4", OrderStatus.CONFIRMED, "ARE", Orders.T0.plusSeconds(3)));

        FlowReport first = engine.run(Flow.ORDERS);

        assertThat(first.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(host.orders()).extracting(InMemoryHost.HostOrder::orderNo).containsExactlyInAnyOrder("H1", "H4");
        assertThat(first.failed()).isEqualTo(2);
        assertThat(engine.explain("H2").reason()).isEqualTo(OrderReason.QUARANTINED);
        assertThat(engine.explain("H2").summary()).contains("hub service down");
        assertThat(engine.explain("H3").summary()).contains("no stage table");

        broken.set(false);
        FlowReport second = engine.run(Flow.ORDERS);

        assertThat(second.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(host.orders()).extracting(InMemoryHost.HostOrder::orderNo)
                .containsExactlyInAnyOrder("H1", "H2", "H3", "H4");
    }
}
