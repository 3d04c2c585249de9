package io.github.babyshopsdk.sync.jdbc;

import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test or test class, reached through HikariCP pools: an H2 in-memory
 * database of its own, or a schema of its own in the PostgreSQL server named by {@code BABYSHOP_PG_URL}.
 * {@link #close()} closes every pool and drops the database or schema.
 */
final class TestDatabase implements AutoCloseable {

    /** The databases the tests run on. */
    enum Backend {
        /** H2 in PostgreSQL compatibility mode: the documented embedded setting. */
        H2,
        /** H2 in its own (regular) mode. */
        H2_PLAIN,
        /** The PostgreSQL server of {@code BABYSHOP_PG_URL}. */
        POSTGRESQL;

        /** A fresh database of this kind; skips (or, on CI, fails) when PostgreSQL is not configured. */
        TestDatabase open() {
            return switch (this) {
                case H2 -> h2(true);
                case H2_PLAIN -> h2(false);
                case POSTGRESQL -> postgres();
            };
        }
    }

    static final String PG_URL = "BABYSHOP_PG_URL";
    static final String PG_USER = "BABYSHOP_PG_USER";
    static final String PG_PASSWORD = "BABYSHOP_PG_PASSWORD";

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Backend backend;
    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final HikariDataSource first;

    private TestDatabase(Backend backend, String url, String user, String password, String schema) {
        this.backend = backend;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        if (schema != null) {
            try (HikariDataSource admin = pool(null, 1); Connection c = admin.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create schema " + schema, e);
            }
        }
        this.first = newDataSource();
    }

    /** A fresh H2 in-memory database, in PostgreSQL mode or H2's own. */
    static TestDatabase h2(boolean postgresMode) {
        String name = "babyshop-" + UUID.randomUUID();
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"
                + (postgresMode ? ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" : "");
        return new TestDatabase(postgresMode ? Backend.H2 : Backend.H2_PLAIN, url, "sa", "", null);
    }

    /**
     * A fresh schema in the PostgreSQL server of {@code BABYSHOP_PG_URL}. When the variable is unset, fails
     * if {@code CI=true} (CI must provide PostgreSQL), otherwise aborts the test as skipped.
     */
    static TestDatabase postgres() {
        String url = System.getenv(PG_URL);
        if (url == null || url.isBlank()) {
            String message = PG_URL + " is not set";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI must provide PostgreSQL: .ci/run starts it (" + message + ")");
            }
            Assumptions.abort(message + ": PostgreSQL tests skipped (source .ci/postgres.sh to run them)");
        }
        String user = System.getenv().getOrDefault(PG_USER, "");
        String password = System.getenv().getOrDefault(PG_PASSWORD, "");
        String schema = "bs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        return new TestDatabase(Backend.POSTGRESQL, url, user, password, schema);
    }

    Backend backend() {
        return backend;
    }

    /** The pool opened with the database. */
    DataSource dataSource() {
        return first;
    }

    /** Another pool on the same database (as a second node would have); closed with the database. */
    HikariDataSource newDataSource() {
        HikariDataSource pool = pool(schema, 12);
        synchronized (pools) {
            pools.add(pool);
        }
        return pool;
    }

    private HikariDataSource pool(String schemaName, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("test-" + backend + "-" + POOLS.incrementAndGet());
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(30_000);
        if (schemaName != null) {
            config.setSchema(schemaName);
        }
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        if (schema != null) {
            try (Connection c = first.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop schema " + schema, e);
            }
        }
        synchronized (pools) {
            pools.forEach(HikariDataSource::close);
            pools.clear();
        }
        if (backend != Backend.POSTGRESQL) {
            // DB_CLOSE_DELAY=-1 kept the in-memory database alive without connections: drop it now
            try {
                Connection c = DriverManager.getConnection(url, user, password);
                c.createStatement().execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot shut H2 down", e);
            }
        }
    }

    @Override
    public String toString() {
        return backend.name();
    }
}
