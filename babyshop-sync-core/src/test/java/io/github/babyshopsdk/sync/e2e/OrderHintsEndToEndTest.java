package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.HintReceipt;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.internal.Explainer;
import io.github.babyshopsdk.sync.internal.OrderHints;
import io.github.babyshopsdk.sync.memory.InMemoryHost.HostOrder;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.SyncScheduler;
import io.github.babyshopsdk.sync.state.OrderHint;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Order hints end to end (issue 13), through the real client and the simulator on simulated time: a hinted order is
 * fetched by a hint-only orders run (orderFetch of exactly the hinted numbers, 100 to a call, no orderList) with the
 * rules of a polled order; hints are durable, de-duplicated, bounded; unknown numbers are retried with back-off and
 * dropped, never quarantined; the run spends the orders tier, and a failed or quota-stopped one is not retried in a
 * busy loop.
 */
class OrderHintsEndToEndTest {
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Pattern ORDER_NO = Pattern.compile("\"([A-Za-z0-9-]+)\"(?!\\s*:)");

    /** Polls the orders flow every 30 minutes (the default) and runs no other flow, so only orders calls count. */
    static final SyncScheduler ORDERS_ONLY = new SyncScheduler() {
        private final IntervalSyncScheduler inner = IntervalSyncScheduler.defaults();

        @Override
        public boolean isDue(Flow flow, Optional<Instant> lastRun, Instant now) {
            return flow == Flow.ORDERS && inner.isDue(flow, lastRun, now);
        }

        @Override
        public Optional<Instant> nextDue(Flow flow, Optional<Instant> lastRun, Instant now) {
            return flow == Flow.ORDERS ? inner.nextDue(flow, lastRun, now) : Optional.empty();
        }
    };

    /** A world whose orders flow has run once (so it is not due for 30 minutes), with room in the quota. */
    private static SimWorld started(int quota) {
        SimWorld world = SimWorld.with(Fixture.of(1313, 10, 12)).quota(quota, WINDOW)
                .scheduler(ORDERS_ONLY).start();
        assertThat(world.engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
        world.advance(Duration.ofMinutes(1));
        return world;
    }

    private static List<SimOrder> newOrders(SimWorld world, int n) {
        List<SimOrder> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            orders.add(world.sim.store().generateOrder());
        }
        return orders;
    }

    private static List<String> numbers(List<SimOrder> orders) {
        return orders.stream().map(SimOrder::orderNo).toList();
    }

    private static Optional<OrderHint> hint(SimWorld world, String orderNo) {
        return world.store.inTransaction(tx -> Optional.ofNullable(tx.hints().findAll(List.of(orderNo)).get(orderNo)));
    }

    private static long pending(SimWorld world) {
        return world.store.inTransaction(tx -> tx.hints().pendingCount());
    }

    private static Optional<FlowReport> ordersReport(List<FlowReport> reports) {
        return reports.stream().filter(r -> r.flow() == Flow.ORDERS).findFirst();
    }

    private static Optional<String> lastRun(SimWorld world) {
        return world.store.inTransaction(tx -> tx.cursors().get(Explainer.lastRunCursor(Flow.ORDERS)));
    }

