package io.github.babyshopsdk.client.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The tiers of {@link RollingWindowQuotaBudget}: a tier never takes the calls kept for more urgent ones,
 * whatever the order of arrivals and however many threads ask at the same instant.
 */
class QuotaTiersTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    /** One granted permit. */
    private record Grant(int tier, Instant at) {
    }

    @Test
    void aTier2CallerNeverTakesTheLast10Of40() {
        RollingWindowQuotaBudget budget = RollingWindowQuotaBudget.vinculumDefault();
        int granted = 0;
        for (int i = 0; i < 100; i++) {
            if (budget.tryAcquire(2, T0.plusSeconds(i)).isGranted()) {
                granted++;
            }
        }
        assertThat(granted).isEqualTo(30);
        assertThat(budget.snapshot(T0.plusSeconds(100)).remaining()).isEqualTo(10);
        assertThat(budget.snapshot(T0.plusSeconds(100)).remainingFor(2)).isZero();
        assertThat(budget.snapshot(T0.plusSeconds(100)).remainingFor(1)).isEqualTo(5);

        for (int i = 0; i < 5; i++) {
            assertThat(budget.tryAcquire(1, T0.plusSeconds(200)).isGranted()).as("tier 1, call %s", i).isTrue();
        }
        assertThat(budget.tryAcquire(1, T0.plusSeconds(200)).isGranted()).isFalse();
        for (int i = 0; i < 5; i++) {
            assertThat(budget.tryAcquire(0, T0.plusSeconds(200)).isGranted()).as("tier 0, call %s", i).isTrue();
        }
        assertThat(budget.tryAcquire(0, T0.plusSeconds(200)).isGranted()).isFalse();
    }

    @Test
    void aRefusedTierWaitsUntilEnoughCallsLeaveForItsShare() {
        RollingWindowQuotaBudget budget = RollingWindowQuotaBudget.vinculumDefault();
        for (int i = 0; i < 40; i++) {
            assertThat(budget.tryAcquire(0, T0.plusSeconds(i)).isGranted()).isTrue();
        }
        Instant now = T0.plusSeconds(60);

        // tier 0 needs 1 call to leave (the one of T0), tier 2 needs 11 (up to the one of T0 + 10 s)
        assertThat(budget.tryAcquire(0, now).waitTime()).isEqualTo(WINDOW.minusSeconds(60));
        assertThat(budget.tryAcquire(2, now).waitTime()).isEqualTo(WINDOW.minusSeconds(50));
        assertThat(budget.tryAcquire(2, T0.plus(WINDOW).plusSeconds(10)).isGranted()).isTrue();
    }

    /**
     * Random arrivals of random tiers on random limits, one thread: in every window ending at a grant, the
     * calls of tier {@code >= t} number at most {@code shareOf(t)}, for every {@code t}.
     */
    @Property(tries = 200)
    void noTierEverExceedsItsShareInAnyWindow(@ForAll @IntRange(min = 1, max = 60) int limit,
                                               @ForAll @IntRange(min = 0, max = 8) int reservePerTier,
                                               @ForAll long seed) {
        QuotaLimits limits = QuotaLimits.builder().limit(limit).window(WINDOW).reservePerTier(reservePerTier).build();
        RollingWindowQuotaBudget budget = RollingWindowQuotaBudget.of(limits);
        Random random = new Random(seed);
        List<Grant> grants = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 1_500; i++) {
            now = now.plusMillis(random.nextInt(30_000));
            int tier = random.nextInt(5);
            if (budget.tryAcquire(tier, now).isGranted()) {
                grants.add(new Grant(tier, now));
            }
        }
        assertSharesKept(limits, grants, 5);
        assertThat(grants).isNotEmpty();
    }

    /**
     * Eight threads of mixed tiers ask at the same instants (a barrier between steps of the clock): the
     * reserve is atomic, so no two threads both take a call a tier may not have.
     */
    @Test
    void concurrentCallersOfMixedTiersNeverExceedTheirShares() throws Exception {
        QuotaLimits limits = QuotaLimits.vinculumDefault();
        RollingWindowQuotaBudget budget = RollingWindowQuotaBudget.of(limits);
        int threads = 8;
        int steps = 300;
        Instant[] instants = new Instant[steps];
        Random random = new Random(7);
        Instant now = T0;
        for (int step = 0; step < steps; step++) {
            now = now.plusSeconds(random.nextInt(30));
            instants[step] = now;
        }
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Grant> grants = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                futures.add(pool.submit(() -> {
                    Random own = new Random(id);
                    List<Grant> mine = new ArrayList<>();
                    for (int step = 0; step < steps; step++) {
                        barrier.await(30, TimeUnit.SECONDS);
                        for (int call = 0; call < 3; call++) {
                            int tier = own.nextInt(4);
                            if (budget.tryAcquire(tier, instants[step]).isGranted()) {
                                mine.add(new Grant(tier, instants[step]));
                            }
                        }
                    }
                    synchronized (grants) {
                        grants.addAll(mine);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        grants.sort((a, b) -> a.at().compareTo(b.at()));
        assertSharesKept(limits, grants, 4);
        assertThat(grants.stream().filter(g -> g.tier() == 0)).as("the top tier is served").isNotEmpty();
        assertThat(grants.stream().filter(g -> g.tier() == 3)).as("the lowest tier is served").isNotEmpty();
    }

    /** For every grant x and tier t: grants of tier >= t in (x - window, x] are at most shareOf(t). */
    private static void assertSharesKept(QuotaLimits limits, List<Grant> grants, int tiers) {
        for (int end = 0; end < grants.size(); end++) {
            Instant x = grants.get(end).at();
            Instant from = x.minus(limits.window());
            int[] atLeast = new int[tiers];
            for (int i = end; i >= 0 && grants.get(i).at().isAfter(from); i--) {
                for (int t = 0; t <= grants.get(i).tier(); t++) {
                    atLeast[t]++;
                }
            }
            // grants at the same instant after index end belong to the same window
            for (int i = end + 1; i < grants.size() && grants.get(i).at().equals(x); i++) {
                for (int t = 0; t <= grants.get(i).tier(); t++) {
                    atLeast[t]++;
                }
            }
            for (int t = 0; t < tiers; t++) {
                assertThat(atLeast[t]).as("calls of tier >= %s in the window ending %s", t, x)
                        .isLessThanOrEqualTo(limits.shareOf(t));
            }
        }
    }
}
