package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.testing.RecordingBudget;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.internal.FlowContinuation;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "a first sync that does not take days", end to end through the real client and the simulator on
 * simulated time, on the default schedule ({@code IntervalSyncScheduler.defaults()}: catalog every 6 hours,
 * inventory every 15 minutes, orders every 30) and the default quota (40 calls per 5 minutes, 5 kept per more
 * urgent tier). The host calls {@code runDue} when {@code nextDue} says, at the latest a minute after its last
 * call, as {@code ExecutorSyncRunner} does.
 *
 * <p>The catalog (tier 3) may make 25 calls per window: a run of a 10,000-SKU first import stops for quota after
 * about 25 pages. Before continuations it went on only at its next interval, 6 hours later; now it goes on when
 * its tier next gets a permit.
 */
class FirstSyncContinuationEndToEndTest {
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration TICK = Duration.ofMinutes(1);
    private static final Duration MIN_DELAY = Duration.ofSeconds(1);
    private static final BigDecimal STOCK = new BigDecimal("5");

    /** What the host loop saw: every report, and when the first sync was done. */
    private record Outcome(List<FlowReport> reports, Duration synced) {
    }

    /**
     * The host's loop: {@code runDue(now)}, then sleep until {@code nextDue} (at least a second, at most
     * {@link #TICK}), until {@code done} holds or {@code limit} of simulated time has passed.
     */
    private static Outcome runUntil(SimWorld world, Duration limit, Runnable everyCall,
                                    java.util.function.BooleanSupplier done) {
        Instant start = world.clock.instant();
        List<FlowReport> reports = new ArrayList<>();
        while (!done.getAsBoolean()) {
            Instant now = world.clock.instant();
            if (Duration.between(start, now).compareTo(limit) > 0) {
                return new Outcome(reports, null);
            }
            everyCall.run();
            reports.addAll(world.engine.runDue(now));
            Instant after = world.clock.instant();
            Duration wait = world.engine.nextDue(after).map(due -> Duration.between(after, due)).orElse(TICK);
            wait = wait.compareTo(MIN_DELAY) < 0 ? MIN_DELAY : wait.compareTo(TICK) > 0 ? TICK : wait;
            world.advance(wait);
        }
        return new Outcome(reports, Duration.between(start, world.clock.instant()));
    }

    /** Every valid SKU is in the host, linked, and its stock acknowledged by Babyshop. */
    private static boolean firstSyncDone(SimWorld world, List<SimProduct> valid) {
        if (world.host.skus().size() < valid.size()) {
            return false;
        }
        Map<String, InventoryState> ledger = world.store.inTransaction(tx -> valid.stream()
                .map(p -> tx.inventory().find(p.vendorSkuCode())).flatMap(Optional::stream)
                .collect(Collectors.toMap(InventoryState::vendorSkuCode, s -> s)));
        return ledger.size() == valid.size() && ledger.values().stream().allMatch(s -> s.pendingQuantity().isEmpty()
                && s.acknowledgedQuantity().filter(q -> q.compareTo(STOCK) == 0).isPresent());
    }

    /**
     * The quota's time floor of the calls the sync made: the budget lets tier {@code t} and every less urgent tier
     * together make {@code shareOf(t)} calls per window, so the calls of tiers {@code >= t} need at least
     * {@code calls / shareOf(t)} windows; the floor is the largest of these (for tier 0, the plain limit).
     */
    private static Duration floor(RecordingBudget budget, int grantsBefore) {
        QuotaLimits limits = budget.limits();
        List<RecordingBudget.Decision> grants = budget.grants().subList(grantsBefore, budget.grants().size());
        double windows = 0;
        for (int tier = 0; tier <= Flow.CATALOG.priority(); tier++) {
            int from = tier;
            long calls = grants.stream().filter(d -> d.tier() >= from).count();
            windows = Math.max(windows, (double) calls / limits.shareOf(tier));
        }
        return Duration.ofMillis(Math.round(windows * limits.window().toMillis()));
    }

    private static String minutes(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f min", d.toMillis() / 60_000.0);
    }

