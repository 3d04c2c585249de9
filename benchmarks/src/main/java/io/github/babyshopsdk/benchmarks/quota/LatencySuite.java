package io.github.babyshopsdk.benchmarks.quota;

import io.github.babyshopsdk.benchmarks.Figure;
import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.benchmarks.Suite;
import io.github.babyshopsdk.benchmarks.world.BenchWorld;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.NotificationSink;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderNotifications;
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
import java.util.function.Function;

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
 * <p>With order notifications (issue 13), on the quiet store at the default interval: the simulator notifies each
 * new order after a seeded delay of 0 to 500 ms, in every body shape; the host's receiver ({@code HintReceiver}:
 * parser, then {@code engine.hint}) takes it in and the host's loop, woken every second (a 1-second tick), runs
 * {@code runDue}; once with every notification delivered and once with 30 % of them lost (seeded), polling staying the
 * safety net. Figures in seconds, against the polling-only figure of the same store and interval measured in the same
 * run; the p95 without loss is held to the acceptance (2 s plus one call slot), the slowest order with loss to
 * one poll interval plus one call slot (every order by the next poll).
 */
public final class LatencySuite implements Suite {
    private static final Duration SPACING = Duration.ofMinutes(2);
    /** The host loop's tick with order notifications: the receiver wakes it, at most every second. */
    private static final Duration NOTIFIED_TICK = Duration.ofSeconds(1);

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
        Sample quietStandard = null;
        for (boolean backlog : new boolean[] {false, true}) {
            for (Duration interval : List.of(standard, fast)) {
                Fixture fixture = backlog ? Fixture.of(19, backlogOrders, backlogSkus) : Fixture.of(19, 0, 200);
                Sample sample = measure(fixture, backlog, defaults.with(Flow.ORDERS, interval), tick, arrivals, null);
                if (!backlog && interval.equals(standard)) {
                    quietStandard = sample;
                }
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
        figures.addAll(withNotifications(defaults, arrivals, quietStandard));
        return figures;
    }

    /**
     * The rows with order notifications (see the class comment), against {@code polled}: the same store and interval
     * without notifications.
     */
    private static List<Figure> withNotifications(IntervalSyncScheduler defaults, Duration arrivals, Sample polled) {
        Duration interval = defaults.interval(Flow.ORDERS);
        List<Figure> figures = new ArrayList<>();
        for (double loss : new double[] {0.0, 0.3}) {
            Sample sample = measure(Fixture.of(19, 0, 200), false, defaults, NOTIFIED_TICK, arrivals,
                    receiver -> OrderNotifications.builder().sink(receiver).lossRate(loss)
                            .delay(Duration.ZERO, Duration.ofMillis(500)).seed(19).build());
            String id = "latency.notify" + (loss > 0 ? ".loss30" : "");
            String what = String.format(Locale.ROOT, "orders every %d min + notifications%s", interval.toMinutes(),
                    loss > 0 ? ", 30 % lost" : "");
            figures.add(Figure.against(id + ".p50", what + ": p50 latency", sample.seconds(50), polled.seconds(50), "s"));
            Figure p95 = Figure.against(id + ".p95", what + ": p95 latency", sample.seconds(95), polled.seconds(95), "s");
            if (loss == 0) {
                double bound = 2 + sample.callSlot.toMillis() / 1000.0;
                p95 = p95.withTarget(String.format(Locale.ROOT, "<= %.1f s", bound), sample.seconds(95) <= bound);
            }
            figures.add(p95);
            if (loss > 0) {
                double bound = interval.plus(sample.callSlot).toMillis() / 1000.0;
                figures.add(Figure.against(id + ".max", what + ": slowest order", sample.seconds(100), bound, "s")
                        .withTarget("<= 1.0x", sample.seconds(100) <= bound));
            }
            figures.add(Figure.against(id + ".fetches", what + ": orderFetch calls per new order",
                    sample.fetchesPerOrder, polled.fetchesPerOrder, "calls"));
            if (sample.missing > 0) {
                figures.add(Figure.absolute(id + ".miss", what + ": orders never in the host", sample.missing,
                        "orders"));
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
                                  Duration arrivals, Function<NotificationSink, OrderNotifications> notifications) {
        BenchWorld.Builder builder = BenchWorld.builder(fixture).scheduler(scheduler).tick(tick);
        if (notifications != null) {
            builder.notifications(notifications);
        }
        try (BenchWorld world = builder.build()) {
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
            List<Double> seconds = new ArrayList<>();
            int missing = 0;
            for (Map.Entry<String, Instant> e : created.entrySet()) {
                Optional<Instant> inHost = world.host().orderCreatedAt(e.getKey());
                if (inHost.isPresent()) {
                    Duration latency = Duration.between(e.getValue(), inHost.get());
                    minutes.add(Floors.minutes(latency));
                    seconds.add(latency.toMillis() / 1000.0);
                } else {
                    missing++;
                }
            }
            if (minutes.isEmpty()) {
                throw new IllegalStateException("no arriving order reached the host");
            }
            minutes.sort(Double::compare);
            seconds.sort(Double::compare);
            double fetchesPerOrder = world.callCounts().of(Operation.ORDER_FETCH) / (double) created.size();
            return new Sample(Percentiles.of(minutes, 50), Percentiles.of(minutes, 95), missing, world.callSlot(),
                    List.copyOf(seconds), fetchesPerOrder);
        }
    }

    /** An exponential inter-arrival time of mean {@link #SPACING}, in whole seconds (at least one). */
    private static Duration next(Random random) {
        double seconds = -Math.log(1 - random.nextDouble()) * SPACING.toSeconds();
        return Duration.ofSeconds(Math.max(1, Math.round(seconds)));
    }

    /** Latencies of one measurement: p50 and p95 in minutes, and every latency in seconds (sorted). */
    private record Sample(double p50, double p95, int missing, Duration callSlot, List<Double> sortedSeconds,
                          double fetchesPerOrder) {
        /** The nearest-rank {@code p}-th percentile in seconds ({@code 100}: the slowest order). */
        double seconds(double p) {
            return Percentiles.of(sortedSeconds, p);
        }
    }
}
