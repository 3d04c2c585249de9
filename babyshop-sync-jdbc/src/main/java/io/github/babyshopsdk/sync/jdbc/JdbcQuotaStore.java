package io.github.babyshopsdk.sync.jdbc;

import io.github.babyshopsdk.client.quota.QuotaDecision;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.sync.state.QuotaStore;
import io.github.babyshopsdk.sync.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link QuotaStore} in the database, so that every node (JVM) using one Babyshop credential spends one
 * rolling-window budget. Wire it into the client with
 * {@link io.github.babyshopsdk.sync.StoredQuotaBudget#of StoredQuotaBudget.of(quotaStore, "seller-uae", 40,
 * Duration.ofMinutes(5))}.
 *
 * <p>Each budget key has a row in {@code <prefix>quota_budget} and the start times of the calls granted in
 * the last window in {@code <prefix>quota_call}. {@link #tryAcquire} is one transaction: it locks the key's
 * row ({@code SELECT ... FOR UPDATE}, after inserting it if absent), drops calls older than the window,
 * counts the rest and records the call if fewer than {@code limit} remain, so two nodes can never both take
 * the last permit. Time never runs backwards for a key: an instant earlier than the latest one the key has
 * seen (clocks of nodes differ slightly) counts as that latest one, which keeps the window count exact.
 * Times are kept to the microsecond. Budgets are keyed by budget key alone, not by store id. Use one limit
 * and window per key: calls older than the window in use are forgotten.
 *
 * <p>Thread-safe. Methods throw {@link StateStoreException} when the database fails, after rerunning the
 * transaction on serialization failures and deadlocks.
 */
public final class JdbcQuotaStore implements QuotaStore {
    private static final int MAX_KEY_LENGTH = 512;

    private final Database db;
    private final String ensureBudget;
    private final String lockBudget;
    private final String readBudget;
    private final String updateBudget;
    private final String setLatest;
    private final String block;
    private final String prune;
    private final String count;
    private final String nthOldest;
    private final String insertCall;

    JdbcQuotaStore(Database db) {
        this.db = db;
        String budget = db.table("quota_budget");
        String call = db.table("quota_call");
        this.ensureBudget = db.dialect().insertIfAbsent(budget, List.of("budget_key"), List.of());
        this.lockBudget = "SELECT blocked_until_us, latest_us, next_seq FROM " + budget
                + " WHERE budget_key = ? FOR UPDATE";
        this.readBudget = "SELECT blocked_until_us, latest_us, next_seq FROM " + budget + " WHERE budget_key = ?";
        this.updateBudget = "UPDATE " + budget + " SET next_seq = ?, latest_us = ? WHERE budget_key = ?";
        this.setLatest = "UPDATE " + budget + " SET latest_us = ? WHERE budget_key = ?";
        this.block = "UPDATE " + budget + " SET blocked_until_us = ? WHERE budget_key = ?"
                + " AND (blocked_until_us IS NULL OR blocked_until_us < ?)";
        this.prune = "DELETE FROM " + call + " WHERE budget_key = ? AND at_us <= ?";
        this.count = "SELECT COUNT(*) FROM " + call + " WHERE budget_key = ? AND at_us > ?";
        this.nthOldest = "SELECT at_us FROM " + call + " WHERE budget_key = ? AND at_us > ?"
                + " ORDER BY at_us, seq LIMIT 1 OFFSET ?";
        this.insertCall = "INSERT INTO " + call + " (budget_key, seq, at_us) VALUES (?, ?, ?)";
    }

    /** A builder; {@link Builder#dataSource} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The budget row. */
    private record Budget(Optional<Long> blockedUntil, Optional<Long> latest, long nextSeq) {
        long now(long requested) {
            return latest.filter(l -> l > requested).orElse(requested);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException for a blank or too long key, a limit below 1 or a window shorter than
     *     a microsecond
     * @throws StateStoreException when the database fails
     */
    @Override
    public QuotaDecision tryAcquire(String key, Instant now, int limit, Duration window) {
        check(key, now, limit, window);
        long requested = Codec.micros(now);
        long windowMicros = micros(window);
        return db.transact("taking a permit of quota budget " + key, connection -> {
            Budget budget = lock(connection, key);
            long t = budget.now(requested);
            if (budget.blockedUntil().isPresent() && t < budget.blockedUntil().get()) {
                setLatest(connection, key, t);
                return QuotaDecision.waitFor(Duration.of(budget.blockedUntil().get() - t, ChronoUnit.MICROS));
            }
            long windowStart = windowStart(t, windowMicros);
            execute(connection, prune, ps -> {
                ps.setString(1, key);
                ps.setLong(2, windowStart);
            });
            int calls = count(connection, key, windowStart);
            if (calls < limit) {
                execute(connection, insertCall, ps -> {
                    ps.setString(1, key);
                    ps.setLong(2, budget.nextSeq());
                    ps.setLong(3, t);
                });
                execute(connection, updateBudget, ps -> {
                    ps.setLong(1, budget.nextSeq() + 1);
                    ps.setLong(2, t);
                    ps.setString(3, key);
                });
                return QuotaDecision.granted();
            }
            setLatest(connection, key, t);
            return QuotaDecision.waitFor(untilFree(connection, key, windowStart, windowMicros, t, calls - limit));
        });
    }

    /**
     * {@inheritDoc} A later {@code until} than the one recorded wins; an earlier one changes nothing.
     *
     * @throws IllegalArgumentException for a blank or too long key
     * @throws StateStoreException when the database fails
     */
    @Override
    public void block(String key, Instant until) {
        checkKey(key);
        Objects.requireNonNull(until, "until");
        long untilMicros = Codec.microsSaturated(until);
        db.transact("blocking quota budget " + key, connection -> {
            ensure(connection, key);
            execute(connection, block, ps -> {
                ps.setLong(1, untilMicros);
                ps.setString(2, key);
                ps.setLong(3, untilMicros);
            });
            return null;
        });
    }

    /**
     * {@inheritDoc} Reads without locking or writing (so, unlike {@link #tryAcquire}, it does not move the
     * key's latest instant forward).
     *
     * @throws IllegalArgumentException for a blank or too long key, a limit below 1 or a window shorter than
     *     a microsecond
     * @throws StateStoreException when the database fails
     */
    @Override
    public QuotaSnapshot snapshot(String key, Instant now, int limit, Duration window) {
        check(key, now, limit, window);
        long requested = Codec.micros(now);
        long windowMicros = micros(window);
        return db.transact("reading quota budget " + key, connection -> {
            Optional<Budget> row = read(connection, readBudget, key);
            long t = row.map(b -> b.now(requested)).orElse(requested);
            Optional<Long> blockedUntil = row.flatMap(Budget::blockedUntil);
            if (blockedUntil.isPresent() && t < blockedUntil.get()) {
                return QuotaSnapshot.of(QuotaLimits.of(limit, window), 0, Duration.of(blockedUntil.get() - t, ChronoUnit.MICROS));
            }
            long windowStart = windowStart(t, windowMicros);
            int calls = count(connection, key, windowStart);
            int remaining = Math.max(0, limit - calls);
            Duration next = remaining > 0 ? Duration.ZERO
                    : untilFree(connection, key, windowStart, windowMicros, t, calls - limit);
            return QuotaSnapshot.of(QuotaLimits.of(limit, window), remaining, next);
        });
    }

    @Override
    public String toString() {
        return "JdbcQuotaStore{" + db + "}";
    }

    // ------------------------------------------------------------------------------------------ internals

    private static void check(String key, Instant now, int limit, Duration window) {
        checkKey(key);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("quota limit must be at least 1 call, was " + limit);
        }
        if (window.compareTo(Duration.ofNanos(1_000)) < 0) {
            throw new IllegalArgumentException("quota window must be at least one microsecond, was " + window);
        }
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("budget key must be non-blank and at most " + MAX_KEY_LENGTH
                    + " characters");
        }
    }

    private static long micros(Duration window) {
        try {
            return Math.addExact(Math.multiplyExact(window.getSeconds(), 1_000_000L), window.getNano() / 1_000);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long windowStart(long now, long windowMicros) {
        try {
            return Math.subtractExact(now, windowMicros);
        } catch (ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Binds parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static int execute(Connection connection, String statement, Binder binder) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(statement)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    private void ensure(Connection connection, String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(ensureBudget)) {
            ps.setString(1, key);
            db.dialect().insertIfAbsent(ps);
        }
    }

    private Budget lock(Connection connection, String key) throws SQLException {
        ensure(connection, key);
        return read(connection, lockBudget, key)
                .orElseThrow(() -> new SQLException("quota budget row of " + key + " vanished"));
    }

    private static Optional<Budget> read(Connection connection, String query, String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long blocked = rs.getLong(1);
                Optional<Long> blockedUntil = rs.wasNull() ? Optional.empty() : Optional.of(blocked);
                long latestValue = rs.getLong(2);
                Optional<Long> latest = rs.wasNull() ? Optional.empty() : Optional.of(latestValue);
                return Optional.of(new Budget(blockedUntil, latest, rs.getLong(3)));
            }
        }
    }

    private void setLatest(Connection connection, String key, long t) throws SQLException {
        execute(connection, setLatest, ps -> {
            ps.setLong(1, t);
            ps.setString(2, key);
        });
    }

    private int count(Connection connection, String key, long windowStart) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(count)) {
            ps.setString(1, key);
            ps.setLong(2, windowStart);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * How long until fewer than the limit calls are in the window: until the call at position
     * {@code excess} (0 = the oldest) leaves it. At least a microsecond.
     */
    private Duration untilFree(Connection connection, String key, long windowStart, long windowMicros, long now,
            int excess) throws SQLException {
        long leaving;
        try (PreparedStatement ps = connection.prepareStatement(nthOldest)) {
            ps.setString(1, key);
            ps.setLong(2, windowStart);
            ps.setInt(3, excess);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Duration.of(1, ChronoUnit.MICROS);
                }
                leaving = rs.getLong(1);
            }
        }
        long wait;
        try {
            wait = Math.subtractExact(Math.addExact(leaving, windowMicros), now);
        } catch (ArithmeticException e) {
            wait = Long.MAX_VALUE;
        }
        return Duration.of(Math.max(1, wait), ChronoUnit.MICROS);
    }

    /** Builds a {@link JdbcQuotaStore}. Not thread-safe. */
    public static final class Builder {
        private DataSource dataSource;
        private String tablePrefix = JdbcSyncStateStore.DEFAULT_TABLE_PREFIX;
        private boolean migrate = true;

        private Builder() {
        }

        /** The data source (required); never closed by the store. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** The table prefix, as for {@link JdbcSyncStateStore.Builder#tablePrefix(String)}. */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
            return this;
        }

        /** Whether {@link #build()} runs the migrations (default true), as for {@link JdbcSyncStateStore}. */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Validates, connects once, runs the migrations unless turned off, and returns the store.
         *
         * @throws IllegalStateException when no data source was given
         * @throws IllegalArgumentException for an invalid table prefix or an unsupported database
         * @throws StateStoreException when the database cannot be reached or a migration fails
         */
        public JdbcQuotaStore build() {
            if (dataSource == null) {
                throw new IllegalStateException("dataSource is required: JdbcQuotaStore.builder().dataSource(ds)");
            }
            String prefix = Database.checkPrefix(tablePrefix);
            Database db = Database.open(dataSource, prefix);
            if (migrate) {
                Migrations.migrate(dataSource, prefix);
            }
            return new JdbcQuotaStore(db);
        }
    }
}
