package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.testing.RecordingBudget;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 end to end, through the real client and the simulator on simulated time: one quota budget owns
 * every call (each HTTP request takes exactly one permit, a 304 bisection included), the engine plans the
 * batches, the top tier waits for the window visibly and keeps its lease (or stops when it loses it), less
 * urgent tiers stop instead of waiting and a later run finishes their work.
 */
class OneQuotaBudgetEndToEndTest {
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final BigDecimal STOCK = new BigDecimal("7");

    /** The calls a process on the same credential made just now, through the shared budget. */
    private static void spend(SimWorld world, int calls) {
        for (int i = 0; i < calls; i++) {
            assertThat(world.budget().tryAcquire(QuotaBudget.TOP_TIER, world.clock.instant()).isGranted()).isTrue();
        }
    }

    private static List<InventoryState> pending(SimWorld world) {
        return world.store.inTransaction(tx -> tx.inventory().pending(1_000));
    }

    private static void stockForEveryLink(SimWorld world) {
        world.links().keySet().forEach(code -> world.host.setStock(code, SimWorld.DXB, STOCK));
    }

    /**
     * A push with two SKUs Babyshop no longer knows is refused as a whole (304); the engine bisects it, each half
     * a request of its own: the server saw exactly as many requests as the budget granted permits, the known
     * SKUs are pushed and the unknown ones dead-lettered with the code.
     */
    @Test
    void aPushRefusedFor304IsBisectedAndTheServerSawExactlyTheCallsTheBudgetGranted() {
        try (SimWorld world = SimWorld.with(Fixture.of(5, 4, 40)).quota(400, WINDOW).start()) {
            assertThat(world.engine.run(Flow.CATALOG).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            List<SimProduct> known = world.validProducts();
            // two products were deleted on Babyshop after the catalog flow linked them
            Instant now = world.clock.instant();
            world.store.runInTransaction(tx -> {
                tx.catalog().saveLink(SkuLink.of("GHOST-V1", "GHOST-SKU-1", now));
                tx.catalog().saveLink(SkuLink.of("GHOST-V2", "GHOST-SKU-2", now));
            });
            stockForEveryLink(world);
            int requestsBefore = world.sim.requests().size();
            int grantsBefore = world.budget().grants().size();

            FlowReport report = world.engine.run(Flow.INVENTORY);

            List<RecordedRequest> requests = world.sim.requests().all().subList(requestsBefore,
                    world.sim.requests().size());
            int grants = world.budget().grants().size() - grantsBefore;
            System.out.printf("304 bisection: %d SKUs, 2 unknown: %d requests (%d refused with 304), %d permits%n",
                    known.size() + 2, requests.size(), requests.stream().filter(r -> r.answered(304)).count(), grants);
            assertThat(requests).as("server-side calls").hasSize(grants);
            assertThat(requests).extracting(RecordedRequest::operation).containsOnly(Operation.INVENTORY_PRICE_UPDATE);
            assertThat(requests).as("the first call and the halves holding an unknown SKU were refused")
                    .filteredOn(r -> r.answered(304)).hasSizeGreaterThan(2);
            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(report.pushed()).isEqualTo(known.size());
            assertThat(report.failed()).isEqualTo(2);
            Map<String, InventoryUpdate> onBabyshop = world.sim.store().latestInventory();
            for (SimProduct product : known) {
                assertThat(onBabyshop.get(product.sku()).invQty()).as(product.sku()).isEqualByComparingTo(STOCK);
            }
            for (String ghost : List.of("GHOST-V1", "GHOST-V2")) {
                InventoryState state = world.inventoryState(ghost).orElseThrow();
                assertThat(state.deadLettered()).as(ghost).isTrue();
                assertThat(state.lastError()).hasValueSatisfying(e -> assertThat(e).contains("304"));
            }
            assertThat(world.listener.subjects("inventoryRejected")).containsExactlyInAnyOrder("GHOST-V1", "GHOST-V2");
        }
    }

    /**
     * The orders flow (top tier) finds the window used up by another process: it waits until the window frees,
     * tells the listener until when, sleeps in slices no longer than the renewal interval, keeps its lease
     * (another node is refused the flow all along), and then imports every order once.
     */
    @Test
    void theOrdersFlowWaitsForTheWindowVisiblyAndKeepsItsLease() {
        try (SimWorld world = SimWorld.with(Fixture.of(17, 60, 10)).quota(40, WINDOW)
                .options(EngineOptions.builder().instanceId("configurer").build()).start()) {
            RecordingListener node1Listener = new RecordingListener();
            SyncEngine node1 = world.newEngine(EngineOptions.builder().instanceId("node-1").build(), world.store,
                    world.gateway, world.host, node1Listener);
            SyncEngine node2 = world.newEngine(EngineOptions.builder().instanceId("node-2").build(), world.store,
                    world.gateway, world.host, world.listener);
            Instant start = world.clock.instant();
            spend(world, 40);
            List<FlowReport> node2Runs = new CopyOnWriteArrayList<>();
            world.sleeper.stepping(Duration.ofSeconds(10), slept -> {
                if (node2Runs.size() < 3 && world.clock.instant().isAfter(start.plusSeconds(90))) {
                    node2Runs.add(node2.run(Flow.ORDERS));
                }
            });

            FlowReport report = node1.run(Flow.ORDERS);

            assertThat(node1Listener.events("waitingForQuota")).as("told once, with until when")
                    .containsExactly("waitingForQuota ORDERS: " + start.plus(WINDOW));
            assertThat(world.sleeper.sleeps()).as("slices of at most the renewal interval").hasSize(30)
                    .allMatch(slice -> slice.compareTo(EngineOptions.DEFAULT_LEASE_TTL.dividedBy(3)) <= 0);
            assertThat(node2Runs).hasSize(3).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(FlowOutcome.LEASE_HELD_ELSEWHERE);
                assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).startsWith("lease held by node-1 until "));
            });
            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            assertThat(world.sim.requests().all()).noneMatch(r -> r.answered(13));
            world.budget().assertNoTierExceededItsShare(4);
            RecordingBudget.assertEveryGrantLeftTheReserve(world.budget().decisions(), world.budget().limits());
            world.budget().assertTopTierRefusedOnlyWhenTheWindowWasFull();
            node1.close();
            node2.close();
        }
    }

    /** A run whose lease is lost while it waits for the window stops after that slice, having sent nothing. */
    @Test
    void aRunThatLosesItsLeaseWhileWaitingStopsWithoutACall() {
        try (SimWorld world = SimWorld.with(Fixture.of(17, 20, 10)).quota(40, WINDOW)
                .options(EngineOptions.builder().instanceId("node-1").build()).start()) {
            spend(world, 40);
            world.sleeper.stepping(Duration.ofSeconds(10), slept -> world.store.leases().release(Flow.ORDERS, "node-1"));

            FlowReport report = world.engine.run(Flow.ORDERS);

            assertThat(report.outcome()).isEqualTo(FlowOutcome.LEASE_LOST);
            assertThat(world.sleeper.sleeps()).as("one slice").hasSize(1);
            assertThat(world.sim.requests().size()).as("requests sent").isZero();
            assertThat(world.listener.events("waitingForQuota")).hasSize(1);
            assertThat(world.host.orders()).isEmpty();
        }
    }

    /**
     * The inventory flow (tier 2) never waits: with fewer calls left than the 10 it keeps for more urgent flows it
     * stops with WAITING_ON_QUOTA at once (no sleep, no request, no wait reported), everything pending; a run
     * after the window rolled pushes it all.
     */
    @Test
    void aLessUrgentFlowStopsInsteadOfWaitingAndALaterRunFinishesItsWork() {
        try (SimWorld world = SimWorld.with(Fixture.of(23, 4, 30)).quota(40, WINDOW).start()) {
            assertThat(world.engine.run(Flow.CATALOG).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            stockForEveryLink(world);
            int linked = world.links().size();
            world.advance(WINDOW);
            spend(world, 31); // 9 left: tier 2 keeps 10
            int sleeps = world.sleeper.sleeps().size();
            int requests = world.sim.requests().size();

            FlowReport first = world.engine.run(Flow.INVENTORY);

            assertThat(first.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
            assertThat(first.quotaRemaining()).hasValue(9);
            assertThat(world.sleeper.sleeps()).as("no wait").hasSize(sleeps);
            assertThat(world.sim.requests().size()).as("no request").isEqualTo(requests);
            assertThat(world.listener.events("waitingForQuota")).isEmpty();
            assertThat(world.budget().refusals(Flow.INVENTORY.priority())).isEqualTo(1);
            assertThat(pending(world)).hasSize(linked);

            world.advance(WINDOW);
            FlowReport later = world.engine.run(Flow.INVENTORY);

            assertThat(later.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(later.pushed()).isEqualTo(linked);
            assertThat(pending(world)).isEmpty();
            world.budget().assertNoTierExceededItsShare(4);
            RecordingBudget.assertEveryGrantLeftTheReserve(world.budget().decisions(), world.budget().limits());
        }
    }
}
