package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import org.junit.jupiter.api.Test;

/**
 * The chaos soak ({@link ChaosSoak}) with the engine's state in memory: {@code -Dsoak.memory.runs} seeded
 * strict runs (default {@value #DEFAULT_RUNS}) from seed {@code -Dsoak.seed} (default {@value #DEFAULT_SEED}).
 * The JDBC soak (H2 in the build, PostgreSQL in the long profile) is {@code JdbcChaosSoakTest} in
 * babyshop-sync-jdbc. Prints the figures; fails with every violation of every failed run.
 */
class ChaosSoakTest {
    static final int DEFAULT_RUNS = 60;
    static final long DEFAULT_SEED = 1;

    @Test
    void everyInvariantHoldsAfterEverySeededRunInMemory() {
        int runs = Integer.getInteger("soak.memory.runs", DEFAULT_RUNS);
        long seed = Long.getLong("soak.seed", DEFAULT_SEED);
        ChaosSoak.Report report = ChaosSoak.run("memory", seed, runs, s -> new ChaosSoak.OpenStore() {
            private final SyncStateStore store = InMemorySyncStateStore.create();

            @Override
            public SyncStateStore store() {
                return store;
            }

            @Override
            public void close() {
            }
        }, System.out, 0);
        System.out.print(report.summary());
        assertThat(report.failures()).as("failed runs:%n%s", report.failures().stream()
                .map(ChaosSoak.Failure::describe).reduce("", (a, b) -> a + "\n" + b)).isEmpty();
        assertThat(report.runs()).isEqualTo(runs);
    }
}
