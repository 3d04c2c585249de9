package io.github.babyshopsdk.benchmarks.quota;

import io.github.babyshopsdk.benchmarks.Figure;
import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.benchmarks.Suite;
import io.github.babyshopsdk.benchmarks.world.BenchWorld;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.testkit.Fixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Order latency (figure 3 of issue 16): p50 and p95 of the simulated time from an order's creation on Babyshop
 * (new Pending orders at a steady rate, a Poisson stream of one every 2 simulated minutes on average, seeded, for
 * 3 hours, 1 hour with {@code --quick}) to its creation in the host (the {@code RecordingHost}'s timestamp),
 * ticked every simulated minute, in-memory state:
 * <ul>
 *   <li>at the default orders interval (30 minutes) and at the shortest quota-safe interval (see
 *       {@link #shortestQuotaSafeInterval});</li>
 *   <li>each on a quiet store (200 SKUs) and under a backlog: 5,000 orders and 10,000 stocked SKUs waiting at
 *       a cold start (500 and 1,000 with {@code --quick}), arrivals starting with it.</li>
 * </ul>
 * Baseline: one poll interval plus one call slot (window / limit = 7.5 s), the bound the target holds the p95
 * under a backlog to.
 *
 * <p>TODO(issue 13): add the latency with order notifications once they exist.
 */
public final class LatencySuite implements Suite {
    private static final Duration SPACING = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public List<Figure> run(RunSettings settings) {
        Duration arrivals = settings.quick() ? Duration.ofHours(1) : Duration.ofHours(3);
        int backlogOrders = settings.quick() ? 500 : 5_000;
        int backlogSkus = settings.quick() ? 1_000 : 10_000;
        IntervalSyncScheduler defaults = IntervalSyncScheduler.defaults();
        Duration standard = defaults.interval(Flow.ORDERS);
        Duration tick = Duration.ofMinutes(1);
        Duration fast = shortestQuotaSafeInterval(QuotaLimits.vinculumDefault(), tick);

        List<Figure> figures = new ArrayList<>();
        for (boolean backlog : new boolean[] {false, true}) {
            for (Duration interval : List.of(standard, fast)) {
                Fixture fixture = backlog ? Fixture.of(19, backlogOrders, backlogSkus) : Fixture.of(19, 0, 200);
                Sample sample = measure(fixture, backlog, defaults.with(Flow.ORDERS, interval), tick, arrivals);
                String id = "latency." + (backlog ? "backlog." : "") + (interval.equals(standard) ? "default" : "fast");
                String what = String.format(Locale.ROOT, "orders every %d min%s", interval.toMinutes(),
                        backlog ? String.format(Locale.ROOT, ", backlog %,d+%,d", backlogOrders, backlogSkus) : "");
                double bound = Floors.minutes(interval.plus(sample.callSlot));
                figures.add(Figure.against(id + ".p50", what + ": p50 latency", sample.p50, bound, "min"));
                Figure p95 = Figure.against(id + ".p95", what + ": p95 latency", sample.p95, bound, "min");
                figures.add(backlog ? p95.withTarget("<= 1.0x", sample.p95 <= bound) : p95);
                if (sample.missing > 0) {
                    figures.add(Figure.absolute(id + ".miss", what + ": orders never in the host",
                            sample.missing, "orders"));
                }
            }
        }
        return figures;
    }

    /**
     * The shortest orders interval that is quota-safe: at it, the orders flow's steady cost (one orderList page
     * and one orderFetch per run while fewer than 100 orders arrive per run) fits in the calls the budget keeps
     * for the most urgent tier whatever the less urgent flows spend ({@code QuotaLimits.reserveFor(1)}: 5 of
     * 40 per 5 minutes), so the orders flow never waits for the window; rounded up to whole host ticks. For the
     * default quota: 5 minutes x 2 / 5 = 2 minutes.
     */
    static Duration shortestQuotaSafeInterval(QuotaLimits quota, Duration tick) {
        int kept = Math.max(1, quota.reserveFor(Flow.SHIPMENTS.priority()));
        Duration raw = quota.window().multipliedBy(2).dividedBy(kept);
        long ticks = (raw.toNanos() + tick.toNanos() - 1) / tick.toNanos();
        return tick.multipliedBy(Math.max(1, ticks));
    }

    private static Sample measure(Fixture fixture, boolean backlog, IntervalSyncScheduler scheduler, Duration tick,
                                  Duration arrivals) {
        try (BenchWorld world = BenchWorld.builder(fixture).scheduler(scheduler).tick(tick).build()) {
            if (backlog) {
                world.stockEveryValidSku(BigDecimal.TEN);
            }
            Map<String, Instant> created = new LinkedHashMap<>();
            Instant start = world.now();
            Random random = new Random(19);
            for (Instant at = start.plus(next(random)); at.isBefore(start.plus(arrivals)); at = at.plus(next(random))) {
                world.at(at, () -> created.put(world.simulator().store().generateOrder().orderNo(), world.now()));
            }
            Duration interval = scheduler.interval(Flow.ORDERS);
            Duration limit = arrivals.plus(interval.multipliedBy(3)).plus(Duration.ofHours(1));
            world.runUntil(() -> world.now().isAfter(start.plus(arrivals))
                    && created.keySet().stream().allMatch(no -> world.host().orderCreatedAt(no).isPresent()), limit);
            List<Double> minutes = new ArrayList<>();
            int missing = 0;
            for (Map.Entry<String, Instant> e : created.entrySet()) {
                Optional<Instant> inHost = world.host().orderCreatedAt(e.getKey());
                if (inHost.isPresent()) {
                    minutes.add(Floors.minutes(Duration.between(e.getValue(), inHost.get())));
                } else {
                    missing++;
                }
            }
            if (minutes.isEmpty()) {
                throw new IllegalStateException("no arriving order reached the host");
            }
            minutes.sort(Double::compare);
            return new Sample(Percentiles.of(minutes, 50), Percentiles.of(minutes, 95), missing, world.callSlot());
        }
    }

    /** An exponential inter-arrival time of mean {@link #SPACING}, in whole seconds (at least one). */
    private static Duration next(Random random) {
        double seconds = -Math.log(1 - random.nextDouble()) * SPACING.toSeconds();
        return Duration.ofSeconds(Math.max(1, Math.round(seconds)));
    }

    private record Sample(double p50, double p95, int missing, Duration callSlot) {
    }
}
