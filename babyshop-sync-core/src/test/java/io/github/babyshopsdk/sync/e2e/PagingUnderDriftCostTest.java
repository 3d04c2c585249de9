package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimProduct;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, what paging under drift costs, reported by the test (printed) and held to ratios, never to times.
 * Every world here reads through a {@link TickingGateway} (each listing page and each orderFetch takes one
 * simulated second), so a busy store's changes fall in different seconds, as they would against a real server.
 * <ul>
 *   <li>orderList and productFetch calls per 100 new records while the store changes twice per page (one insert,
 *       one update of a record already served) stay within 1.3 times the figure without drift;</li>
 *   <li>a 1,500-order backlog under continuous drift, at Vinculum's 40 calls per 5 minutes, is drained by one
 *       run that completes, within 1.3 times the listing calls without drift, and the next run under drift reads
 *       only what changed since (its cursor moved);</li>
 *   <li>with orders arriving steadily, orderFetch asks for at most 1.05 order numbers per imported order, at a
 *       5-minute and at a 30-minute interval.</li>
 * </ul>
 * After each drift stops, one more run imports every mapped order exactly once and every valid SKU.
 */
class PagingUnderDriftCostTest {
    private static final Duration TICK = Duration.ofSeconds(1);

    private static SimWorld world(Fixture fixture, long seed, int quota) {
        return SimWorld.with(fixture).seed(seed).quota(quota, Duration.ofMinutes(5))
                .decorate((sim, gateway) -> new TickingGateway(gateway, sim.simulatedClock(), TICK)).start();
    }

    /** The listing calls of a backlog's first orders run and first catalog run, and the records they had to read. */
    private record Backlog(int orderLists, int orders, int productFetches, int products) {
        double ordersPer100() {
            return DriftFigures.per100(orderLists, orders);
        }

        double productsPer100() {
            return DriftFigures.per100(productFetches, products);
        }

        double listingsPer100() {
            return DriftFigures.per100(orderLists + productFetches, orders + products);
        }
    }

