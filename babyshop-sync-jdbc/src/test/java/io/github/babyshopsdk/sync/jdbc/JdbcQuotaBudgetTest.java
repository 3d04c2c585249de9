package io.github.babyshopsdk.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaDecision;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link JdbcQuotaBudget}: one rolling-window budget per key, spent by priority tier, shared by every thread
 * and node, answering exactly as the in-memory {@link RollingWindowQuotaBudget}.
 */
class JdbcQuotaBudgetTest {
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00.123456Z");
    private static final String KEY = "seller-uae";

    private static JdbcSyncStateStore store(DataSource dataSource, String storeId) {
        return JdbcSyncStateStore.builder().dataSource(dataSource).storeId(storeId).build();
    }

    private static QuotaLimits limits(int limit, Duration window, int reservePerTier) {
        return QuotaLimits.builder().limit(limit).window(window).reservePerTier(reservePerTier).build();
    }

    /** A grant: when, and for which tier. */
    private record Grant(Instant at, int tier) {
    }

    /**
     * 4 threads on 2 store instances (2 data sources, one database), thread {@code i} asking for tier {@code i},
     * hammer one budget; time moves in phases (every call of a phase at the same instant, random steps). Each
     * phase grants as many permits as the in-memory reference grants the same calls; in no rolling window do the
     * grants of tier {@code t} and less urgent tiers exceed {@code shareOf(t)} (for tier 0: the limit).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    @Timeout(120)
    void noTierEverExceedsItsShareInAnyWindowAcrossThreadsAndNodes(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            QuotaLimits limits = limits(10, Duration.ofSeconds(10), 2); // shares 10, 8, 6, 4
            List<QuotaBudget> nodes = List.of(store(db.dataSource(), "node-1").quotaBudget(KEY, limits),
                    store(db.newDataSource(), "node-2").quotaBudget(KEY, limits));
            RollingWindowQuotaBudget reference = RollingWindowQuotaBudget.of(limits);
            Random random = new Random(20240501);
            List<Grant> grants = new ArrayList<>();
            Instant now = T0;
            int callsPerThread = limits.limit() + 2;
            for (int phase = 0; phase < 25; phase++) {
                // every fourth phase starts on an empty window and the tiers ask one after another from the least
                // urgent, so every tier is granted some whatever the scheduling (concurrent phases may leave
                // a tier nothing); in the other even phases tier 0 starts only when the others are done
                boolean inOrder = phase % 4 == 0;
                now = inOrder ? now.plus(limits.window()) : now.plusMillis(1 + random.nextInt(9_000));
                Instant at = now;
                boolean lowerTiersFirst = phase % 2 == 0;
                CountDownLatch othersDone = new CountDownLatch(3);
                List<CountDownLatch> tierDone = List.of(new CountDownLatch(1), new CountDownLatch(1),
                        new CountDownLatch(1), new CountDownLatch(1));
                List<Integer> granted = Concurrently.run(4, tier -> {
                    if (inOrder && tier < 3) {
                        assertThat(tierDone.get(tier + 1).await(60, TimeUnit.SECONDS)).isTrue();
                    } else if (tier == 0 && lowerTiersFirst) {
                        assertThat(othersDone.await(60, TimeUnit.SECONDS)).isTrue();
                    }
                    QuotaBudget node = nodes.get(tier % 2);
                    int n = 0;
                    for (int i = 0; i < callsPerThread; i++) {
                        QuotaDecision decision = node.tryAcquire(tier, at);
                        if (decision.isGranted()) {
                            n++;
                        } else {
                            assertThat(decision.waitTime()).isPositive().isLessThanOrEqualTo(limits.window());
                        }
                    }
                    if (tier > 0) {
                        othersDone.countDown();
                    }
                    tierDone.get(tier).countDown();
                    return n;
                });
                // tier 0 asks for more than the limit, so the phase's total does not depend on the interleaving
                int expected = 0;
                for (int tier = 3; tier >= 0; tier--) {
                    for (int i = 0; i < callsPerThread; i++) {
                        expected += reference.tryAcquire(tier, at).isGranted() ? 1 : 0;
                    }
                }
                assertThat(granted.stream().mapToInt(Integer::intValue).sum()).as("grants in phase %d at %s", phase, at)
                        .isEqualTo(expected);
                for (int tier = 0; tier < 4; tier++) {
                    for (int i = 0; i < granted.get(tier); i++) {
                        grants.add(new Grant(at, tier));
                    }
                }
            }
            assertThat(grants).as("some permits were granted").hasSizeGreaterThan(limits.limit() * 3);
            assertThat(grants).as("every tier was granted some").extracting(Grant::tier).contains(0, 1, 2, 3);
            for (Grant end : grants) {
                Instant windowStart = end.at().minus(limits.window());
                for (int tier = 0; tier < 4; tier++) {
                    int t = tier;
                    long inWindow = grants.stream().filter(g -> g.at().isAfter(windowStart)
                            && !g.at().isAfter(end.at()) && g.tier() >= t).count();
                    assertThat(inWindow).as("grants of tier %d and below in the window ending %s", t, end.at())
                            .isLessThanOrEqualTo(limits.shareOf(t));
                }
            }
        }
    }

    /**
     * The calls held back for more urgent tiers survive a stampede of the least urgent one: 4 threads on two
     * nodes ask for tier 3 until refused, and only then does tier 0 ask; it gets exactly the reserve.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    @Timeout(120)
    void aLessUrgentTierNeverTakesTheCallsKeptForAMoreUrgentOne(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            QuotaLimits limits = QuotaLimits.vinculumDefault(); // 40 per 5 minutes, 5 kept per tier
            List<QuotaBudget> nodes = List.of(store(db.dataSource(), "node-1").quotaBudget(KEY, limits),
                    store(db.newDataSource(), "node-2").quotaBudget(KEY, limits));

            List<Integer> catalog = Concurrently.run(4, thread -> {
                int n = 0;
                for (int i = 0; i < 20; i++) {
                    n += nodes.get(thread % 2).tryAcquire(3, T0).isGranted() ? 1 : 0;
                }
                return n;
            });
            int orders = 0;
            for (int i = 0; i < 20; i++) {
                orders += nodes.get(i % 2).tryAcquire(QuotaBudget.TOP_TIER, T0).isGranted() ? 1 : 0;
            }

            assertThat(catalog.stream().mapToInt(Integer::intValue).sum()).isEqualTo(limits.shareOf(3)).isEqualTo(25);
            assertThat(orders).isEqualTo(limits.reserveFor(3)).isEqualTo(15);
            assertThat(nodes.get(1).snapshot(T0).remaining()).isZero();
        }
    }

    /**
     * One node, random tiers and times (sometimes out of order), blocks and snapshots: exactly the in-memory
     * budget's answers. (Snapshots are taken no later than the latest permit request: unlike the in-memory
     * budget, a snapshot writes nothing, so it does not move the key's clock forward.)
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void answersExactlyAsTheInMemoryBudgetForEveryTier(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            QuotaLimits limits = limits(8, Duration.ofMinutes(5), 1); // shares 8, 7, 6, 5, 4
            QuotaBudget budget = store(db.dataSource(), "s").quotaBudget(KEY, limits);
            RollingWindowQuotaBudget reference = RollingWindowQuotaBudget.of(limits);
            Random random = new Random(7);
            Instant now = T0;
            Instant latestRequest = T0;
            int granted = 0;
            int refusedBelowTheLimit = 0;
            for (int step = 0; step < 400; step++) {
                int op = random.nextInt(10);
                Instant at = random.nextInt(8) == 0 ? now.minusMillis(random.nextInt(5_000))
                        : (now = now.plusNanos(1_000L * random.nextInt(40_000_000)));
                if (op < 7) {
                    int tier = random.nextInt(5);
                    latestRequest = at.isAfter(latestRequest) ? at : latestRequest;
                    QuotaDecision mine = budget.tryAcquire(tier, at);
                    QuotaDecision theirs = reference.tryAcquire(tier, at);
                    assertThat(mine.isGranted()).as("step %d, tier %d at %s", step, tier, at)
                            .isEqualTo(theirs.isGranted());
                    assertThat(mine.waitTime()).as("step %d", step).isEqualTo(theirs.waitTime());
                    granted += mine.isGranted() ? 1 : 0;
                    if (!mine.isGranted() && tier > 0 && budget.snapshot(latestRequest).remaining() > 0) {
                        refusedBelowTheLimit++;
                    }
                } else if (op < 9) {
                    Instant seen = at.isAfter(latestRequest) ? latestRequest : at;
                    assertThat(budget.snapshot(seen)).as("step %d", step).isEqualTo(reference.snapshot(seen));
                } else {
                    Instant until = at.plusSeconds(random.nextInt(120));
                    budget.block(until);
                    reference.block(until);
                }
            }
            assertThat(granted).isGreaterThan(50);
            assertThat(refusedBelowTheLimit).as("refusals that kept calls for more urgent tiers").isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aBlockHoldsEveryNodeAndTierBackAndOnlyALaterOneExtendsIt(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            QuotaLimits limits = QuotaLimits.vinculumDefault();
            QuotaBudget a = store(db.dataSource(), "a").quotaBudget(KEY, limits);
            QuotaBudget b = store(db.newDataSource(), "b").quotaBudget(KEY, limits);
            a.block(T0.plusSeconds(60));
            a.block(T0.plusSeconds(30));
            for (int tier = 0; tier < 4; tier++) {
                QuotaDecision decision = b.tryAcquire(tier, T0);
                assertThat(decision.isGranted()).isFalse();
                assertThat(decision.waitTime()).isEqualTo(Duration.ofSeconds(60));
            }
            assertThat(b.snapshot(T0.plusSeconds(10))).isEqualTo(QuotaSnapshot.of(limits, 0, Duration.ofSeconds(50)));
            assertThat(b.tryAcquire(0, T0.plusSeconds(60)).isGranted()).isTrue();
            assertThat(a.snapshot(T0.plusSeconds(60)).remaining()).isEqualTo(39);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void eachTierWaitsUntilTheWindowHoldsFewerCallsThanItsShare(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            Duration window = Duration.ofSeconds(10);
            QuotaBudget budget = store(db.dataSource(), "s").quotaBudget(KEY, limits(3, window, 1)); // shares 3, 2, 1
            assertThat(budget.tryAcquire(0, T0).isGranted()).isTrue();
            assertThat(budget.tryAcquire(1, T0.plusSeconds(1)).isGranted()).isTrue();
            assertThat(budget.tryAcquire(2, T0.plusSeconds(3)).waitTime()).as("tier 2: one call in the window")
                    .isEqualTo(Duration.ofSeconds(8));
            assertThat(budget.tryAcquire(1, T0.plusSeconds(3)).waitTime()).as("tier 1: two calls")
                    .isEqualTo(Duration.ofSeconds(7));
            assertThat(budget.tryAcquire(0, T0.plusSeconds(4)).isGranted()).as("tier 0: all three").isTrue();
            assertThat(budget.tryAcquire(0, T0.plusSeconds(5)).waitTime()).isEqualTo(Duration.ofSeconds(5));
            assertThat(budget.tryAcquire(0, T0.plusSeconds(10).minusNanos(1_000)).waitTime())
                    .isEqualTo(Duration.ofNanos(1_000));
            assertThat(budget.tryAcquire(0, T0.plusSeconds(10)).isGranted()).as("(t - window, t]").isTrue();
            assertThat(budget.snapshot(T0.plusSeconds(10)))
                    .isEqualTo(QuotaSnapshot.of(limits(3, window, 1), 0, Duration.ofSeconds(1)));
            // time never runs backwards for a key: an earlier instant counts as the latest seen
            assertThat(budget.tryAcquire(0, T0).waitTime()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void snapshotsTakeNoPermitAndKeysAreIndependent(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            Duration window = Duration.ofMinutes(5);
            QuotaLimits limits = QuotaLimits.of(3, window);
            JdbcSyncStateStore store = store(db.dataSource(), "s");
            QuotaBudget budget = store.quotaBudget(KEY, limits);
            for (int i = 0; i < 5; i++) {
                assertThat(budget.snapshot(T0)).isEqualTo(QuotaSnapshot.of(limits, 3, Duration.ZERO));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(budget.tryAcquire(0, T0).isGranted()).isTrue();
            }
            assertThat(budget.tryAcquire(0, T0).isGranted()).isFalse();
            assertThat(store.quotaBudget("seller-ksa", limits).tryAcquire(0, T0).isGranted()).isTrue();
            assertThat(store.quotaBudget("seller-ksa", limits).snapshot(T0).remaining()).isEqualTo(2);
            assertThat(store.quotaBudget("SELLER-UAE", limits).snapshot(T0).remaining()).as("keys are exact")
                    .isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void callsOlderThanTheWindowAreForgotten(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            QuotaBudget budget = store(db.dataSource(), "s").quotaBudget(KEY, QuotaLimits.of(3, Duration.ofSeconds(10)));
            for (int i = 0; i < 200; i++) {
                budget.tryAcquire(i % 3, T0.plusSeconds(i));
            }
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM babyshop_quota_call")) {
                rs.next();
                assertThat(rs.getInt(1)).isLessThanOrEqualTo(3);
            }
        }
    }

    /** Two stores (two store ids, two pools) with one budget key spend one budget: keys are not per store. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void storesOfOneDatabaseShareABudgetByKey(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            QuotaLimits limits = QuotaLimits.vinculumDefault();
            JdbcQuotaBudget node1 = store(db.dataSource(), "babyshop-uae").quotaBudget(KEY, limits);
            JdbcQuotaBudget node2 = store(db.newDataSource(), "babyshop-ksa").quotaBudget(KEY, limits);
            for (int i = 0; i < 20; i++) {
                assertThat(node1.tryAcquire(0, T0).isGranted()).isTrue();
                assertThat(node2.tryAcquire(0, T0).isGranted()).isTrue();
            }
            assertThat(node1.tryAcquire(0, T0).waitTime()).isEqualTo(Duration.ofMinutes(5));
            assertThat(node2.snapshot(T0.plusSeconds(1)).remaining()).isZero();
            assertThat(node1.key()).isEqualTo(KEY);
            assertThat(node1.limits()).isEqualTo(limits);
            assertThat(node1.toString()).contains(KEY, "40 calls per PT5M");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Backend.class, names = "H2")
    void refusesBadArguments(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            JdbcSyncStateStore store = store(db.dataSource(), "s");
            QuotaLimits limits = QuotaLimits.vinculumDefault();
            assertThatThrownBy(() -> store.quotaBudget(" ", limits)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("budget key must be non-blank and at most 512 characters");
            assertThatThrownBy(() -> store.quotaBudget("k".repeat(513), limits))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.quotaBudget("k".repeat(512), limits).tryAcquire(0, T0).isGranted()).isTrue();
            assertThatThrownBy(() -> store.quotaBudget(KEY, QuotaLimits.of(1, Duration.ofNanos(999))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("quota window must be at least one microsecond, was PT0.000000999S");
            assertThatThrownBy(() -> store.quotaBudget(KEY, null)).isInstanceOf(NullPointerException.class);
            QuotaBudget budget = store.quotaBudget(KEY, limits);
            assertThatThrownBy(() -> budget.tryAcquire(0, null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> budget.tryAcquire(-1, T0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> budget.block(null)).isInstanceOf(NullPointerException.class);
        }
    }
}
