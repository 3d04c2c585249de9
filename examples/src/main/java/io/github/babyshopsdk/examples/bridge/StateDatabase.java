package io.github.babyshopsdk.examples.bridge;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import java.util.Locale;
import java.util.Map;

/**
 * The bridge's engine state: a small HikariCP pool on the {@code --state} JDBC URL and a
 * {@link JdbcSyncStateStore} on it (Flyway migrations run on open). H2 (the default, a file under the working
 * directory) and PostgreSQL drivers are on the bridge's class path; a database user and password, when needed,
 * come from the environment variables {@value #USER_ENV} and {@value #PASSWORD_ENV}, never from the URL (a URL
 * with credentials is refused before this class sees it).
 */
final class StateDatabase implements AutoCloseable {
    /** Environment variable with the state database's user. */
    static final String USER_ENV = "BABYSHOP_STATE_USER";
    /** Environment variable with the state database's password. */
    static final String PASSWORD_ENV = "BABYSHOP_STATE_PASSWORD";

    private final HikariDataSource pool;
    private final JdbcSyncStateStore store;

    private StateDatabase(HikariDataSource pool, JdbcSyncStateStore store) {
        this.pool = pool;
        this.store = store;
    }

    /**
     * Opens the state of {@code storeId}.
     *
     * @throws BridgeFailure (bad input) when the database cannot be opened or migrated
     */
    static StateDatabase open(String jdbcUrl, Map<String, String> env, String storeId) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("babyshop-bridge-state");
        config.setJdbcUrl(h2KeepsOpenOnExit(jdbcUrl));
        String user = env.get(USER_ENV);
        if (user != null) {
            config.setUsername(user);
        }
        String password = env.get(PASSWORD_ENV);
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw BridgeFailure.badInput("--state " + redact(jdbcUrl) + ": cannot open the state database: "
                    + rootMessage(e), e);
        }
        try {
            JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(pool).storeId(storeId).build();
            return new StateDatabase(pool, store);
        } catch (RuntimeException e) {
            pool.close();
            throw BridgeFailure.badInput("--state " + redact(jdbcUrl) + ": cannot prepare the state tables: "
                    + rootMessage(e), e);
        }
    }

    /** The store. */
    JdbcSyncStateStore store() {
        return store;
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * An H2 URL gets {@code DB_CLOSE_ON_EXIT=FALSE}, so that H2's own shutdown hook does not close the database
     * under the bridge's (which still commits the run in progress on Ctrl-C).
     */
    static String h2KeepsOpenOnExit(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            return jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        return jdbcUrl;
    }

    /**
     * Whether {@code jdbcUrl} carries credentials: a {@code password} or {@code user} parameter, or user info
     * ({@code //user:password@host}). The bridge refuses such a URL: drivers and pools log and quote their URL.
     */
    static boolean carriesCredentials(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        int authority = lower.indexOf("//");
        return lower.matches("(?s).*[;?&](password|user)\\s*=.*") || authority >= 0 && lower.indexOf('@', authority) >= 0;
    }

    /** The URL (or a driver's message quoting it) with any password parameter and any user info hidden. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^;&\\s]*", "$1██").replaceAll("//[^/@\\s]*@", "//██@");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return redact(message.lines().findFirst().orElse(message));
    }
}
