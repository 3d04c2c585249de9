package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        ChaosSoak.Report report = ChaosSoak.run("memory", seed, runs, s -> inMemory(), System.out, 0);
        System.out.print(report.summary());
        assertNoFailedRun(report);
        assertThat(report.runs()).isEqualTo(runs);
    }

    /**
     * Seeds whose runs once broke an invariant, kept as regressions (with {@link ChaosScenarios} as it is):
     * 190 and 237 lost a host cancellation and a packed order to waits that spent attempts (issue 9, item 1);
     * 453 created an order in the host whose write-ahead record was then dropped as "status unmapped" when
     * the order had moved on to an unmapped status, so its shipments waited for an import that never came.
     */
    @ParameterizedTest
    @ValueSource(longs = {190, 237, 453})
    void seedsThatOnceFailedHoldEveryInvariant(long seed) {
        ChaosSoak.Report report = ChaosSoak.run("memory", seed, 1, s -> inMemory(), System.out, 0);
        assertNoFailedRun(report);
    }

    private static void assertNoFailedRun(ChaosSoak.Report report) {
        assertThat(report.failures()).as("failed runs:%n%s", report.failures().stream()
                .map(ChaosSoak.Failure::describe).reduce("", (a, b) -> a + "\n" + b)).isEmpty();
    }

    private static ChaosSoak.OpenStore inMemory() {
        SyncStateStore store = InMemorySyncStateStore.create();
        return new ChaosSoak.OpenStore() {
            @Override
            public SyncStateStore store() {
                return store;
            }

            @Override
            public void close() {
            }
        };
    }
}
