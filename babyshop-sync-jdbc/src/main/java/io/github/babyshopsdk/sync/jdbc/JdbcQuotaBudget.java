package io.github.babyshopsdk.sync.jdbc;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaDecision;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.sync.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link QuotaBudget} kept in the database, so that every thread and every node (JVM) that calls SellerPanel
 * with one credential spends one budget, by priority tier, and together they never exceed it. Obtained from
 * {@link JdbcSyncStateStore#quotaBudget(String, QuotaLimits)}; give it to every client of the credential:
 *
 * <pre>{@code
 * QuotaBudget budget = stateStore.quotaBudget("seller-uae", QuotaLimits.vinculumDefault());
 * BabyshopClient client = BabyshopClient.builder()...quotaBudget(budget).build();
 * }</pre>
 *
 * <p>Each budget key has a row in {@code <prefix>quota_budget} and the start times of the calls granted in
 * the last window in {@code <prefix>quota_call}. {@link #tryAcquire} is one transaction: it locks the key's
 * row ({@code SELECT ... FOR UPDATE}, after inserting it if absent), drops calls older than the window,
 * counts the rest and records the call if fewer than {@link QuotaLimits#shareOf(int) limits.shareOf(tier)}
 * remain, so two nodes can never both take the last permit of a tier, and a less urgent tier can never take
 * a call held back for a more urgent one. Time never runs backwards for a key: an instant earlier than the
 * latest one the key has seen (clocks of nodes differ slightly) counts as that latest one, which keeps the
 * window count exact. Times are kept to the microsecond. Its answers are those of the in-memory
 * {@link io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget} with the same limits. Budgets are keyed
 * by budget key alone, not by store id. Use one set of limits per key: calls older than the window in use
 * are forgotten.
 *
 * <p>Thread-safe. Methods throw {@link StateStoreException} when the database fails, after rerunning the
 * transaction on serialization failures and deadlocks.
 */
public final class JdbcQuotaBudget implements QuotaBudget {
    /** The longest budget key. */
    public static final int MAX_KEY_LENGTH = 512;

    private final Database db;
    private final String key;
    private final QuotaLimits limits;
    private final long windowMicros;
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

    /**
     * The budget {@code key} with {@code limits}, in {@code db}'s tables.
     *
     * @throws IllegalArgumentException for a blank or too long key, or a window shorter than a microsecond
     */
    JdbcQuotaBudget(Database db, String key, QuotaLimits limits) {
        this.db = db;
        this.key = checkKey(key);
        this.limits = Objects.requireNonNull(limits, "limits");
        if (limits.window().compareTo(Duration.ofNanos(1_000)) < 0) {
            throw new IllegalArgumentException("quota window must be at least one microsecond, was "
                    + limits.window());
        }
        this.windowMicros = micros(limits.window());
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

    /** The budget row. */
    private record Budget(Optional<Long> blockedUntil, Optional<Long> latest, long nextSeq) {
        long now(long requested) {
            return latest.filter(l -> l > requested).orElse(requested);
        }
    }

    /** The key this budget is kept under (e.g. the seller username). */
    public String key() {
        return key;
    }

    @Override
    public QuotaLimits limits() {
        return limits;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code tier} is negative
     * @throws StateStoreException when the database fails
     */
    @Override
    public QuotaDecision tryAcquire(int tier, Instant now) {
        int share = limits.shareOf(tier);
        long requested = Codec.micros(Objects.requireNonNull(now, "now"));
        return db.transact("taking a permit of quota budget " + key, connection -> {
            Budget budget = lock(connection);
            long t = budget.now(requested);
            if (budget.blockedUntil().isPresent() && t < budget.blockedUntil().get()) {
                setLatest(connection, t);
                return QuotaDecision.waitFor(Duration.of(budget.blockedUntil().get() - t, ChronoUnit.MICROS));
            }
            long windowStart = windowStart(t);
            execute(connection, prune, ps -> {
                ps.setString(1, key);
                ps.setLong(2, windowStart);
            });
            int calls = count(connection, windowStart);
            if (calls < share) {
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
            setLatest(connection, t);
            return QuotaDecision.waitFor(untilFree(connection, windowStart, t, calls - share));
        });
    }

    /**
     * {@inheritDoc} A later {@code until} than the one recorded wins; an earlier one changes nothing.
     *
     * @throws StateStoreException when the database fails
     */
    @Override
    public void block(Instant until) {
        Objects.requireNonNull(until, "until");
        long untilMicros = Codec.microsSaturated(until);
        db.transact("blocking quota budget " + key, connection -> {
            ensure(connection);
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
     * @throws StateStoreException when the database fails
     */
    @Override
    public QuotaSnapshot snapshot(Instant now) {
        long requested = Codec.micros(Objects.requireNonNull(now, "now"));
        return db.transact("reading quota budget " + key, connection -> {
            Optional<Budget> row = read(connection, readBudget);
            long t = row.map(b -> b.now(requested)).orElse(requested);
            Optional<Long> blockedUntil = row.flatMap(Budget::blockedUntil);
            if (blockedUntil.isPresent() && t < blockedUntil.get()) {
                return QuotaSnapshot.of(limits, 0, Duration.of(blockedUntil.get() - t, ChronoUnit.MICROS));
            }
            long windowStart = windowStart(t);
            int calls = count(connection, windowStart);
            int remaining = Math.max(0, limits.limit() - calls);
            Duration next = remaining > 0 ? Duration.ZERO
                    : untilFree(connection, windowStart, t, calls - limits.limit());
            return QuotaSnapshot.of(limits, remaining, next);
        });
    }

    @Override
    public String toString() {
        return "JdbcQuotaBudget{" + key + ": " + limits + ", " + db + "}";
    }

    // ------------------------------------------------------------------------------------------ internals

    private static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("budget key must be non-blank and at most " + MAX_KEY_LENGTH
                    + " characters");
        }
        return key;
    }

    private static long micros(Duration window) {
        try {
            return Math.addExact(Math.multiplyExact(window.getSeconds(), 1_000_000L), window.getNano() / 1_000);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private long windowStart(long now) {
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

    private void ensure(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(ensureBudget)) {
            ps.setString(1, key);
            db.dialect().insertIfAbsent(ps);
        }
    }

    private Budget lock(Connection connection) throws SQLException {
        ensure(connection);
        return read(connection, lockBudget)
                .orElseThrow(() -> new SQLException("quota budget row of " + key + " vanished"));
    }

    private Optional<Budget> read(Connection connection, String query) throws SQLException {
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

    private void setLatest(Connection connection, long t) throws SQLException {
        execute(connection, setLatest, ps -> {
            ps.setLong(1, t);
            ps.setString(2, key);
        });
    }

    private int count(Connection connection, long windowStart) throws SQLException {
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
     * How long until fewer calls than a share are in the window: until the call at position {@code excess}
     * (0 = the oldest; the calls in the window less the share) leaves it. At least a microsecond.
     */
    private Duration untilFree(Connection connection, long windowStart, long now, int excess) throws SQLException {
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
}
