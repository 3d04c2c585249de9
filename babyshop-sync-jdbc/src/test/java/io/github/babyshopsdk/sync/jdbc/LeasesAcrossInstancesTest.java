package io.github.babyshopsdk.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Flow leases between two engine instances (two stores with the same id, two data sources, one database). */
class LeasesAcrossInstancesTest {
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00.123456Z");
    private static final Duration TTL = Duration.ofSeconds(30);

    private static List<LeaseStore> twoNodes(TestDatabase db, String storeId) {
        LeaseStore a = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId(storeId).build().leases();
        LeaseStore b = JdbcSyncStateStore.builder().dataSource(db.newDataSource()).storeId(storeId).build().leases();
        return List.of(a, b);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void exactlyOneNodeOfManyRacingThreadsHoldsTheLease(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            List<LeaseStore> nodes = twoNodes(db, "babyshop-uae");
            for (int round = 0; round < 15; round++) {
                Flow flow = Flow.values()[round % Flow.values().length];
                Instant now = T0.plusSeconds(round * 1_000L);
                List<Boolean> won = Concurrently.run(8,
                        thread -> nodes.get(thread % 2).tryAcquire(flow, "node-" + thread, now, TTL));
                assertThat(won.stream().filter(w -> w).count()).as("holders of %s in round %d", flow, round)
                        .isEqualTo(1);
                int winner = won.indexOf(true);
                // the winner's lease holds against every other owner on either node until it expires
                for (int thread = 0; thread < 8; thread++) {
                    boolean mine = thread == winner;
                    assertThat(nodes.get((thread + 1) % 2).tryAcquire(flow, "node-" + thread, now.plusSeconds(29), TTL))
                            .as("node-%d before expiry", thread).isEqualTo(mine);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aDeadNodesLeaseIsTakenOverOnceItExpires(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            List<LeaseStore> nodes = twoNodes(db, "babyshop-uae");
            LeaseStore a = nodes.get(0);
            LeaseStore b = nodes.get(1);
            assertThat(a.tryAcquire(Flow.ORDERS, "node-a", T0, TTL)).isTrue();
            assertThat(a.tryAcquire(Flow.ORDERS, "node-a", T0.plusSeconds(20), TTL)).as("renewed to 50").isTrue();
            // node-a dies: it never renews again
            assertThat(b.tryAcquire(Flow.ORDERS, "node-b", T0.plusSeconds(49), TTL)).isFalse();
            assertThat(b.tryAcquire(Flow.ORDERS, "node-b", T0.plusSeconds(50).minusNanos(1_000), TTL)).isFalse();
            assertThat(b.tryAcquire(Flow.ORDERS, "node-b", T0.plusSeconds(50), TTL)).isTrue();
            assertThat(a.tryAcquire(Flow.ORDERS, "node-a", T0.plusSeconds(51), TTL)).as("node-a is back, too late")
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void onlyTheHolderReleasesFromAnyNode(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            List<LeaseStore> nodes = twoNodes(db, "babyshop-uae");
            LeaseStore a = nodes.get(0);
            LeaseStore b = nodes.get(1);
            assertThat(a.tryAcquire(Flow.INVENTORY, "node-a", T0, TTL)).isTrue();
            b.release(Flow.INVENTORY, "node-b");
            assertThat(b.tryAcquire(Flow.INVENTORY, "node-b", T0.plusSeconds(1), TTL)).isFalse();
            b.release(Flow.INVENTORY, "node-a");
            assertThat(b.tryAcquire(Flow.INVENTORY, "node-b", T0.plusSeconds(2), TTL)).isTrue();
            assertThat(a.tryAcquire(Flow.INVENTORY, "node-a", T0.plusSeconds(3), TTL)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void differentStoresHaveDifferentLeases(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            LeaseStore uae = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("babyshop-uae").build()
                    .leases();
            LeaseStore ksa = JdbcSyncStateStore.builder().dataSource(db.newDataSource()).storeId("babyshop-ksa").build()
                    .leases();
            assertThat(uae.tryAcquire(Flow.ORDERS, "node-a", T0, TTL)).isTrue();
            assertThat(ksa.tryAcquire(Flow.ORDERS, "node-b", T0, TTL)).isTrue();
            assertThat(uae.tryAcquire(Flow.ORDERS, "node-b", T0, TTL)).isFalse();
            ksa.release(Flow.ORDERS, "node-a");
            assertThat(ksa.tryAcquire(Flow.ORDERS, "node-a", T0, TTL)).isFalse();
        }
    }
}
