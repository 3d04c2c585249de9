package io.github.babyshopsdk.benchmarks.quota;

import io.github.babyshopsdk.benchmarks.Figure;
import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.benchmarks.Suite;
import io.github.babyshopsdk.benchmarks.world.BenchWorld;
import io.github.babyshopsdk.benchmarks.world.CallCounts;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * First catalog sync (issue 16, "a first sync that does not take days"): a store with 10,000 SKUs (1,000 with
 * {@code --quick}) and no orders, a cold start on the default schedule ({@code IntervalSyncScheduler.defaults()}:
 * catalog every 6 hours) ticked every simulated minute, in-memory state, the host without stock (so the catalog
 * import is measured alone). Done when the host received every SKU with a valid Vendor SKU Code.
 *
 * <p>Time floor = (1 authToken + ceil(SKUs / 100) productFetch) / the catalog tier's share of the window x 5
 * minutes: the catalog (tier 3) may take a call only while {@code 3 x reservePerTier} calls stay free, so it gets
 * {@code QuotaLimits.shareOf(3)} = 25 of 40 calls per 5 minutes: 101 calls take 20.2 minutes (the issue's
 * "the quota allows 20 minutes").
 */
public final class FirstSyncSuite implements Suite {
    private static final Duration LIMIT = Duration.ofDays(3);

    @Override
    public String name() {
        return "firstsync";
    }

    @Override
    public List<Figure> run(RunSettings settings) {
        int skus = settings.quick() ? 1_000 : 10_000;
        try (BenchWorld world = BenchWorld.builder(Fixture.of(17, 0, skus)).build()) {
            int valid = world.validProducts().size();
            Instant start = world.now();
            Instant done = world.runUntil(() -> world.host().skusReceived() >= valid, LIMIT)
                    .orElseThrow(() -> new IllegalStateException("first sync not done within " + LIMIT + ": "
                            + world.host().skusReceived() + " of " + valid + " SKUs"));
            CallCounts calls = world.callCounts(start, done.plusNanos(1));
            QuotaLimits quota = world.quotaLimits();
            int floorCalls = 1 + Floors.pages(skus);
            int share = quota.shareOf(Flow.CATALOG.priority());
            double minutes = Floors.minutes(Duration.between(start, done));
            double floor = Floors.minutes(floorCalls, share, quota);
            int catalogRuns = (int) world.reports(Flow.CATALOG).stream().filter(r -> !r.startedAt().isAfter(done))
                    .count();
            return List.of(
                    Figure.against("firstsync.minutes", String.format("first sync %,d SKUs: minutes vs floor at %d calls/5min",
                            skus, share), minutes, floor, "min")
                            .withTarget("<= 1.2x", minutes <= 1.2 * floor),
                    Figure.against("firstsync.calls", "first sync: productFetch calls vs ceil(SKUs/100)",
                            calls.of(Operation.PRODUCT_FETCH), Floors.pages(skus), "calls"),
                    Figure.absolute("firstsync.catalogRuns", "first sync: catalog runs it took", catalogRuns, "runs"),
                    Figure.absolute("firstsync.code13", "first sync: calls answered code 13", calls.quotaExceeded(),
                            "calls").withTarget("= 0", calls.quotaExceeded() == 0));
        }
    }
}