    /**
     * 10,000 SKUs (all with stock in the host) and a trickle of new orders: the first sync (catalog imported,
     * every SKU's stock acknowledged) finishes within 1.2x of the quota's time floor of the calls it needed
     * (about 24 simulated hours before continuations), and the orders flow gets every call it asks for all along.
     */
    @Test
    void aTenThousandSkuFirstSyncOnTheDefaultScheduleFinishesNearTheQuotaFloor() {
        try (SimWorld world = SimWorld.with(Fixture.of(16, 40, 10_000)).quota(40, WINDOW).start()) {
            List<SimProduct> valid = world.validProducts();
            valid.forEach(p -> world.host.setStock(p.vendorSkuCode(), SimWorld.DXB, STOCK));
            int grantsBefore = world.budget().grants().size();
            int[] calls = {0};
            // a new order on Babyshop every 10 simulated minutes while the catalog backlog lasts
            Instant[] lastOrder = {world.clock.instant()};
            Runnable orders = () -> {
                calls[0]++;
                if (!Duration.between(lastOrder[0], world.clock.instant()).minus(Duration.ofMinutes(10)).isNegative()) {
                    world.sim.store().generateOrder();
                    lastOrder[0] = world.clock.instant();
                }
            };

            Outcome outcome = runUntil(world, Duration.ofHours(30), orders, () -> firstSyncDone(world, valid));

            assertThat(outcome.synced()).as("the first sync finished within 30 simulated hours").isNotNull();
            Duration floor = floor(world.budget(), grantsBefore);
            long catalogPages = world.sim.requests().count(Operation.PRODUCT_FETCH);
            long pushes = world.sim.requests().count(Operation.INVENTORY_PRICE_UPDATE);
            long moderation = world.sim.requests().count(Operation.INVENTORY_PRICE_STATUS);
            long all = world.budget().grants().size() - grantsBefore;
            System.out.printf(java.util.Locale.ROOT,
                    "first sync of %d SKUs (%d valid) on the default schedule: %s simulated; floor %s "
                            + "(%d calls: %d productFetch, %d inventoryPriceUpdate, %d inventoryPriceStatus, "
                            + "%d others; at the plain limit of 40: %s); ratio %.2f; %d runDue calls%n",
                    10_000, valid.size(), minutes(outcome.synced()), minutes(floor), all, catalogPages, pushes,
                    moderation, all - catalogPages - pushes - moderation,
                    minutes(Duration.ofMillis(all * WINDOW.toMillis() / 40)),
                    (double) outcome.synced().toMillis() / floor.toMillis(), calls[0]);
            assertThat(outcome.synced()).as("within 1.2x of the quota's time floor " + minutes(floor))
                    .isLessThanOrEqualTo(Duration.ofMillis(floor.toMillis() * 12 / 10));

            // the orders flow (top tier) was never refused a call and imported every order
            List<FlowReport> orderRuns = outcome.reports().stream().filter(r -> r.flow() == Flow.ORDERS).toList();
            assertThat(orderRuns).hasSizeGreaterThan(1)
                    .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(FlowOutcome.COMPLETED));
            assertThat(world.budget().refusals(QuotaBudget.TOP_TIER)).isZero();
            world.engine.runDue(world.clock.instant().plus(Duration.ofMinutes(30)));
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            // the budget's rules held: no tier over its share, the reserve always left, no code 13
            world.budget().assertNoTierExceededItsShare(4);
            RecordingBudget.assertEveryGrantLeftTheReserve(world.budget().decisions(), world.budget().limits());
            assertThat(world.sim.requests().all()).noneMatch(r -> r.answered(13));
            // catalog continuations: several runs before its 6-hour interval, each stopped for quota with a time
            List<FlowReport> catalogRuns = outcome.reports().stream().filter(r -> r.flow() == Flow.CATALOG).toList();
            assertThat(catalogRuns.get(catalogRuns.size() - 1).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(catalogRuns.subList(0, catalogRuns.size() - 1)).hasSizeGreaterThan(3)
                    .allSatisfy(r -> assertThat(r.continueAt()).isPresent());
        }
    }

    /**
     * A catalog run that stops for quota continues exactly when its tier next gets a permit (the first call of the
     * window plus the window), not earlier; the continuation is kept in the store, so another engine instance (a
     * second node, a restart) honours it; the run that completes clears it.
     */
    @Test
    void aContinuationIsKeptInTheStoreHonouredByAnotherNodeAndClearedByTheRunThatCompletes() {
        try (SimWorld world = SimWorld.with(Fixture.of(5, 0, 4_000)).quota(40, WINDOW).start()) {
            Instant start = world.clock.instant();

            FlowReport first = world.engine.run(Flow.CATALOG);

            assertThat(first.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
            assertThat(first.continueAt()).as("when tier 3 next gets a permit").hasValue(start.plus(WINDOW));
            assertThat(cursor(world)).isEqualTo(start.plus(WINDOW).toString());

            SyncEngine restarted = world.newEngine("engine-B");
            try {
                int pages = world.sim.requests().count(Operation.PRODUCT_FETCH);
                world.advance(WINDOW.minusSeconds(1));
                assertThat(restarted.runDue(world.clock.instant())).extracting(FlowReport::flow)
                        .as("not yet: the catalog's interval has not passed and its tier has no permit")
                        .doesNotContain(Flow.CATALOG);
                assertThat(world.sim.requests().count(Operation.PRODUCT_FETCH)).isEqualTo(pages);

                world.advance(Duration.ofSeconds(1));
                List<FlowReport> reports = restarted.runDue(world.clock.instant());

                FlowReport second = reports.stream().filter(r -> r.flow() == Flow.CATALOG).findFirst().orElseThrow();
                assertThat(second.fetched()).isPositive();
                assertThat(second.outcome()).isEqualTo(FlowOutcome.COMPLETED);
                assertThat(second.continueAt()).isEmpty();
                assertThat(cursor(world)).as("cleared").isEmpty();
                assertThat(world.host.skus()).hasSize(world.validProducts().size());
                Instant now = world.clock.instant();
                assertThat(restarted.nextDue(now)).as("the completed catalog run fed the inventory flow: due now")
                        .hasValue(second.finishedAt());
                assertThat(restarted.runDue(now)).extracting(FlowReport::flow).containsExactly(Flow.INVENTORY);
                assertThat(restarted.nextDue(now)).as("then nothing is due before the next interval")
                        .hasValueSatisfying(due -> assertThat(due).isAfter(now));
                Optional<String> inventoryContinuation = world.store.inTransaction(
                        tx -> tx.cursors().get(FlowContinuation.cursor(Flow.INVENTORY)));
                assertThat(inventoryContinuation).as("the inventory run completed: cleared").hasValue("");
            } finally {
                restarted.close();
            }
        }
    }

    private static String cursor(SimWorld world) {
        return world.store.inTransaction(tx -> tx.cursors().get(FlowContinuation.cursor(Flow.CATALOG))).orElse("");
    }
}
