package io.github.babyshopsdk.sync.jdbc.durability;

import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * One database shared by every engine node of a durability test, reachable by JDBC URL from this JVM and
 * from forked ones:
 * <ul>
 *   <li>{@link Kind#H2_FILE}: an H2 file database in a directory of the test, opened with
 *       {@code AUTO_SERVER=TRUE}. This JVM opens it first and keeps a connection for the whole test, so it
 *       stays the database server: a forked node killed with SIGKILL is a client that vanished, as with a
 *       real database server (its open transactions are rolled back).</li>
 *   <li>{@link Kind#H2_MEMORY}: a named H2 in-memory database shared by the pools of this JVM.</li>
 *   <li>{@link Kind#POSTGRESQL}: a schema of its own in the server named by {@code BABYSHOP_PG_URL}
 *       ({@code currentSchema} in the URL, so forked nodes land in it too); dropped on close. Without that
 *       variable the test is skipped, or fails when {@code CI=true}.</li>
 * </ul>
 * All H2 URLs use PostgreSQL mode, the documented embedded setting of the JDBC store.
 */
final class SharedDatabase implements AutoCloseable {

    /** Where the database lives. */
    enum Kind {
        H2_FILE, H2_MEMORY, POSTGRESQL
    }

    static final String PG_URL = "BABYSHOP_PG_URL";
    static final String PG_USER = "BABYSHOP_PG_USER";
    static final String PG_PASSWORD = "BABYSHOP_PG_PASSWORD";
    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private final List<HikariDataSource> pools = new ArrayList<>();
    /** Keeps an H2 database open (and this JVM its server) until {@link #close()}. */
    private final Connection keepAlive;

    private SharedDatabase(Kind kind, String url, String user, String password, String schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        try {
            this.keepAlive = DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + kind + " database " + url, e);
        }
    }

    /** An H2 file database in {@code directory}, served by this JVM to forked ones (AUTO_SERVER). */
    static SharedDatabase h2File(Path directory) {
        String file = directory.resolve("babyshop").toAbsolutePath().toString().replace('\\', '/');
        return new SharedDatabase(Kind.H2_FILE, "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE" + H2_MODE, "sa", "",
                null);
    }

    /** A fresh named H2 in-memory database for the pools of this JVM. */
    static SharedDatabase h2Memory() {
        return new SharedDatabase(Kind.H2_MEMORY, "jdbc:h2:mem:babyshop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                + H2_MODE, "sa", "", null);
    }

    /**
     * A fresh schema in the PostgreSQL server of {@code BABYSHOP_PG_URL}. When the variable is unset, fails
     * if {@code CI=true} (CI must provide PostgreSQL), otherwise aborts the test as skipped.
     */
    static SharedDatabase postgres() {
        String base = System.getenv(PG_URL);
        if (base == null || base.isBlank()) {
            String message = PG_URL + " is not set";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI must provide PostgreSQL: .ci/run starts it (" + message + ")");
            }
            Assumptions.abort(message + ": PostgreSQL tests skipped (source .ci/postgres.sh to run them)");
        }
        String user = System.getenv().getOrDefault(PG_USER, "");
        String password = System.getenv().getOrDefault(PG_PASSWORD, "");
        String schema = "bs_dur_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " in " + base, e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new SharedDatabase(Kind.POSTGRESQL, url, user, password, schema);
    }

    /** Opens the database of {@code kind}; {@code directory} is used by {@link Kind#H2_FILE} only. */
    static SharedDatabase open(Kind kind, Path directory) {
        return switch (kind) {
            case H2_FILE -> h2File(directory);
            case H2_MEMORY -> h2Memory();
            case POSTGRESQL -> postgres();
        };
    }

    Kind kind() {
        return kind;
    }

    /** The JDBC URL every node uses (it selects the schema on PostgreSQL). */
    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** A new connection pool on the database (as one node would have); closed with the database. */
    HikariDataSource newPool(String name, int size) {
        HikariDataSource pool = pool(url, user, password, name, size);
        synchronized (pools) {
            pools.add(pool);
        }
        return pool;
    }

    /** A connection pool on {@code url}, for this JVM or a forked node. */
    static HikariDataSource pool(String url, String user, String password, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name + "-" + POOLS.incrementAndGet());
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        synchronized (pools) {
            pools.forEach(HikariDataSource::close);
            pools.clear();
        }
        try (Statement s = keepAlive.createStatement()) {
            if (kind == Kind.POSTGRESQL) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } else {
                s.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the " + kind + " database", e);
        } finally {
            try {
                keepAlive.close();
            } catch (SQLException ignored) {
                // closed by SHUTDOWN
            }
        }
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
