package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The chaos soak of issue 9 with the engine's state on JDBC: {@link ChaosSoak} runs strict seeded scenarios
 * ({@link ChaosScenarios#soak}: every simulator fault kind at once, host failures before and after the host's
 * effect, token expiry, a small quota, and the engine process killed at a random state transaction or host
 * call and restarted over the same store), each over a {@link JdbcSyncStateStore}, and checks every invariant
 * after each run (see {@link ChaosSoak}). Prints the figures (runs, faults by kind, host failures, crashes,
 * orders, shipments, cancellations, stock pushes, violations, per-run wall time); fails listing every
 * violation of every failed run with its seed, scenario and run log.
 *
 * <p>System properties (set by the module's pom):
 * <ul>
 *   <li>{@code soak.runs}: how many runs (the build: 200; the {@code soak} profile: 10,000);</li>
 *   <li>{@code soak.seed}: the first seed (default 1); runs use {@code seed, seed + 1, ...}; a failed run
 *       is repeated alone with {@code -Dsoak.seed=<its seed> -Dsoak.runs=1};</li>
 *   <li>{@code soak.threads}: runs in parallel (default 1; each run has its own simulator, host and store id,
 *       so more threads only shorten the wall time);</li>
 *   <li>{@code soak.store}: {@code h2} (default: an H2 in-memory database in PostgreSQL mode, the documented
 *       embedded setting) or {@code postgres} (a schema of its own in the server of {@code BABYSHOP_PG_URL},
 *       dropped afterwards; skipped without it, failed with {@code CI=true}).</li>
 * </ul>
 * The database is migrated once; every run gets a store id of its own, whose rows are deleted after it, so
 * each run starts from an empty state.
 *
 * <p>The build: {@code mvn -B -pl babyshop-sync-jdbc -am verify} (200 runs on H2).
 * The long soak on PostgreSQL, one command from the repository root:
 * <pre>
 * source .ci/postgres.sh &amp;&amp; mvn -B -pl babyshop-sync-jdbc -am verify -Psoak -Dsoak.store=postgres; babyshop_pg_stop
 * </pre>
 * ({@code -Psoak} runs only this test, 10,000 runs unless {@code -Dsoak.runs} says otherwise; the upstream
 * modules are built without running their tests.) Real {@code kill -9} of a separate engine JVM is
 * {@code KillAndRestartTest}'s job; here the crash is in-process ({@link CrashSwitch}), which reaches every
 * state transaction and host call and keeps each run well under a second.
 */
class JdbcChaosSoakTest {
    private static final String PREFIX = "soak_";
    /** The tables keyed by store id (the quota tables are not; the soak does not use a stored quota budget). */
    private static final List<String> TABLES = List.of("settings", "config_change", "cursor", "order_record",
            "quarantine", "sku_link", "inventory", "outbox", "lease", "key_lock", "order_hint");

    @Test
    void everyInvariantHoldsAfterEverySeededRunOnJdbcState() throws SQLException {
        int runs = Integer.getInteger("soak.runs", 200);
        long firstSeed = Long.getLong("soak.seed", 1L);
        String kind = System.getProperty("soak.store", "h2").trim().toLowerCase(Locale.ROOT);
        int threads = Math.max(1, Integer.getInteger("soak.threads", 1));
        String schema = null;
        HikariConfig config = new HikariConfig();
        config.setPoolName("soak");
        config.setMaximumPoolSize(2 + 2 * threads);
        config.setMinimumIdle(1);
        switch (kind) {
            case "h2", "" -> {
                config.setJdbcUrl("jdbc:h2:mem:soak-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
                config.setUsername("sa");
                config.setPassword("");
            }
            case "postgres", "postgresql" -> {
                String url = System.getenv("BABYSHOP_PG_URL");
                if (url == null || url.isBlank()) {
                    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                        fail("CI must provide PostgreSQL (BABYSHOP_PG_URL is not set)");
                    }
                    Assumptions.abort("BABYSHOP_PG_URL is not set: source .ci/postgres.sh to soak on PostgreSQL");
                }
                schema = "soak_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
                config.setUsername(System.getenv().getOrDefault("BABYSHOP_PG_USER", ""));
                config.setPassword(System.getenv().getOrDefault("BABYSHOP_PG_PASSWORD", ""));
                try (var admin = java.sql.DriverManager.getConnection(url, config.getUsername(), config.getPassword());
                        Statement s = admin.createStatement()) {
                    s.execute("CREATE SCHEMA " + schema);
                }
            }
            default -> throw new IllegalArgumentException("soak.store must be h2 or postgres: " + kind);
        }
        String label = kind.startsWith("p") ? "postgres" : "h2";
        ChaosSoak.Report report;
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcSyncStateStore.migrate(pool, PREFIX);
            report = ChaosSoak.run(label, firstSeed, runs, seed -> new ChaosSoak.OpenStore() {
                private final SyncStateStore store = JdbcSyncStateStore.builder().dataSource(pool)
                        .storeId("soak-" + seed).tablePrefix(PREFIX).migrate(false).build();

                @Override
                public SyncStateStore store() {
                    return store;
                }

                @Override
                public void close() {
                    drop(pool, "soak-" + seed);
                }
            }, System.out, Math.max(1, runs / 20), threads);
        } finally {
            if (schema != null) {
                try (var admin = java.sql.DriverManager.getConnection(System.getenv("BABYSHOP_PG_URL"),
                        config.getUsername(), config.getPassword()); Statement s = admin.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        System.out.print(report.summary());
        assertThat(report.failures()).as("failed runs:%n%s", report.failures().stream()
                .map(ChaosSoak.Failure::describe).reduce("", (a, b) -> a + "\n" + b)).isEmpty();
        assertThat(report.runs()).isEqualTo(runs);
    }

    /** Deletes a run's rows (its store id), so the tables stay small over thousands of runs. */
    private static void drop(HikariDataSource pool, String storeId) {
        try (Connection c = pool.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + PREFIX + table + " WHERE store_id = ?")) {
                    s.setString(1, storeId);
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete the state of store " + storeId, e);
        }
    }
}