    /** How often each order number was asked for in orderFetch requests since {@code from}. */
    private static Map<String, Integer> fetchedNumbers(SimWorld world, int from) {
        Map<String, Integer> counts = new HashMap<>();
        List<RecordedRequest> all = world.sim.requests().all();
        for (RecordedRequest request : all.subList(from, all.size())) {
            if (request.operation() == Operation.ORDER_FETCH) {
                Matcher m = ORDER_NO.matcher(request.requestBody());
                while (m.find()) {
                    counts.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    @Test
    void hintedOrdersAreFetchedByAHintOnlyRunWithOneOrderFetchPerHundredAndNoListing() {
        try (SimWorld world = started(100)) {
            List<SimOrder> orders = newOrders(world, 150);
            Optional<String> lastRunBefore = lastRun(world);
            Optional<Instant> pollDueBefore = world.engine.nextDue(world.clock.instant());

            HintReceipt receipt = world.engine.hint(numbers(orders));
            assertThat(receipt.added()).isEqualTo(150);
            assertThat(world.engine.nextDue(world.clock.instant()))
                    .hasValue(world.clock.instant().plus(EngineOptions.DEFAULT_HINT_DELAY));
            assertThat(ordersReport(world.engine.runDue(world.clock.instant()))).as("not due before the hint delay")
                    .isEmpty();
            world.advance(Duration.ofSeconds(1));
            int listsBefore = world.sim.requests().count(Operation.ORDER_LIST);
            int fetchesBefore = world.sim.requests().count(Operation.ORDER_FETCH);
            int requestsBefore = world.sim.requests().size();
            int createsBefore = world.host.createCalls();

            FlowReport report = ordersReport(world.engine.runDue(world.clock.instant())).orElseThrow();

            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(report.imported()).isEqualTo(150);
            assertThat(world.sim.requests().count(Operation.ORDER_FETCH) - fetchesBefore).as("ceil(150/100) calls")
                    .isEqualTo(2);
            assertThat(world.sim.requests().count(Operation.ORDER_LIST)).as("no listing").isEqualTo(listsBefore);
            assertThat(fetchedNumbers(world, requestsBefore)).hasSize(150).allSatisfy((no, n) -> assertThat(n).isOne());
            assertThat(world.host.createCalls() - createsBefore).isEqualTo(150);
            for (SimOrder order : orders) {
                HostOrder hostOrder = world.host.order(order.orderNo()).orElseThrow();
                assertThat(hostOrder.imported().hub()).isEqualTo(SimWorld.expectedHub(order));
                assertThat(hostOrder.imported().stage()).isEqualTo(SimWorld.expectedStage(order.status()));
                assertThat(world.engine.explain(order.orderNo()).state()).hasValue(OrderState.IMPORTED);
            }
            assertThat(pending(world)).isZero();
            assertThat(world.listener.reports()).as("told like any run").last().isEqualTo(report);
            // polling keeps its interval: the hint-only run is not the orders flow's run
            assertThat(lastRun(world)).isEqualTo(lastRunBefore);
            assertThat(world.engine.nextDue(world.clock.instant())).isEqualTo(pollDueBefore);
            assertThat(ordersReport(world.engine.runDue(world.clock.instant().plusSeconds(1)))).isEmpty();
        }
    }

    /**
     * A notification names an order by its order number and its master order number (the parser hints both, Q42):
     * one orderFetch answers both, so the master number's hint is settled too, not fetched again and dropped.
     */
    @Test
    void aHintByOrderAndMasterNumberCostsOneOrderFetchAndSettlesBothHints() {
        try (SimWorld world = started(100)) {
            SimOrder order = newOrders(world, 1).get(0);
            assertThat(order.masterOrderNo()).isNotEqualTo(order.orderNo());
            world.engine.hint(List.of(order.orderNo(), order.masterOrderNo()));
            int fetchesBefore = world.sim.requests().count(Operation.ORDER_FETCH);

            for (int second = 0; second < 600; second++) {
                world.advance(Duration.ofSeconds(1));
                world.engine.runDue(world.clock.instant());
            }

            assertThat(world.sim.requests().count(Operation.ORDER_FETCH) - fetchesBefore).isOne();
            assertThat(world.host.order(order.orderNo())).isPresent();
            assertThat(hint(world, order.masterOrderNo())).as("settled, not retried or dropped").isEmpty();
            assertThat(pending(world)).isZero();
        }
    }

    /**
     * A flood of notifications (an order every 2 seconds for 10 minutes, each hinted at once) is paced: 10 hint-only
     * runs back to back, then one per 30 seconds, so the hints cost at most 10 + 20 orderFetch calls instead of one
     * per order, and every order still arrives exactly once.
     */
    @Test
    void aFloodOfHintsIsPacedAndEveryOrderStillArrivesOnce() {
        try (SimWorld world = started(1_000)) {
            int fetchesBefore = world.sim.requests().count(Operation.ORDER_FETCH);
            int createsBefore = world.host.createCalls();
            List<SimOrder> orders = new ArrayList<>();
            for (int second = 0; second < 600; second++) {
                if (second % 2 == 0) {
                    SimOrder order = newOrders(world, 1).get(0);
                    orders.add(order);
                    world.engine.hint(List.of(order.orderNo()));
                }
                world.advance(Duration.ofSeconds(1));
                world.engine.runDue(world.clock.instant());
            }
            int hintFetches = world.sim.requests().count(Operation.ORDER_FETCH) - fetchesBefore;
            for (int second = 0; second < 60; second++) { // the last hints come due at the pace
                world.advance(Duration.ofSeconds(1));
                world.engine.runDue(world.clock.instant());
            }

            assertThat(hintFetches).as("10 back to back + 600 s / 30 s, not one per order").isLessThanOrEqualTo(31);
            for (SimOrder order : orders) {
                assertThat(world.host.order(order.orderNo())).as(order.orderNo()).isPresent();
            }
            assertThat(world.host.createCalls() - createsBefore).isEqualTo(orders.size());
            assertThat(pending(world)).isZero();
        }
    }

    @Test
    void aHintedOrderGoesThroughTheRulesOfAPolledOrderAndACancellationOnBabyshopCancelsItInTheHost() {
        try (SimWorld world = started(100)) {
            SimOrder order = world.sim.store().setOrderStatus(world.sim.store().generateOrder().orderNo(),
                    OrderStatus.CONFIRMED.code());
            world.engine.hint(List.of(order.orderNo()));
            world.advance(Duration.ofSeconds(2));
            assertThat(ordersReport(world.engine.runDue(world.clock.instant())).orElseThrow().imported()).isOne();
            String hostOrderId = world.host.order(order.orderNo()).orElseThrow().hostOrderId();

            world.sim.store().cancelOnChannel(order.orderNo());
            HintReceipt again = world.engine.hint(List.of(order.orderNo()));
            assertThat(again.added()).as("the first hint was settled by its fetch").isOne();
            world.advance(Duration.ofSeconds(2));
            FlowReport report = ordersReport(world.engine.runDue(world.clock.instant())).orElseThrow();

            assertThat(report.updated()).isOne();
            assertThat(world.host.order(order.orderNo())).hasValueSatisfying(o -> assertThat(o.cancelled()).isTrue());
            assertThat(world.listener.subjects("orderCancelled")).containsExactly(order.orderNo());
            assertThat(world.engine.explain(order.orderNo()).state()).hasValue(OrderState.CANCELLED);
            assertThat(world.host.createCalls()).as("imported once").isEqualTo(
                    world.host.orders().size());
            assertThat(world.host.order(order.orderNo()).orElseThrow().hostOrderId()).isEqualTo(hostOrderId);
        }
    }

    @Test
    void aHintRecordedBeforeACrashIsFetchedByTheNextEngineOnTheSameStore() {
        try (SimWorld world = started(100)) {
            SimOrder order = world.sim.store().generateOrder();
            SyncEngine first = world.newEngine("engine-crashed");
            assertThat(first.hint(List.of(order.orderNo())).added()).isOne();
            // the process dies: the engine is dropped without close(); a restarted one opens the same store
            world.advance(Duration.ofSeconds(5));
            try (SyncEngine restarted = world.newEngine("engine-restarted")) {
                FlowReport report = ordersReport(restarted.runDue(world.clock.instant())).orElseThrow();
                assertThat(report.imported()).isOne();
            }
            assertThat(world.host.order(order.orderNo())).isPresent();
            assertThat(pending(world)).isZero();
        }
    }

    @Test
    void aHintForAnUnknownNumberIsRetriedWithBackOffThenDroppedAndNeverQuarantinedOrCreated() {
        try (SimWorld world = started(100)) {
            String unknown = "NOSUCH-77";
            int ordersBefore = world.host.orders().size();
            world.engine.hint(List.of(unknown));
            Instant t0 = world.clock.instant();
            int fetchesBefore = world.sim.requests().count(Operation.ORDER_FETCH);

            world.advance(Duration.ofSeconds(1));
            assertThat(ordersReport(world.engine.runDue(world.clock.instant()))).isPresent();
            OrderHint first = hint(world, unknown).orElseThrow();
            assertThat(first.attempts()).isOne();
            assertThat(first.pending()).isTrue();
            assertThat(first.dueAt()).isEqualTo(t0.plusSeconds(1).plus(Duration.ofMinutes(1)));
            assertThat(world.engine.explain(unknown).details()).anySatisfy(d -> assertThat(d)
                    .startsWith("hinted 1 time(s)").contains("fetches it at " + first.dueAt()));

            world.advance(Duration.ofSeconds(30));
            assertThat(ordersReport(world.engine.runDue(world.clock.instant()))).as("backing off").isEmpty();
            world.advance(Duration.ofSeconds(30));
            assertThat(ordersReport(world.engine.runDue(world.clock.instant()))).isPresent();
            OrderHint second = hint(world, unknown).orElseThrow();
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(second.dueAt()).as("doubled").isEqualTo(world.clock.instant().plus(Duration.ofMinutes(2)));

            world.advance(Duration.ofMinutes(2));
            assertThat(ordersReport(world.engine.runDue(world.clock.instant()))).isPresent();
            OrderHint dropped = hint(world, unknown).orElseThrow();
            assertThat(dropped.pending()).isFalse();
            assertThat(dropped.reason()).hasValue(OrderHints.NOT_FOUND);
            assertThat(world.engine.explain(unknown).details()).anySatisfy(d -> assertThat(d)
                    .startsWith("hint dropped at").endsWith(OrderHints.NOT_FOUND));
            assertThat(world.sim.requests().count(Operation.ORDER_FETCH) - fetchesBefore).isEqualTo(3);

            world.advance(Duration.ofMinutes(10));
            assertThat(ordersReport(world.engine.runDue(world.clock.instant()))).as("dropped: no more fetches")
                    .isEmpty();
            assertThat(world.sim.requests().count(Operation.ORDER_FETCH) - fetchesBefore).isEqualTo(3);
            Map<String, ?> quarantined = world.store.inTransaction(tx -> tx.quarantine().findAll(Flow.ORDERS,
                    List.of(unknown)));
            assertThat(quarantined).isEmpty();
            Optional<?> record = world.store.inTransaction(tx -> tx.orders().find(unknown));
            assertThat(record).isEmpty();
            assertThat(world.host.orders()).hasSize(ordersBefore);
            assertThat(world.engine.deadLetters(100)).isEmpty();

            // kept a day for explain, then pruned by a later drain
            world.advance(Duration.ofDays(1));
            world.engine.run(Flow.ORDERS);
            assertThat(hint(world, unknown)).isEmpty();
        }
    }

    @Test
    void aFullRunAfterHintsFetchesEachOrderOnceAndSettlesTheHints() {
        try (SimWorld world = started(100)) {
            List<SimOrder> orders = newOrders(world, 30);
            world.engine.hint(numbers(orders));
            world.advance(Duration.ofMinutes(31)); // the orders flow is due: a full run, not a hint-only one
            int requestsBefore = world.sim.requests().size();
            int listsBefore = world.sim.requests().count(Operation.ORDER_LIST);

            List<FlowReport> reports = world.engine.runDue(world.clock.instant());
            FlowReport report = ordersReport(reports).orElseThrow();

            assertThat(reports).filteredOn(r -> r.flow() == Flow.ORDERS).as("one orders run").hasSize(1);
            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(world.sim.requests().count(Operation.ORDER_LIST)).isGreaterThan(listsBefore);
            Map<String, Integer> fetched = fetchedNumbers(world, requestsBefore);
            for (SimOrder order : orders) {
                assertThat(fetched.get(order.orderNo())).as("fetches of %s", order.orderNo()).isOne();
                assertThat(world.host.order(order.orderNo())).isPresent();
            }
            assertThat(pending(world)).isZero();
            assertThat(lastRun(world)).hasValue(world.clock.instant().toString());
        }
    }

    @Test
    void hintsWhileOrderSyncIsOffAreRefusedAndNothingIsWritten() {
        try (SimWorld world = started(100)) {
            world.engine.updateSettings(SimWorld.ACTOR, s -> StoreSettings.builder().from(s).orderSync(false).build());
            SimOrder order = world.sim.store().generateOrder();

            HintReceipt receipt = world.engine.hint(List.of(order.orderNo(), "bad number!", order.orderNo()));

            assertThat(receipt.refused()).isEqualTo(3);
            assertThat(receipt.accepted()).isZero();
            assertThat(hint(world, order.orderNo())).isEmpty();
            world.advance(Duration.ofSeconds(5));
            int fetches = world.sim.requests().count(Operation.ORDER_FETCH);
            assertThat(ordersReport(world.engine.runDue(world.clock.instant()))).isEmpty();
            assertThat(world.sim.requests().count(Operation.ORDER_FETCH)).isEqualTo(fetches);
        }
    }

    @Test
    void theHintOnlyRunSpendsTheOrdersTierAndWaitsForTheQuotaWindowWithoutABusyLoop() {
        try (SimWorld world = started(20)) {
            SimOrder order = world.sim.store().generateOrder();
            world.engine.hint(List.of(order.orderNo()));
            world.advance(Duration.ofSeconds(1));
            // another process on the credential spent the window
            while (world.budget().tryAcquire(QuotaBudget.TOP_TIER, world.clock.instant()).isGranted()) {
                // spend
            }
            int grantsBefore = world.budget().grants().size();
            Instant start = world.clock.instant();

            FlowReport report = ordersReport(world.engine.runDue(start)).orElseThrow();

            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(report.imported()).isOne();
            assertThat(world.listener.events("waitingForQuota")).as("waited once, visibly").hasSize(1);
            assertThat(world.clock.instant()).as("slept through the simulated window").isAfter(start);
            List<Integer> tiers = world.budget().grantedTiers();
            assertThat(tiers.subList(grantsBefore, tiers.size())).containsOnly(Flow.ORDERS.priority());
        }
    }

    @Test
    void aHintOnlyRunStoppedForQuotaIsNotRetriedBeforeTheTiersNextPermit() {
        EngineOptions noWait = EngineOptions.builder().instanceId("engine-A").maxQuotaWait(Duration.ZERO).build();
        try (SimWorld world = SimWorld.with(Fixture.of(1313, 10, 12)).quota(20, WINDOW).options(noWait)
                .scheduler(ORDERS_ONLY).start()) {
            world.engine.run(Flow.ORDERS);
            world.advance(Duration.ofMinutes(1));
            SimOrder order = world.sim.store().generateOrder();
            world.engine.hint(List.of(order.orderNo()));
            world.advance(Duration.ofSeconds(1));
            while (world.budget().tryAcquire(QuotaBudget.TOP_TIER, world.clock.instant()).isGranted()) {
                // spend
            }
            FlowReport stopped = ordersReport(world.engine.runDue(world.clock.instant())).orElseThrow();
            assertThat(stopped.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
            Instant permit = stopped.continueAt().orElseThrow();
            assertThat(permit).isAfter(world.clock.instant());
            assertThat(world.engine.nextDue(world.clock.instant())).hasValue(permit);

            // the bridge's loop ticks every second: nothing runs (no call asked of the budget) until the permit
            int decisions = world.budget().decisions().size();
            for (int i = 0; i < 10; i++) {
                world.advance(Duration.ofSeconds(1));
                assertThat(ordersReport(world.engine.runDue(world.clock.instant()))).isEmpty();
            }
            assertThat(world.budget().decisions()).hasSize(decisions);
            assertThat(world.engine.continuation(Flow.ORDERS)).as("the orders flow's own continuation").isEmpty();

            world.clock.advance(Duration.between(world.clock.instant(), permit));
            FlowReport resumed = ordersReport(world.engine.runDue(world.clock.instant())).orElseThrow();
            assertThat(resumed.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(world.host.order(order.orderNo())).isPresent();
        }
    }

    @Test
    void aFailedHintOnlyRunIsNotRetriedBeforeTheRetryDelay() {
        try (SimWorld world = started(100)) {
            SimOrder order = world.sim.store().generateOrder();
            world.engine.hint(List.of(order.orderNo()));
            world.advance(Duration.ofSeconds(1));
            world.sim.faults().failNext(Operation.ORDER_FETCH, 50, FaultKind.HTTP_503);

            FlowReport failed = ordersReport(world.engine.runDue(world.clock.instant())).orElseThrow();
            assertThat(failed.outcome()).isEqualTo(FlowOutcome.FAILED);
            world.sim.faults().clear();
            Instant retryAt = failed.finishedAt().plus(world.options.retryDelay());
            assertThat(world.engine.nextDue(world.clock.instant())).hasValue(retryAt);
            int fetches = world.sim.requests().count(Operation.ORDER_FETCH);
            for (int i = 0; i < 10; i++) {
                world.advance(Duration.ofSeconds(1));
                assertThat(ordersReport(world.engine.runDue(world.clock.instant()))).isEmpty();
            }
            assertThat(world.sim.requests().count(Operation.ORDER_FETCH)).isEqualTo(fetches);
            assertThat(hint(world, order.orderNo())).as("still pending").hasValueSatisfying(h ->
                    assertThat(h.pending()).isTrue());

            world.clock.advance(Duration.between(world.clock.instant(), retryAt));
            assertThat(ordersReport(world.engine.runDue(world.clock.instant())).orElseThrow().imported()).isOne();
        }
    }

    @Test
    void aHintOnlyRunTakesTheOrdersLeaseAndIsSkippedWhileAnotherNodeHoldsIt() {
        try (SimWorld world = started(100)) {
            SimOrder order = world.sim.store().generateOrder();
            world.engine.hint(List.of(order.orderNo()));
            world.advance(Duration.ofSeconds(1));
            assertThat(world.store.leases().acquire(Flow.ORDERS, "engine-B", world.clock.instant(),
                    Duration.ofSeconds(30))).isPresent();
            int fetches = world.sim.requests().count(Operation.ORDER_FETCH);

            FlowReport skipped = ordersReport(world.engine.runDue(world.clock.instant())).orElseThrow();

            assertThat(skipped.outcome()).isEqualTo(FlowOutcome.LEASE_HELD_ELSEWHERE);
            assertThat(skipped.error()).hasValueSatisfying(e -> assertThat(e).contains("engine-B"));
            assertThat(world.sim.requests().count(Operation.ORDER_FETCH)).isEqualTo(fetches);
            assertThat(hint(world, order.orderNo())).hasValueSatisfying(h -> assertThat(h.pending()).isTrue());
        }
    }

    @Test
    void aHintRenewedAfterItsOrderWasFetchedStaysPendingAndIsFetchedOnceMore() {
        AtomicReference<Runnable> onFetch = new AtomicReference<>();
        try (SimWorld world = SimWorld.with(Fixture.of(1313, 10, 12)).quota(100, WINDOW).scheduler(ORDERS_ONLY)
                .decorate((sim, gateway) -> new ForwardingGateway(gateway) {
                    @Override
                    protected void before(String method) {
                        Runnable hook = "fetchOrders".equals(method) ? onFetch.getAndSet(null) : null;
                        if (hook != null) {
                            hook.run();
                        }
                    }
                }).start()) {
            world.engine.run(Flow.ORDERS);
            world.advance(Duration.ofMinutes(1));
            SimOrder order = world.sim.store().generateOrder();
            world.engine.hint(List.of(order.orderNo()));
            world.advance(Duration.ofSeconds(1));
            Instant[] renewedAt = new Instant[1];
            onFetch.set(() -> {
                // a second notification arrives after the hint-only run asked for the order
                renewedAt[0] = world.advance(Duration.ofSeconds(1));
                assertThat(world.engine.hint(List.of(order.orderNo())).renewed()).isOne();
            });
            int fetches = world.sim.requests().count(Operation.ORDER_FETCH);

            assertThat(ordersReport(world.engine.runDue(world.clock.instant())).orElseThrow().imported()).isOne();

            OrderHint kept = hint(world, order.orderNo()).orElseThrow();
            assertThat(kept.pending()).isTrue();
            assertThat(kept.timesHinted()).isEqualTo(2);
            assertThat(kept.attempts()).isZero();
            assertThat(kept.dueAt()).isEqualTo(renewedAt[0].plus(EngineOptions.DEFAULT_HINT_DELAY));
            world.advance(Duration.ofSeconds(1));
            assertThat(ordersReport(world.engine.runDue(world.clock.instant()))).isPresent();
            assertThat(world.sim.requests().count(Operation.ORDER_FETCH) - fetches).isEqualTo(2);
            assertThat(hint(world, order.orderNo())).isEmpty();
            assertThat(world.host.createCalls()).isEqualTo(world.host.orders().size());
        }
    }

    @Test
    void hintAfterCloseIsRefused() {
        SimWorld world = started(100);
        world.close();
        assertThatThrownBy(() -> world.engine.hint(List.of("A-1"))).isInstanceOf(IllegalStateException.class);
    }
}
