package io.github.babyshopsdk.benchmarks.scale;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh state store for one measurement: in-memory, or JDBC (H2 or PostgreSQL) behind a
 * {@link CountingDataSource}, in a new database or schema that {@link #close()} drops. Not thread-safe.
 */
final class StateKinds implements AutoCloseable {

    private final SyncStateStore store;
    private final HikariDataSource pool;
    private final CountingDataSource counting;
    private final String schema;

    private StateKinds(SyncStateStore store, HikariDataSource pool, CountingDataSource counting, String schema) {
        this.store = store;
        this.pool = pool;
        this.counting = counting;
        this.schema = schema;
    }

    /** An {@link InMemorySyncStateStore}. */
    static StateKinds inMemory() {
        return new StateKinds(InMemorySyncStateStore.create(), null, null, null);
    }

    /**
     * A JDBC store on a fresh H2 database: in memory, or in files under {@code url}'s path.
     *
     * @param url an H2 URL without settings, e.g. {@code jdbc:h2:mem:x} or {@code jdbc:h2:file:/tmp/x/state}
     */
    static StateKinds h2(String url) {
        return jdbc(pool(url + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", null), null);
    }

    /** A JDBC store on a fresh H2 in-memory database. */
    static StateKinds h2Memory() {
        return h2("jdbc:h2:mem:" + name());
    }

    /**
     * A JDBC store in a fresh schema of a PostgreSQL database.
     *
     * @throws IllegalStateException when the schema cannot be created
     */
    static StateKinds postgres(String url, String user, String password) {
        String schema = name();
        try (HikariDataSource admin = pool(url, user, password, null);
                Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + ": " + e.getSQLState(), e);
        }
        return jdbc(pool(url, user, password, schema), schema);
    }

    private static StateKinds jdbc(HikariDataSource pool, String schema) {
        CountingDataSource counting = new CountingDataSource(pool);
        return new StateKinds(JdbcSyncStateStore.builder().dataSource(counting).storeId("bench").build(), pool,
                counting, schema);
    }

    private static String name() {
        return "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    private static HikariDataSource pool(String url, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        if (schema != null) {
            config.setSchema(schema);
        }
        return new HikariDataSource(config);
    }

    /** The store. */
    SyncStateStore store() {
        return store;
    }

    /** The JDBC counters, or empty for in-memory state. */
    Optional<CountingDataSource> counting() {
        return Optional.ofNullable(counting);
    }

    /** Drops the schema (PostgreSQL), shuts H2 down, closes the pool; best effort. */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(schema != null ? "DROP SCHEMA " + schema + " CASCADE" : "SHUTDOWN");
        } catch (SQLException e) {
            // best effort: a leftover bench_* schema or H2 database is harmless
        }
        pool.close();
    }
}