    private static Backlog drainBacklog(boolean drift) {
        try (SimWorld world = world(Fixture.of(1515, 1500, 1500), 1515, 1_000)) {
            world.advance(Duration.ofMinutes(1));
            if (drift) {
                world.sim.faults().continuousDrift(1, 1);
            }
            assertThat(world.engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(world.engine.run(Flow.CATALOG).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            Backlog backlog = new Backlog(DriftFigures.calls(world, Operation.ORDER_LIST), world.simOrders().size(),
                    DriftFigures.calls(world, Operation.PRODUCT_FETCH), world.sim.store().products().size());
            settleAndCheck(world);
            return backlog;
        }
    }

    /** Stops the drift, runs orders and catalog once more and checks that nothing was lost. */
    private static void settleAndCheck(SimWorld world) {
        world.sim.faults().stopDrift();
        world.advance(Duration.ofMinutes(5));
        assertThat(world.engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(world.engine.run(Flow.CATALOG).outcome()).isEqualTo(FlowOutcome.COMPLETED);
        Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
        Map<String, String> links = world.links();
        for (SimProduct product : world.validProducts()) {
            assertThat(links).as("link of valid SKU %s", product.sku()).containsEntry(product.vendorSkuCode(),
                    product.sku());
        }
    }

    @Test
    void listingCallsPer100NewRecordsAtTwoChangesPerPageStayWithin1point3TimesTheFigureWithoutDrift() {
        Backlog still = drainBacklog(false);
        Backlog busy = drainBacklog(true);

        System.out.printf("listing calls per 100 new records, 1,500 orders and 1,500 SKUs:%n"
                        + "  no drift:         orderList %d for %d orders (%.2f), productFetch %d for %d SKUs (%.2f), "
                        + "together %.2f%n"
                        + "  2 changes/page:   orderList %d for %d orders (%.2f), productFetch %d for %d SKUs (%.2f), "
                        + "together %.2f (ratio %.2f)%n",
                still.orderLists(), still.orders(), still.ordersPer100(), still.productFetches(), still.products(),
                still.productsPer100(), still.listingsPer100(),
                busy.orderLists(), busy.orders(), busy.ordersPer100(), busy.productFetches(), busy.products(),
                busy.productsPer100(), busy.listingsPer100(), busy.listingsPer100() / still.listingsPer100());
        assertThat(busy.orders()).as("the drift inserted orders").isGreaterThan(still.orders());
        assertThat(busy.listingsPer100()).isLessThanOrEqualTo(1.3 * still.listingsPer100());
        assertThat(busy.ordersPer100()).isLessThanOrEqualTo(1.3 * still.ordersPer100());
        assertThat(busy.productsPer100()).isLessThanOrEqualTo(1.3 * still.productsPer100());
    }

    @Test
    void aBacklogOf1500OrdersUnderContinuousDriftIsDrainedByOneRunNearTheCallFloor() {
        int floor;
        try (SimWorld world = world(Fixture.of(1500, 1500, 60), 1500, 40)) {
            world.advance(Duration.ofMinutes(1));
            assertThat(world.engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            floor = DriftFigures.calls(world, Operation.ORDER_LIST);
        }
        for (int[] rate : new int[][] {{1, 1}, {2, 3}}) {
            try (SimWorld world = world(Fixture.of(1500, 1500, 60), 1500, 40)) {
                Instant start = world.advance(Duration.ofMinutes(1));
                world.sim.faults().continuousDrift(Operation.ORDER_LIST, rate[0], rate[1]);

                FlowReport first = world.engine.run(Flow.ORDERS);
                int lists = DriftFigures.calls(world, Operation.ORDER_LIST);
                int fetches = DriftFigures.calls(world, Operation.ORDER_FETCH);
                Duration took = Duration.between(start, world.clock.instant());
                world.advance(Duration.ofMinutes(5));
                FlowReport second = world.engine.run(Flow.ORDERS);
                int secondLists = DriftFigures.calls(world, Operation.ORDER_LIST) - lists;

                System.out.printf("1,500-order backlog, %d inserts + %d updates per orderList page, 40 calls/5 min: "
                                + "first run %s, %d orderList calls (%d without drift), %d orderFetch calls, %d "
                                + "simulated seconds, %d imported; next run under drift 5 minutes later: %s, %d "
                                + "orderList calls%n",
                        rate[0], rate[1], first.outcome(), lists, floor, fetches, took.toSeconds(), first.imported(),
                        second.outcome(), secondLists);
                assertThat(first.outcome()).isEqualTo(FlowOutcome.COMPLETED);
                assertThat(second.outcome()).isEqualTo(FlowOutcome.COMPLETED);
                assertThat(lists).isLessThanOrEqualTo((int) Math.ceil(1.3 * floor));
                assertThat(secondLists).as("the cursor moved: the next run reads what changed since, not the backlog")
                        .isLessThanOrEqualTo(3);
                settleAndCheck(world);
            }
        }
    }

    @Test
    void orderFetchAsksForAtMost1point05NumbersPerImportedOrderWithSteadyArrivals() {
        for (Duration interval : new Duration[] {Duration.ofMinutes(5), Duration.ofMinutes(30)}) {
            try (SimWorld world = world(Fixture.of(77, 0, 40), 77, 40)) {
                Random arrivals = new Random(77);
                Instant end = world.clock.instant().plus(Duration.ofHours(6));
                while (world.clock.instant().isBefore(end)) {
                    Instant next = world.clock.instant().plus(interval);
                    // about one order a minute, each at a random second up to (and including) the run's second
                    long count = interval.toMinutes();
                    long[] offsets = arrivals.longs(count, 1, interval.getSeconds() + 1).sorted().toArray();
                    Instant base = world.clock.instant();
                    for (long offset : offsets) {
                        Instant at = base.plusSeconds(offset);
                        if (at.isAfter(world.clock.instant())) {
                            world.clock.set(at);
                        }
                        world.sim.store().generateOrder();
                    }
                    if (next.isAfter(world.clock.instant())) {
                        world.clock.set(next);
                    }
                    assertThat(world.engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
                }
                int imported = world.host.orders().size();
                int ids = DriftFigures.fetchedIds(world);
                double perOrder = Math.round(ids * 1000.0 / imported) / 1000.0;
                System.out.printf("steady arrivals for 6 hours, orders run every %d minutes: %d orders imported, %d "
                        + "orderFetch ids, %.3f per imported order%n", interval.toMinutes(), imported, ids, perOrder);
                assertThat(imported).isGreaterThan(300);
                assertThat(perOrder).isLessThanOrEqualTo(1.05);
                Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            }
        }
    }
}
