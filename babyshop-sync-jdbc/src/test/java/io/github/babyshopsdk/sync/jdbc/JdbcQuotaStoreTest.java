package io.github.babyshopsdk.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.quota.QuotaDecision;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.sync.StoredQuotaBudget;
import io.github.babyshopsdk.sync.state.QuotaStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link JdbcQuotaStore}: one rolling-window budget per key, shared by every thread and node. */
class JdbcQuotaStoreTest {
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00.123456Z");
    private static final String KEY = "seller-uae";

    /**
     * 4 threads on 2 store instances (2 data sources, one database) hammer one budget; time moves in phases
     * (every call of a phase at the same instant, random steps). Each phase grants exactly what the in-memory
     * reference budget grants, and no window ever holds more than the limit.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    @Timeout(120)
    void neverGrantsMoreThanTheLimitInAnyWindowAcrossThreadsAndNodes(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            int limit = 5;
            Duration window = Duration.ofSeconds(10);
            List<QuotaStore> nodes = List.of(JdbcQuotaStore.builder().dataSource(db.dataSource()).build(),
                    JdbcQuotaStore.builder().dataSource(db.newDataSource()).build());
            RollingWindowQuotaBudget reference = RollingWindowQuotaBudget.of(limit, window);
            Random random = new Random(20240501);
            List<Instant> times = new ArrayList<>();
            List<Integer> grants = new ArrayList<>();
            Instant now = T0;
            for (int phase = 0; phase < 25; phase++) {
                now = now.plusMillis(1 + random.nextInt(6_000));
                Instant at = now;
                int callsPerThread = limit + 2;
                List<Integer> granted = Concurrently.run(4, thread -> {
                    QuotaStore node = nodes.get(thread % 2);
                    int n = 0;
                    for (int i = 0; i < callsPerThread; i++) {
                        QuotaDecision decision = node.tryAcquire(KEY, at, limit, window);
                        if (decision.isGranted()) {
                            n++;
                        } else {
                            assertThat(decision.waitTime()).isPositive().isLessThanOrEqualTo(window);
                        }
                    }
                    return n;
                });
                int total = granted.stream().mapToInt(Integer::intValue).sum();
                int expected = 0;
                for (int i = 0; i < 4 * callsPerThread; i++) {
                    if (reference.tryAcquire(0, at).isGranted()) {
                        expected++;
                    }
                }
                assertThat(total).as("grants in phase %d at %s", phase, at).isEqualTo(expected);
                times.add(at);
                grants.add(total);
            }
            assertThat(grants.stream().mapToInt(Integer::intValue).sum()).as("some permits were granted")
                    .isGreaterThan(limit * 3);
            for (int end = 0; end < times.size(); end++) {
                Instant windowStart = times.get(end).minus(window);
                int inWindow = 0;
                for (int i = 0; i <= end; i++) {
                    if (times.get(i).isAfter(windowStart)) {
                        inWindow += grants.get(i);
                    }
                }
                assertThat(inWindow).as("grants in the window ending at phase %d", end).isLessThanOrEqualTo(limit);
            }
        }
    }

    /**
     * One node, random times (sometimes out of order), blocks and snapshots: exactly the in-memory budget's
     * answers. (Snapshots are taken no later than the latest permit request: unlike the in-memory budget, a
     * snapshot writes nothing, so it does not move the key's clock forward.)
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void answersExactlyAsTheInMemoryBudget(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            int limit = 4;
            Duration window = Duration.ofMinutes(5);
            QuotaStore store = JdbcQuotaStore.builder().dataSource(db.dataSource()).build();
            RollingWindowQuotaBudget reference = RollingWindowQuotaBudget.of(limit, window);
            Random random = new Random(7);
            Instant now = T0;
            Instant latestRequest = T0;
            for (int step = 0; step < 300; step++) {
                int op = random.nextInt(10);
                Instant at = random.nextInt(8) == 0 ? now.minusMillis(random.nextInt(5_000))
                        : (now = now.plusNanos(1_000L * random.nextInt(60_000_000)));
                if (op < 7) {
                    latestRequest = at.isAfter(latestRequest) ? at : latestRequest;
                    QuotaDecision mine = store.tryAcquire(KEY, at, limit, window);
                    QuotaDecision theirs = reference.tryAcquire(0, at);
                    assertThat(mine.isGranted()).as("step %d at %s", step, at).isEqualTo(theirs.isGranted());
                    assertThat(mine.waitTime()).as("step %d", step).isEqualTo(theirs.waitTime());
                } else if (op < 9) {
                    Instant seen = at.isAfter(latestRequest) ? latestRequest : at;
                    QuotaSnapshot mine = store.snapshot(KEY, seen, limit, window);
                    assertThat(mine).as("step %d", step).isEqualTo(reference.snapshot(seen));
                } else {
                    Instant until = at.plusSeconds(random.nextInt(120));
                    store.block(KEY, until);
                    reference.block(until);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aBlockHoldsEveryNodeBackAndOnlyALaterOneExtendsIt(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            Duration window = Duration.ofMinutes(5);
            QuotaStore a = JdbcQuotaStore.builder().dataSource(db.dataSource()).build();
            QuotaStore b = JdbcSyncStateStore.builder().dataSource(db.newDataSource()).storeId("any").build().quotaStore();
            a.block(KEY, T0.plusSeconds(60));
            a.block(KEY, T0.plusSeconds(30));
            QuotaDecision decision = b.tryAcquire(KEY, T0, 40, window);
            assertThat(decision.isGranted()).isFalse();
            assertThat(decision.waitTime()).isEqualTo(Duration.ofSeconds(60));
            assertThat(b.snapshot(KEY, T0.plusSeconds(10), 40, window))
                    .isEqualTo(QuotaSnapshot.of(io.github.babyshopsdk.client.quota.QuotaLimits.of(40, window), 0, Duration.ofSeconds(50)));
            assertThat(b.tryAcquire(KEY, T0.plusSeconds(60), 40, window).isGranted()).isTrue();
            assertThat(a.snapshot(KEY, T0.plusSeconds(60), 40, window).remaining()).isEqualTo(39);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void waitsUntilTheOldestCallLeavesTheWindow(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            Duration window = Duration.ofSeconds(10);
            QuotaStore store = JdbcQuotaStore.builder().dataSource(db.dataSource()).build();
            assertThat(store.tryAcquire(KEY, T0, 2, window).isGranted()).isTrue();
            assertThat(store.tryAcquire(KEY, T0.plusSeconds(1), 2, window).isGranted()).isTrue();
            assertThat(store.tryAcquire(KEY, T0.plusSeconds(3), 2, window).waitTime()).isEqualTo(Duration.ofSeconds(7));
            assertThat(store.tryAcquire(KEY, T0.plusSeconds(10).minusNanos(1_000), 2, window).waitTime())
                    .isEqualTo(Duration.ofNanos(1_000));
            assertThat(store.tryAcquire(KEY, T0.plusSeconds(10), 2, window).isGranted()).as("(t - window, t]").isTrue();
            assertThat(store.snapshot(KEY, T0.plusSeconds(10), 2, window))
                    .isEqualTo(QuotaSnapshot.of(io.github.babyshopsdk.client.quota.QuotaLimits.of(2, window), 0, Duration.ofSeconds(1)));
            // time never runs backwards for a key: an earlier instant counts as the latest seen
            assertThat(store.tryAcquire(KEY, T0, 2, window).waitTime()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void snapshotsTakeNoPermitAndKeysAreIndependent(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            Duration window = Duration.ofMinutes(5);
            QuotaStore store = JdbcQuotaStore.builder().dataSource(db.dataSource()).build();
            for (int i = 0; i < 5; i++) {
                assertThat(store.snapshot(KEY, T0, 3, window)).isEqualTo(QuotaSnapshot.of(io.github.babyshopsdk.client.quota.QuotaLimits.of(3, window), 3, Duration.ZERO));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(store.tryAcquire(KEY, T0, 3, window).isGranted()).isTrue();
            }
            assertThat(store.tryAcquire(KEY, T0, 3, window).isGranted()).isFalse();
            assertThat(store.tryAcquire("seller-ksa", T0, 3, window).isGranted()).isTrue();
            assertThat(store.snapshot("seller-ksa", T0, 3, window).remaining()).isEqualTo(2);
            assertThat(store.snapshot("SELLER-UAE", T0, 3, window).remaining()).as("keys are exact").isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void callsOlderThanTheWindowAreForgotten(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            Duration window = Duration.ofSeconds(10);
            QuotaStore store = JdbcQuotaStore.builder().dataSource(db.dataSource()).build();
            for (int i = 0; i < 200; i++) {
                store.tryAcquire(KEY, T0.plusSeconds(i), 3, window);
            }
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM babyshop_quota_call")) {
                rs.next();
                assertThat(rs.getInt(1)).isLessThanOrEqualTo(3);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void worksAsTheClientsBudget(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            QuotaStore store = JdbcQuotaStore.builder().dataSource(db.dataSource()).build();
            StoredQuotaBudget node1 = StoredQuotaBudget.of(store, KEY, 40, Duration.ofMinutes(5));
            StoredQuotaBudget node2 = StoredQuotaBudget.of(
                    JdbcQuotaStore.builder().dataSource(db.newDataSource()).build(), KEY, 40, Duration.ofMinutes(5));
            for (int i = 0; i < 20; i++) {
                assertThat(node1.tryAcquire(0, T0).isGranted()).isTrue();
                assertThat(node2.tryAcquire(0, T0).isGranted()).isTrue();
            }
            assertThat(node1.tryAcquire(0, T0).waitTime()).isEqualTo(Duration.ofMinutes(5));
            assertThat(node2.snapshot(T0.plusSeconds(1)).remaining()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Backend.class, names = "H2")
    void refusesBadArguments(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            QuotaStore store = JdbcQuotaStore.builder().dataSource(db.dataSource()).build();
            Duration window = Duration.ofMinutes(5);
            assertThatThrownBy(() -> store.tryAcquire(" ", T0, 1, window)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("budget key must be non-blank and at most 512 characters");
            assertThatThrownBy(() -> store.tryAcquire("k".repeat(513), T0, 1, window))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.tryAcquire(KEY, T0, 0, window)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("quota limit must be at least 1 call, was 0");
            assertThatThrownBy(() -> store.snapshot(KEY, T0, 1, Duration.ofNanos(999)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("quota window must be at least one microsecond, was PT0.000000999S");
            assertThatThrownBy(() -> store.tryAcquire(KEY, null, 1, window)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> store.block("", T0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
