package io.github.babyshopsdk.benchmarks.world;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/** Opens a fresh state store of a {@link StateKind}, and cleans up after it. Not thread-safe; one per world. */
final class StateStores implements AutoCloseable {
    private final SyncStateStore store;
    private final HikariDataSource pool;
    private final Path directory;
    private final String schema;

    private StateStores(SyncStateStore store, HikariDataSource pool, Path directory, String schema) {
        this.store = store;
        this.pool = pool;
        this.directory = directory;
        this.schema = schema;
    }

    /**
     * A fresh, empty store of {@code kind}.
     *
     * @throws IllegalArgumentException for {@link StateKind#POSTGRESQL} when {@code settings} has no URL
     * @throws UncheckedIOException when the temporary directory cannot be made
     * @throws IllegalStateException when the PostgreSQL schema cannot be created
     */
    static StateStores open(StateKind kind, RunSettings settings) {
        String name = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        switch (kind) {
            case IN_MEMORY:
                return new StateStores(InMemorySyncStateStore.create(), null, null, null);
            case H2_MEMORY: {
                HikariDataSource pool = pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE", "sa", "", null);
                return new StateStores(jdbc(pool), pool, null, null);
            }
            case H2_FILE: {
                Path dir;
                try {
                    dir = Files.createTempDirectory("babyshop-bench-");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create a directory for the H2 file database", e);
                }
                HikariDataSource pool = pool("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", null);
                return new StateStores(jdbc(pool), pool, dir, null);
            }
            case POSTGRESQL: {
                String url = settings.postgresUrl().orElseThrow(() -> new IllegalArgumentException(
                        "PostgreSQL state needs BABYSHOP_PG_URL"));
                try (HikariDataSource admin = pool(url, settings.postgresUser(), settings.postgresPassword(), null);
                        Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create schema " + name + ": " + e.getSQLState(), e);
                }
                HikariDataSource pool = pool(url, settings.postgresUser(), settings.postgresPassword(), name);
                return new StateStores(jdbc(pool), pool, null, name);
            }
            default:
                throw new IllegalArgumentException("unknown state kind " + kind);
        }
    }

    private static SyncStateStore jdbc(HikariDataSource pool) {
        return JdbcSyncStateStore.builder().dataSource(pool).storeId("bench").build();
    }

    private static HikariDataSource pool(String url, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-" + UUID.randomUUID().toString().substring(0, 8));
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        if (schema != null) {
            config.setSchema(schema);
        }
        return new HikariDataSource(config);
    }

    SyncStateStore store() {
        return store;
    }

    /** Drops the PostgreSQL schema, closes the pool, deletes the H2 files; best effort. */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        if (schema != null) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                // best effort: a leftover schema named bench_* is harmless
            }
        }
        pool.close();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a temporary directory
            }
        }
    }
}
