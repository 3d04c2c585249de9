package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.internal.InventoryResync;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.SimulatorStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, "inventory that converges", end to end through the real client and the simulator on simulated time:
 * a quantity refused in moderation is pushed again after a back-off until approved (or dead-lettered after
 * {@code maxModerationRefusals}, until a new host quantity supersedes it); a stock level changed by hand on
 * Babyshop is corrected by the daily re-assertion; a hard sync pushes every linked SKU exactly once for
 * {@code ceil(links / 100)} calls, and a quota stop or a crash in the middle of its walk goes on from where it was.
 */
class InventoryConvergenceEndToEndTest {
    private static final Duration RUN_EVERY = Duration.ofMinutes(15);
    private static final Duration WINDOW = Duration.ofMinutes(5);

    /** Host stock for every linked SKU (1, 2, 3, ... in the DXB hub), then one inventory run pushing it all. */
    private static FlowReport stockAndFirstPush(SimWorld world) {
        assertThat(world.engine.run(Flow.CATALOG).outcome()).isEqualTo(FlowOutcome.COMPLETED);
        List<SimProduct> linked = world.validProducts();
        for (int i = 0; i < linked.size(); i++) {
            world.host.setStock(linked.get(i).vendorSkuCode(), SimWorld.DXB, BigDecimal.valueOf(i % 50 + 1));
        }
        world.advance(Duration.ofSeconds(1));
        FlowReport first = world.engine.run(Flow.INVENTORY);
        assertThat(first.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(first.pushed()).isEqualTo(linked.size());
        return first;
    }

    /** The SKUs the engine pushed since entry {@code from} of the simulator's inventory history, with their count. */
    private static Map<String, Long> pushedSince(SimWorld world, int from) {
        List<InventoryUpdate> all = world.sim.store().inventoryUpdates();
        return all.subList(from, all.size()).stream().filter(u -> !SimulatorStore.BY_HAND.equals(u.credential()))
                .collect(Collectors.groupingBy(InventoryUpdate::sku, Collectors.counting()));
    }

    private static int pushCalls(SimWorld world) {
        return world.sim.requests().count(Operation.INVENTORY_PRICE_UPDATE);
    }

    private static int ceilHundreds(int n) {
        return (n + 99) / 100;
    }

    private static void assertBabyshopHoldsTheHostsStock(SimWorld world) {
        Map<String, InventoryUpdate> onBabyshop = world.sim.store().latestInventory();
        for (SimProduct p : world.validProducts()) {
            assertThat(onBabyshop.get(p.sku()).invQty()).as(p.sku())
                    .isEqualByComparingTo(world.expectedQuantity(p.vendorSkuCode()));
        }
    }

    @Test
    void aModerationRefusalIsPushedAgainAfterItsBackOffAndConverges() {
        try (SimWorld world = SimWorld.with(Fixture.of(13, 0, 40)).start()) {
            stockAndFirstPush(world);
            SimProduct refused = world.validProducts().get(0);
            BigDecimal quantity = world.expectedQuantity(refused.vendorSkuCode());
            long firstId = world.sim.store().latestInventory().get(refused.sku()).moderationId();
            world.sim.store().decideModeration(firstId, "Rejected");
            int mark = world.sim.store().inventoryUpdates().size();

            Instant giveUp = world.clock.instant().plus(Duration.ofHours(4));
            while (world.clock.instant().isBefore(giveUp) && !world.inventoryState(refused.vendorSkuCode())
                    .orElseThrow().moderationStatus().equals(java.util.Optional.of("Approved"))) {
                world.advance(RUN_EVERY);
                world.engine.run(Flow.INVENTORY);
            }

            assertThat(world.sim.store().inventoryHistory(refused.sku())).extracting(InventoryUpdate::invQty)
                    .as("pushed again once, with the same quantity").hasSize(2)
                    .allSatisfy(qty -> assertThat(qty).isEqualByComparingTo(quantity));
            assertThat(pushedSince(world, mark)).as("no other SKU pushed again").containsOnlyKeys(refused.sku());
            InventoryState state = world.inventoryState(refused.vendorSkuCode()).orElseThrow();
            assertThat(state.moderationStatus()).contains("Approved");
            assertThat(state.acknowledgedQuantity()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo(quantity));
            assertThat(state.pendingQuantity()).isEmpty();
            assertThat(state.retryAt()).isEmpty();
            assertThat(state.moderationRefusals()).isZero();
            assertThat(state.deadLettered()).isFalse();
            assertThat(world.listener.events("inventoryRejected")).as("the refusal heard once, with its reason")
                    .singleElement().satisfies(event -> assertThat(event).contains(refused.vendorSkuCode())
                            .contains("Rejected").contains("pushed again after"));
            InventoryUpdate second = world.sim.store().inventoryHistory(refused.sku()).get(1);
            Instant firstPush = world.sim.store().inventoryHistory(refused.sku()).get(0).receivedAt();
            assertThat(Duration.between(firstPush, second.receivedAt())).as("re-pushed after the read and the back-off")
                    .isGreaterThanOrEqualTo(world.options.moderationCheckDelay().plus(world.options.retryDelay()));
            assertBabyshopHoldsTheHostsStock(world);
        }
    }

    @Test
    void repeatedRefusalsAreDeadLetteredWithTheReasonAndANewHostQuantitySupersedesThem() {
        EngineOptions options = EngineOptions.builder().instanceId("engine-A").maxModerationRefusals(2)
                .moderationMaxWait(Duration.ofMinutes(10)).build();
        try (SimWorld world = SimWorld.with(Fixture.of(13, 0, 40)).options(options).start()) {
            stockAndFirstPush(world);
            SimProduct refused = world.validProducts().get(1);
            Set<Long> decided = new HashSet<>();
            Instant giveUp = world.clock.instant().plus(Duration.ofHours(6));
            while (world.clock.instant().isBefore(giveUp)
                    && !world.inventoryState(refused.vendorSkuCode()).orElseThrow().deadLettered()) {
                long latest = world.sim.store().latestInventory().get(refused.sku()).moderationId();
                if (decided.add(latest)) {
                    world.sim.store().decideModeration(latest, "Rejected: stock above the listing cap");
                }
                world.advance(RUN_EVERY);
                world.engine.run(Flow.INVENTORY);
            }

            InventoryState dead = world.inventoryState(refused.vendorSkuCode()).orElseThrow();
            assertThat(dead.deadLettered()).isTrue();
            assertThat(dead.moderationRefusals()).isEqualTo(2);
            assertThat(dead.lastError()).hasValueSatisfying(e -> assertThat(e).contains("stock above the listing cap"));
            assertThat(dead.acknowledgedQuantity()).as("not in place on Babyshop").isEmpty();
            assertThat(world.sim.store().inventoryHistory(refused.sku())).hasSize(2);
            assertThat(world.listener.events("inventoryRejected")).hasSize(2).last().satisfies(event ->
                    assertThat(event).contains("dead-lettered after 2 refusal(s)"));
            world.advance(Duration.ofHours(2));
            world.engine.run(Flow.INVENTORY);
            assertThat(world.sim.store().inventoryHistory(refused.sku())).as("a dead letter is not pushed").hasSize(2);

            world.host.setStock(refused.vendorSkuCode(), SimWorld.DXB, new BigDecimal("3"));
            world.advance(Duration.ofMinutes(1));
            world.engine.run(Flow.INVENTORY);

            assertThat(world.sim.store().inventoryHistory(refused.sku())).hasSize(3).last()
                    .satisfies(u -> assertThat(u.invQty()).isEqualByComparingTo("3"));
            InventoryState superseded = world.inventoryState(refused.vendorSkuCode()).orElseThrow();
            assertThat(superseded.deadLettered()).isFalse();
            assertThat(superseded.moderationRefusals()).isZero();
            assertThat(superseded.acknowledgedQuantity()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("3"));
        }
    }

    @Test
    void aStockEditOnBabyshopsSideIsCorrectedByTheDailyReassertion() {
        try (SimWorld world = SimWorld.with(Fixture.of(11, 0, 40)).start()) {
            stockAndFirstPush(world);
            int links = world.links().size();
            SimProduct edited = world.validProducts().get(3);
            world.sim.store().editStockByHand(edited.sku(), new BigDecimal("999"));

            world.advance(Duration.ofHours(1));
            world.engine.run(Flow.INVENTORY);
            assertThat(world.sim.store().latestInventory().get(edited.sku()).invQty())
                    .as("nothing changed in the host: not corrected before the re-assertion is due")
                    .isEqualByComparingTo("999");

            world.advance(Duration.ofDays(1));
            int calls = pushCalls(world);
            int mark = world.sim.store().inventoryUpdates().size();
            FlowReport reassertion = world.engine.run(Flow.INVENTORY);

            assertThat(reassertion.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(world.sim.store().latestInventory().get(edited.sku()).invQty())
                    .isEqualByComparingTo(world.expectedQuantity(edited.vendorSkuCode()));
            assertBabyshopHoldsTheHostsStock(world);
            Map<String, Long> pushed = pushedSince(world, mark);
            assertThat(pushed).hasSize(links).allSatisfy((sku, times) -> assertThat(times).as(sku).isEqualTo(1L));
            assertThat(pushCalls(world) - calls).as("what a day's re-assertion costs").isEqualTo(ceilHundreds(links));
            System.out.printf("re-assertion: %d links, %d inventory calls%n", links, pushCalls(world) - calls);
            Instant completed = world.store.inTransaction(InventoryResync::lastCompleted).orElseThrow();
            assertThat(completed).isAfterOrEqualTo(reassertion.startedAt());

            world.advance(Duration.ofHours(1));
            int again = pushCalls(world);
            world.engine.run(Flow.INVENTORY);
            assertThat(pushCalls(world)).as("not again before another day").isEqualTo(again);
        }
    }

    @Test
    void aHardSyncPushesEveryLinkedSkuExactlyOnceForCeilLinksOver100Calls() {
        try (SimWorld world = SimWorld.with(Fixture.of(7, 0, 260)).quota(1_000, WINDOW).start()) {
            stockAndFirstPush(world);
            int links = world.links().size();
            assertThat(links).isGreaterThan(200);
            world.advance(Duration.ofMinutes(1));
            int calls = pushCalls(world);
            int mark = world.sim.store().inventoryUpdates().size();

            world.engine.requestHardSync("ops");

            ConfigurationChange logged = world.engine.configurationLog().get(world.engine.configurationLog().size() - 1);
            assertThat(logged.actor()).isEqualTo("ops");
            assertThat(logged.subject()).isEqualTo("inventory.hardSync");
            assertThat(logged.after()).isEqualTo("requested");
            assertThat(world.engine.continuation(Flow.INVENTORY)).as("due at once")
                    .hasValueSatisfying(at -> assertThat(at).isBeforeOrEqualTo(world.clock.instant()));
            List<FlowReport> due = world.engine.runDue(world.clock.instant());

            assertThat(due).filteredOn(r -> r.flow() == Flow.INVENTORY).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo(FlowOutcome.COMPLETED));
            Map<String, Long> pushed = pushedSince(world, mark);
            assertThat(pushed.keySet()).containsExactlyInAnyOrderElementsOf(world.links().values());
            assertThat(pushed.values()).as("each linked SKU once").containsOnly(1L);
            assertThat(pushCalls(world) - calls).isEqualTo(ceilHundreds(links));
            System.out.printf("hard sync: %d links, %d inventory calls%n", links, pushCalls(world) - calls);
            assertBabyshopHoldsTheHostsStock(world);

            world.advance(Duration.ofMinutes(20));
            int after = pushCalls(world);
            world.engine.run(Flow.INVENTORY);
            assertThat(pushCalls(world)).as("the walk is done").isEqualTo(after);
        }
    }

    @Test
    void aWalkStoppedForQuotaGoesOnFromWhereItWasAtTheNextRun() {
        try (SimWorld world = SimWorld.with(Fixture.of(23, 0, 400)).quota(40, WINDOW).start()) {
            FlowReport first = stockAndFirstPush(world);
            int links = world.links().size();
            world.advance(Duration.ofSeconds(30));
            world.engine.requestHardSync("ops");
            int left = first.quotaRemaining().orElseThrow();
            // leave the inventory tier (which keeps 10 calls for more urgent flows) about two calls
            for (int i = 0; i < left - 12; i++) {
                assertThat(world.budget().tryAcquire(QuotaBudget.TOP_TIER, world.clock.instant()).isGranted()).isTrue();
            }
            int mark = world.sim.store().inventoryUpdates().size();

            FlowReport stopped = world.engine.run(Flow.INVENTORY);

            assertThat(stopped.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
            assertThat(stopped.continueAt()).isPresent();
            int pushedBeforeTheStop = pushedSince(world, mark).size();
            assertThat(pushedBeforeTheStop).isPositive().isLessThan(links - 100);
            assertThat(world.store.inTransaction(InventoryResync::inProgress)).as("stopped in the middle of its walk")
                    .isTrue();

            world.advance(WINDOW);
            FlowReport resumed = world.engine.runDue(world.clock.instant()).stream()
                    .filter(r -> r.flow() == Flow.INVENTORY).findFirst().orElseThrow();

            assertThat(resumed.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            Map<String, Long> pushed = pushedSince(world, mark);
            assertThat(pushed.keySet()).containsExactlyInAnyOrderElementsOf(world.links().values());
            assertThat(pushed.values()).as("each linked SKU once: the walk went on, it did not start again")
                    .containsOnly(1L);
            assertThat(world.store.inTransaction(InventoryResync::inProgress)).isFalse();
        }
    }

    @Test
    void aWalkCutShortByACrashGoesOnFromItsCursorAfterARestart() {
        AtomicBoolean armed = new AtomicBoolean();
        AtomicInteger pushesWhileArmed = new AtomicInteger();
        try (SimWorld world = SimWorld.with(Fixture.of(29, 0, 260)).quota(1_000, WINDOW)
                .decorate((sim, gateway) -> new ForwardingGateway(gateway) {
                    @Override
                    protected void before(String method) {
                        if (method.equals("pushInventory") && armed.get() && pushesWhileArmed.incrementAndGet() == 2) {
                            throw CrashSwitch.crash(); // the process dies before its second call of the walk
                        }
                    }
                }).start()) {
            stockAndFirstPush(world);
            int links = world.links().size();
            assertThat(links).isGreaterThan(200);
            world.advance(Duration.ofMinutes(1));
            world.engine.requestHardSync("ops");
            int mark = world.sim.store().inventoryUpdates().size();
            armed.set(true);

            FlowReport crashed = world.engine.run(Flow.INVENTORY);

            assertThat(crashed.outcome()).isEqualTo(FlowOutcome.FAILED);
            assertThat(pushedSince(world, mark)).hasSize(100);
            assertThat(world.store.inTransaction(InventoryResync::inProgress)).isTrue();

            world.advance(Duration.ofMinutes(1));
            SyncEngine restarted = world.newEngine("engine-B");
            try {
                FlowReport resumed = restarted.run(Flow.INVENTORY);
                assertThat(resumed.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            } finally {
                restarted.close();
            }
            Map<String, Long> pushed = pushedSince(world, mark);
            assertThat(pushed.keySet()).containsExactlyInAnyOrderElementsOf(world.links().values());
            assertThat(pushed.values()).as("each linked SKU once").containsOnly(1L);
            assertThat(world.store.inTransaction(InventoryResync::inProgress)).isFalse();
            assertBabyshopHoldsTheHostsStock(world);
        }
    }

    /**
     * Figures: a hard sync of 1,000 links costs 10 inventoryPriceUpdate calls in its run, and 10 inventoryPriceStatus
     * calls once the pushes' moderation is read (one per 100 pushed SKUs); the daily re-assertion costs the same.
     */
    @Test
    void aHardSyncOf1000LinksCosts10PushesAnd10StatusReads() {
        try (SimWorld world = SimWorld.with(Fixture.of(31, 0, 1_000).withInvalidVendorSkuShare(0)).quota(1_000, WINDOW)
                .start()) {
            stockAndFirstPush(world);
            assertThat(world.links()).hasSize(1_000);
            world.advance(Duration.ofHours(2)); // the first push's statuses are read by then
            world.engine.run(Flow.INVENTORY);
            int pushes = pushCalls(world);
            int reads = world.sim.requests().count(Operation.INVENTORY_PRICE_STATUS);

            world.engine.requestHardSync("ops");
            world.engine.run(Flow.INVENTORY);
            int hardSyncPushes = pushCalls(world) - pushes;
            world.advance(world.options.moderationCheckDelay());
            world.engine.run(Flow.INVENTORY);
            int statusReads = world.sim.requests().count(Operation.INVENTORY_PRICE_STATUS) - reads;

            System.out.printf("hard sync of 1,000 links: %d inventoryPriceUpdate calls, %d inventoryPriceStatus calls%n",
                    hardSyncPushes, statusReads);
            assertThat(hardSyncPushes).isEqualTo(10);
            assertThat(statusReads).isEqualTo(10);
        }
    }
}
