package io.github.babyshopsdk.benchmarks.quota;

import io.github.babyshopsdk.benchmarks.Figure;
import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.benchmarks.Suite;
import io.github.babyshopsdk.benchmarks.world.BenchWorld;
import io.github.babyshopsdk.benchmarks.world.CallCounts;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Backlog drain from a cold start (figure 1 of issue 16): 5,000 orders and 10,000 SKUs (500 and 1,000 with
 * {@code --quick}) on Babyshop, every valid SKU stocked in the host, the engine on the default schedule
 * ({@code IntervalSyncScheduler.defaults()}) ticked every simulated minute, in-memory state.
 *
 * <p>Drained: an orders run completed (every listed order handled), the host received every SKU with a valid
 * Vendor SKU Code, and Babyshop received a stock level for every linked SKU. Calls are counted from the start to
 * that moment (all of them: the orders flow's polls while the catalog drains too); time is the simulated time to
 * it. The orders part is also shown alone: its calls and time until its first completed run.
 *
 * <p>Call floor = 1 authToken + ceil(orders / 100) orderList + ceil(orders / 100) orderFetch (every listed order
 * is new, so fetched) + ceil(SKUs / 100) productFetch + ceil(linked SKUs / 100) inventoryPriceUpdate. Moderation
 * follow-up (inventoryPriceStatus) is not in the floor: it moves no data; it is shown on its own line, counted
 * up to one simulated hour after the drain (so the follow-up of the last pushes is in). Time floor
 * = call floor / 40 x 5 minutes (the quota's limit and window).
 */
public final class DrainSuite implements Suite {
    private static final Set<Operation> ORDER_OPS = Set.of(Operation.ORDER_LIST, Operation.ORDER_FETCH);
    private static final Duration LIMIT = Duration.ofDays(3);
    /** Time after the drain for the moderation follow-up of the last pushes (delay 10 min, inventory every 15). */
    private static final Duration FOLLOW_UP = Duration.ofHours(1);

    @Override
    public String name() {
        return "drain";
    }

    @Override
    public List<Figure> run(RunSettings settings) {
        int orders = settings.quick() ? 500 : 5_000;
        int skus = settings.quick() ? 1_000 : 10_000;
        try (BenchWorld world = BenchWorld.builder(Fixture.of(16, orders, skus)).build()) {
            int valid = world.stockEveryValidSku(BigDecimal.TEN);
            int listedOrders = (int) world.simulator().store().orders().stream().filter(o -> !o.jit()).count();
            Instant start = world.now();
            Progress progress = new Progress(world, valid);
            Instant drained = world.runUntil(progress::drained, LIMIT).orElseThrow(() -> new IllegalStateException(
                    "not drained within " + LIMIT + ": " + progress));
            CallCounts calls = world.callCounts(start, drained.plusNanos(1));
            int linked = progress.linked;
            QuotaLimits quota = world.quotaLimits();

            int ordersFloor = 1 + 2 * Floors.pages(listedOrders);
            int catalogFloor = Floors.pages(skus);
            int pushFloor = Floors.pages(linked);
            int floor = ordersFloor + catalogFloor + pushFloor;
            double minutes = Floors.minutes(Duration.between(start, drained));
            double timeFloor = Floors.minutes(floor, quota.limit(), quota);
            CallCounts orderPart = world.callCounts(start, progress.ordersAt.plusNanos(1));
            int orderCalls = orderPart.of(ORDER_OPS) + orderPart.of(Operation.AUTH_TOKEN);
            double ordersMinutes = Floors.minutes(Duration.between(start, progress.ordersAt));

            List<Figure> figures = new ArrayList<>();
            String size = String.format("%,d orders+%,d SKUs", listedOrders, skus);
            figures.add(Figure.against("drain.calls", "drain " + size + ": calls vs floor",
                    calls.total(), floor, "calls").withTarget("<= 1.05x", calls.total() <= 1.05 * floor));
            figures.add(Figure.against("drain.minutes", "drain: simulated minutes vs time floor",
                    minutes, timeFloor, "min").withTarget("<= 1.05x", minutes <= 1.05 * timeFloor));
            figures.add(Figure.absolute("drain.code13", "drain: calls answered code 13",
                    calls.quotaExceeded(), "calls").withTarget("= 0", calls.quotaExceeded() == 0));
            figures.add(Figure.against("drain.orders.calls", "drain, orders until done: auth+list+fetch vs floor",
                    orderCalls, ordersFloor, "calls"));
            figures.add(Figure.against("drain.orders.minutes", "drain, orders: minutes to complete vs floor",
                    ordersMinutes, Floors.minutes(ordersFloor, quota.limit(), quota), "min"));
            figures.add(Figure.against("drain.catalog.calls", "drain, catalog: productFetch vs floor",
                    calls.of(Operation.PRODUCT_FETCH), catalogFloor, "calls"));
            figures.add(Figure.against("drain.inventory.calls", "drain, inventory: inventoryPriceUpdate vs floor",
                    calls.of(Operation.INVENTORY_PRICE_UPDATE), pushFloor, "calls"));
            world.runFor(FOLLOW_UP);
            int statusCalls = world.callCounts(start, world.now()).of(Operation.INVENTORY_PRICE_STATUS);
            figures.add(Figure.against("drain.moderation.calls",
                    "drain+1h: inventoryPriceStatus vs pushes (not in floor)", statusCalls, pushFloor, "calls"));
            return figures;
        }
    }

    /** When each part of the drain was done. Not thread-safe. */
    private static final class Progress {
        private final BenchWorld world;
        private final int valid;
        private Instant ordersAt;
        private Instant catalogAt;
        private Instant inventoryAt;
        private int linked;

        Progress(BenchWorld world, int valid) {
            this.world = world;
            this.valid = valid;
        }

        boolean drained() {
            Instant now = world.now();
            if (ordersAt == null && world.lastRunCompleted(Flow.ORDERS)) {
                ordersAt = world.reports(Flow.ORDERS).get(world.reports(Flow.ORDERS).size() - 1).finishedAt();
            }
            if (catalogAt == null && world.host().skusReceived() >= valid) {
                catalogAt = now;
            }
            if (catalogAt != null && inventoryAt == null && world.lastRunCompleted(Flow.INVENTORY)) {
                List<SkuLink> links = world.links();
                var received = world.simulator().store().latestInventory().keySet();
                if (links.stream().allMatch(l -> received.contains(l.sku()))) {
                    linked = links.size();
                    inventoryAt = now;
                }
            }
            return ordersAt != null && catalogAt != null && inventoryAt != null;
        }

        @Override
        public String toString() {
            return "orders done at " + ordersAt + ", catalog at " + catalogAt + " (" + world.host().skusReceived()
                    + " of " + valid + " SKUs), inventory at " + inventoryAt;
        }
    }
}
