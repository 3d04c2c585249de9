package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.testkit.Fixture;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Figures, not a test: drains a backlog of {@code -Dorders.drain=N} orders from the testkit through the engine's
 * ORDERS flow, on in-memory state, on H2 state (PostgreSQL mode) and, when {@code BABYSHOP_PG_URL} is set, on
 * PostgreSQL state, and prints the wall time of each drain and the JDBC statements and commits per order. Runs
 * only when the property is set:
 * <pre>
 * mvn -o -q -B -pl babyshop-sync-jdbc -am verify -Dtest='OrderDrainFigures' -Dsurefire.failIfNoSpecifiedTests=false -Dorders.drain=4000
 * </pre>
 * Each kind of state is warmed up first with a drain of up to 1,000 other orders (JIT, the database's own code).
 * Asserts nothing about time; only that every drain imported the same number of orders.
 */
@EnabledIfSystemProperty(named = "orders.drain", matches = "\\d+")
class OrderDrainFigures {
    private static final long SEED = 16L;

    @Test
    void drain() throws Exception {
        int orders = Integer.getInteger("orders.drain");
        Fixture fixture = Fixture.of(SEED, orders, 200);
        drainInMemory(Fixture.of(SEED + 1, Math.min(orders, 1000), 200)); // warm-up
        Result memory = drainInMemory(fixture);
        System.out.printf("orders drain, %d orders: in-memory %d ms, %d imported%n", orders, memory.millis,
                memory.imported);
        drainOnJdbc(Fixture.of(SEED + 1, Math.min(orders, 1000), 200), h2Url(), "sa", "", null); // warm-up
        Result h2 = drainOnJdbc(fixture, h2Url(), "sa", "", null);
        print("H2", orders, h2, memory);
        assertThat(h2.imported).isEqualTo(memory.imported);
        String pgUrl = System.getenv("BABYSHOP_PG_URL");
        if (pgUrl != null && !pgUrl.isBlank()) {
            String user = System.getenv().getOrDefault("BABYSHOP_PG_USER", "");
            String password = System.getenv().getOrDefault("BABYSHOP_PG_PASSWORD", "");
            String schema = "drain_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = java.sql.DriverManager.getConnection(pgUrl, user, password);
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            try {
                Result pg = drainOnJdbc(fixture, pgUrl, user, password, schema);
                print("PostgreSQL", orders, pg, memory);
                assertThat(pg.imported).isEqualTo(memory.imported);
            } finally {
                try (Connection c = java.sql.DriverManager.getConnection(pgUrl, user, password);
                        Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static String h2Url() {
        return "jdbc:h2:mem:drain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    private static void print(String label, int orders, Result jdbc, Result memory) {
        System.out.printf("orders drain, %d orders: %s %d ms (%.2fx in-memory), %d imported; %s;"
                        + " %.2f statements and %.3f commits per order%n", orders, label, jdbc.millis,
                (double) jdbc.millis / Math.max(1, memory.millis), jdbc.imported, jdbc.counts,
                jdbc.counts.executedPer(orders), jdbc.counts.commitsPer(orders));
        System.out.printf("  time in JDBC calls: %s%n", jdbc.timeByCall);
    }

    private record Result(long millis, int imported, CountingDataSource.Counts counts, String timeByCall) {
    }

    private static Result drainInMemory(Fixture fixture) {
        try (SimWorld world = SimWorld.with(fixture).start()) {
            return drain(world, null);
        }
    }

    private static Result drainOnJdbc(Fixture fixture, String url, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        if (schema != null) {
            config.setSchema(schema);
        }
        try (HikariDataSource pool = new HikariDataSource(config)) {
            CountingDataSource counting = new CountingDataSource(pool);
            SyncStateStore store = JdbcSyncStateStore.builder().dataSource(counting).storeId("drain").build();
            try (SimWorld world = SimWorld.with(fixture).stateStore(store).start()) {
                return drain(world, counting);
            }
        }
    }

    private static Result drain(SimWorld world, CountingDataSource counting) {
        if (counting != null) {
            counting.reset();
        }
        long start = System.nanoTime();
        int imported = 0;
        for (int run = 0; run < 10; run++) {
            FlowReport report = world.engine.run(Flow.ORDERS);
            imported += report.imported();
            if (report.imported() == 0) {
                break;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(millis, imported, counting == null ? null : counting.counts(),
                counting == null ? "" : counting.timeByCall());
    }
}
