package io.github.babyshopsdk.sync.jdbc;

import io.github.babyshopsdk.sync.state.StateStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database as the stores see it: the data source, its dialect, the table prefix, and the transaction
 * loop every unit of work runs in. Thread-safe (immutable; connections are taken per transaction).
 */
final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** What a valid table prefix looks like. */
    static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]*");
    /** The longest table prefix (PostgreSQL names are at most 63 characters). */
    static final int MAX_PREFIX_LENGTH = 20;
    /** How many times a unit of work runs at most when the database reports a serialization failure or deadlock. */
    static final int MAX_ATTEMPTS = 6;

    /**
     * SQLStates after which the whole transaction is run again: serialization failure (40001, also H2's
     * deadlock), PostgreSQL deadlock (40P01), lock timeouts (PostgreSQL 55P03, H2 HYT00 with error 50200)
     * and H2's concurrent update (90131).
     */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "55P03", "90131");
    private static final String H2_LOCK_TIMEOUT_STATE = "HYT00";
    private static final int H2_LOCK_TIMEOUT_CODE = 50200;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String prefix;

    private Database(DataSource dataSource, Dialect dialect, String prefix) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.prefix = prefix;
    }

    /**
     * Connects once to learn the dialect.
     *
     * @throws IllegalArgumentException for an unsupported database
     * @throws StateStoreException when the database cannot be reached
     */
    static Database open(DataSource dataSource, String prefix) {
        try (Connection connection = dataSource.getConnection()) {
            return new Database(dataSource, Dialect.of(connection), prefix);
        } catch (SQLException e) {
            throw new StateStoreException("cannot connect to the state database: " + e.getMessage(), e);
        }
    }

    /** Validates a table prefix; returns it. */
    static String checkPrefix(String prefix) {
        if (prefix == null || prefix.length() > MAX_PREFIX_LENGTH || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must match [a-z_][a-z0-9_]* and be at most "
                    + MAX_PREFIX_LENGTH + " characters, was " + (prefix == null ? "null" : "'" + prefix + "'"));
        }
        return prefix;
    }

    DataSource dataSource() {
        return dataSource;
    }

    Dialect dialect() {
        return dialect;
    }

    String prefix() {
        return prefix;
    }

    /** The full name of table {@code name}. */
    String table(String name) {
        return prefix + name;
    }

    /** A unit of work on one connection, inside a transaction the loop opens and commits. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    /**
     * Thrown by a {@link Work} to have its transaction rolled back and run again; when no attempt is left,
     * {@link #failure} is thrown instead.
     */
    static final class Retry extends Exception {
        private static final long serialVersionUID = 1L;
        final RuntimeException failure;

        Retry(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /**
     * Runs {@code work} in a transaction (autocommit off, READ COMMITTED) on a connection of its own and
     * commits. On any exception the transaction is rolled back; a {@link Retry}, or an {@link SQLException}
     * with a {@linkplain #isRetryable(SQLException) retryable} state, runs the work again on a new
     * transaction, at most {@value #MAX_ATTEMPTS} times in all, after a short random pause. Runtime
     * exceptions and errors of the work propagate unchanged; SQL exceptions as {@link StateStoreException}.
     */
    <T> T transact(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            boolean retry;
            Connection connection = connect(what);
            boolean restoreAutoCommit = false;
            int isolation = Connection.TRANSACTION_READ_COMMITTED;
            try {
                isolation = connection.getTransactionIsolation();
                if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                if (connection.getAutoCommit()) {
                    connection.setAutoCommit(false);
                    restoreAutoCommit = true;
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Retry r) {
                rollback(connection);
                failure = r.failure;
                retry = true;
            } catch (SQLException e) {
                rollback(connection);
                failure = new StateStoreException(what + " failed: " + e.getMessage(), e);
                retry = isRetryable(e);
            } catch (RuntimeException | Error e) {
                rollback(connection);
                throw e;
            } catch (Exception e) {
                rollback(connection);
                throw new StateStoreException(what + " failed: " + e, e);
            } finally {
                release(connection, restoreAutoCommit, isolation);
            }
            if (!retry || attempt >= MAX_ATTEMPTS) {
                throw failure;
            }
            LOG.debug("{}: attempt {} of {} hit a transient database failure; running it again", what, attempt,
                    MAX_ATTEMPTS, failure);
            pause(attempt, failure);
        }
    }

    /**
     * Whether the whole transaction should be run again after {@code e} (or an exception chained to it):
     * a serialization failure, deadlock, lock timeout or H2 concurrent update.
     */
    static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                if (isRetryableState(s)) {
                    return true;
                }
                for (SQLException next = s.getNextException(); next != null; next = next.getNextException()) {
                    if (isRetryableState(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isRetryableState(SQLException s) {
        String state = s.getSQLState();
        return state != null && (RETRYABLE.contains(state)
                || (state.equals(H2_LOCK_TIMEOUT_STATE) && s.getErrorCode() == H2_LOCK_TIMEOUT_CODE));
    }

    private Connection connect(String what) {
        try {
            return Objects.requireNonNull(dataSource.getConnection(), "DataSource.getConnection() returned null");
        } catch (SQLException e) {
            throw new StateStoreException(what + ": cannot get a connection: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("rollback failed; the connection is closed without committing", e);
        }
    }

    private static void release(Connection connection, boolean restoreAutoCommit, int isolation) {
        try {
            if (restoreAutoCommit) {
                connection.setAutoCommit(true);
            }
            if (isolation != Connection.TRANSACTION_READ_COMMITTED && isolation != Connection.TRANSACTION_NONE) {
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("could not restore the connection's settings", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("closing a connection failed", e);
            }
        }
    }

    private static void pause(int attempt, RuntimeException failure) {
        long bound = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    @Override
    public String toString() {
        return dialect + " tables " + prefix + "*";
    }
}
