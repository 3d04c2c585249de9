package io.github.babyshopsdk.benchmarks.quota;

import io.github.babyshopsdk.benchmarks.Figure;
import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.benchmarks.Suite;
import io.github.babyshopsdk.benchmarks.world.BenchWorld;
import io.github.babyshopsdk.benchmarks.world.CallCounts;
import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.host.StockLevel;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Steady-state inventory (figure 2 of issue 16): 10,000 SKUs (1,000 with {@code --quick}) linked and pushed
 * once, moderation settled; then, on the default schedule (inventory every 15 minutes) ticked every simulated
 * minute, 1 % and then 0.1 % of the linked SKUs change stock in the host once per cycle (one inventory interval).
 * Calls per cycle are the inventory flow's calls (inventoryPriceUpdate + inventoryPriceStatus) over 8 cycles (3
 * with {@code --quick}) after one warm-up cycle, divided by the cycles.
 *
 * <p>Baseline, measured in the same run on the same simulator: a naive full push of every linked SKU through
 * the client, 100 to an inventoryPriceUpdate, then one inventoryPriceStatus per 100 moderation ids after the
 * moderation delay.
 */
public final class SteadySuite implements Suite {
    private static final Set<Operation> INVENTORY_OPS = Set.of(Operation.INVENTORY_PRICE_UPDATE,
            Operation.INVENTORY_PRICE_STATUS);
    private static final Duration SETUP_LIMIT = Duration.ofHours(12);
    private static final Duration MODERATION_DELAY = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "steady";
    }

    @Override
    public List<Figure> run(RunSettings settings) {
        int skus = settings.quick() ? 1_000 : 10_000;
        int cycles = settings.quick() ? 3 : 8;
        try (BenchWorld world = BenchWorld.builder(Fixture.of(18, 0, skus)).moderationDelay(MODERATION_DELAY)
                .build()) {
            world.stockEveryValidSku(BigDecimal.TEN);
            List<SkuLink> links = settle(world);
            Duration cycle = ((IntervalSyncScheduler) world.scheduler()).interval(Flow.INVENTORY);
            Random random = new Random(18);
            double perCycle1 = perCycle(world, links, 0.01, cycles, cycle, random);
            double perCycle01 = perCycle(world, links, 0.001, cycles, cycle, random);
            int naive = naivePush(world, links);
            String size = String.format("%,d SKUs", links.size());
            return List.of(
                    Figure.against("steady.churn1.calls", size + ", 1 % churn: calls/cycle vs naive full push",
                            perCycle1, naive, "calls").withTarget("<= 0.02x (>= 50x fewer)", perCycle1 * 50 <= naive),
                    Figure.against("steady.churn01.calls", size + ", 0.1 % churn: calls/cycle vs naive push",
                            perCycle01, naive, "calls"));
        }
    }

    /** Links every valid SKU and pushes it once, then lets moderation settle; returns the links. */
    private static List<SkuLink> settle(BenchWorld world) {
        int valid = world.validProducts().size();
        Instant deadline = world.now().plus(SETUP_LIMIT);
        while (true) {
            world.engine().run(Flow.CATALOG);
            world.engine().run(Flow.INVENTORY);
            List<SkuLink> links = world.links();
            if (world.host().skusReceived() >= valid
                    && world.simulator().store().latestInventory().keySet().containsAll(
                            links.stream().map(SkuLink::sku).toList())) {
                break;
            }
            if (world.now().isAfter(deadline)) {
                throw new IllegalStateException("setup: not linked and pushed within " + SETUP_LIMIT);
            }
            world.advance(Duration.ofMinutes(5));
        }
        world.runFor(Duration.ofHours(2));
        return world.links();
    }

    /** Runs a warm-up cycle and {@code cycles} measured cycles at {@code churn}; the inventory calls per cycle. */
    private static double perCycle(BenchWorld world, List<SkuLink> links, double churn, int cycles,
                                   Duration cycle, Random random) {
        int changed = Math.max(1, (int) Math.round(links.size() * churn));
        Instant measureFrom = null;
        for (int i = 0; i <= cycles; i++) {
            if (i == 1) {
                measureFrom = world.now();
            }
            List<SkuLink> shuffled = new ArrayList<>(links);
            Collections.shuffle(shuffled, random);
            BigDecimal quantity = BigDecimal.valueOf(11 + random.nextInt(1_000));
            for (SkuLink link : shuffled.subList(0, changed)) {
                world.host().host().setStock(link.vendorSkuCode(), BenchWorld.DXB, quantity);
            }
            world.runFor(cycle);
        }
        CallCounts calls = world.callCounts(measureFrom, world.now());
        return (double) calls.of(INVENTORY_OPS) / cycles;
    }

    /** The naive full push through the client; returns its calls. */
    private static int naivePush(BenchWorld world, List<SkuLink> links) {
        Instant from = world.now();
        List<String> moderationIds = new ArrayList<>();
        for (int i = 0; i < links.size(); i += ChannelLimits.MAX_BATCH) {
            List<SkuLink> batch = links.subList(i, Math.min(links.size(), i + ChannelLimits.MAX_BATCH));
            List<InventoryItem> items = new ArrayList<>();
            for (SkuLink link : batch) {
                BigDecimal quantity = world.host().available(List.of(link.vendorSkuCode())).stream()
                        .map(StockLevel::available).reduce(BigDecimal.ZERO, BigDecimal::add);
                items.add(InventoryItem.of(link.sku(), quantity.max(BigDecimal.ZERO)));
            }
            InventoryUpdateResult result = world.client().catalog().updateInventory(items);
            result.accepted().stream().map(InventoryModeration::moderationId).forEach(moderationIds::add);
        }
        world.advance(MODERATION_DELAY);
        for (int i = 0; i < moderationIds.size(); i += ChannelLimits.MAX_BATCH) {
            world.client().catalog().moderationStatus(
                    moderationIds.subList(i, Math.min(moderationIds.size(), i + ChannelLimits.MAX_BATCH)));
        }
        return world.callCounts(from, world.now().plusNanos(1)).of(INVENTORY_OPS);
    }
}
