package io.github.babyshopsdk.sync.jdbc;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseLostException;
import io.github.babyshopsdk.sync.state.LeaseStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Flow leases in the lease table, one row per store and flow, with the fencing token of the latest
 * acquisition ({@code token}) and whether it was released ({@code released}; rows are never deleted, so
 * tokens never go back). Each method is one short transaction of its own, independent of
 * {@link JdbcSyncStateStore#inTransaction}; atomic across every node using the database:
 * <ul>
 *   <li>acquire on PostgreSQL: one conditional upsert, {@code INSERT ... ON CONFLICT DO UPDATE SET token =
 *       token + 1 ... WHERE expired, released or same holder RETURNING token}; a returned row means the lease
 *       is held;</li>
 *   <li>acquire on H2: the row is read {@code FOR UPDATE}, then updated if free, expired or held by the same
 *       owner; when there is no row it is inserted with token 1, and a concurrent insert of the same lease
 *       (duplicate key) makes it read the winner's row instead;</li>
 *   <li>renew and release: one conditional update on the row's token;</li>
 *   <li>{@link #fence}: inside a state transaction, the row is read {@code FOR UPDATE}, so a takeover (which
 *       updates the row) waits until that transaction ended, and the transaction goes on only with the
 *       current, unreleased token.</li>
 * </ul>
 * Thread-safe.
 */
final class JdbcLeaseStore implements LeaseStore {
    private final Database db;
    private final String storeId;
    private final String upsertPostgres;
    private final String select;
    private final String selectForUpdate;
    private final String insert;
    private final String update;
    private final String renew;
    private final String releaseByToken;
    private final String releaseByOwner;

    JdbcLeaseStore(Database db, String storeId) {
        this.db = db;
        this.storeId = storeId;
        String lease = db.table("lease");
        this.upsertPostgres = "INSERT INTO " + lease + " (store_id, flow, holder, expires_at_us, token, released)"
                + " VALUES (?, ?, ?, ?, 1, FALSE)"
                + " ON CONFLICT (store_id, flow) DO UPDATE SET holder = EXCLUDED.holder,"
                + " expires_at_us = EXCLUDED.expires_at_us, token = " + lease + ".token + 1, released = FALSE"
                + " WHERE " + lease + ".expires_at_us <= ? OR " + lease + ".released OR " + lease
                + ".holder = EXCLUDED.holder RETURNING token";
        this.select = "SELECT holder, expires_at_us, token, released FROM " + lease + " WHERE store_id = ? AND flow = ?";
        this.selectForUpdate = select + " FOR UPDATE";
        this.insert = "INSERT INTO " + lease + " (store_id, flow, holder, expires_at_us, token, released)"
                + " VALUES (?, ?, ?, ?, 1, FALSE)";
        this.update = "UPDATE " + lease + " SET holder = ?, expires_at_us = ?, token = ?, released = FALSE"
                + " WHERE store_id = ? AND flow = ?";
        this.renew = "UPDATE " + lease + " SET expires_at_us = ? WHERE store_id = ? AND flow = ? AND token = ?"
                + " AND released = FALSE";
        this.releaseByToken = "UPDATE " + lease + " SET released = TRUE WHERE store_id = ? AND flow = ? AND token = ?";
        this.releaseByOwner = "UPDATE " + lease + " SET released = TRUE WHERE store_id = ? AND flow = ? AND holder = ?";
    }

    /** The row of a lease. */
    private record Row(String holder, long expiresAtMicros, long token, boolean released) {
        Lease lease(Flow flow) {
            return Lease.of(flow, holder, token, released ? Instant.EPOCH : Codec.instant(expiresAtMicros));
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code ttl} is not positive
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the database fails
     */
    @Override
    public Optional<Lease> acquire(Flow flow, String owner, Instant now, Duration ttl) {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        checkTtl(ttl);
        long nowMicros = Codec.micros(now);
        Instant expiresAt = now.plus(ttl);
        long expiry = Codec.micros(expiresAt);
        Optional<Long> token = db.transact("acquiring the " + flow + " lease", connection -> {
            if (db.dialect() == Dialect.POSTGRESQL) {
                try (PreparedStatement ps = connection.prepareStatement(upsertPostgres)) {
                    ps.setString(1, storeId);
                    ps.setString(2, flow.name());
                    ps.setString(3, owner);
                    ps.setLong(4, expiry);
                    ps.setLong(5, nowMicros);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                    }
                }
            }
            while (true) {
                Optional<Row> row = read(connection, selectForUpdate, flow);
                if (row.isPresent()) {
                    Row current = row.get();
                    if (current.expiresAtMicros() > nowMicros && !current.released() && !current.holder().equals(owner)) {
                        return Optional.<Long>empty();
                    }
                    long next = current.token() + 1;
                    try (PreparedStatement up = connection.prepareStatement(update)) {
                        up.setString(1, owner);
                        up.setLong(2, expiry);
                        up.setLong(3, next);
                        up.setString(4, storeId);
                        up.setString(5, flow.name());
                        up.executeUpdate();
                    }
                    return Optional.of(next);
                }
                try (PreparedStatement ins = connection.prepareStatement(insert)) {
                    ins.setString(1, storeId);
                    ins.setString(2, flow.name());
                    ins.setString(3, owner);
                    ins.setLong(4, expiry);
                    ins.executeUpdate();
                    return Optional.of(1L);
                } catch (SQLException e) {
                    if (!Dialect.DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    // another node inserted the lease first: read its row (H2 keeps the transaction going)
                }
            }
        });
        return token.map(t -> Lease.of(flow, owner, t, Codec.instant(expiry)));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code ttl} is not positive
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the database fails
     */
    @Override
    public Optional<Lease> renew(Lease lease, Instant now, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(now, "now");
        checkTtl(ttl);
        long expiry = Codec.micros(now.plus(ttl));
        int changed = db.transact("renewing the " + lease.flow() + " lease", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(renew)) {
                ps.setLong(1, expiry);
                ps.setString(2, storeId);
                ps.setString(3, lease.flow().name());
                ps.setLong(4, lease.token());
                return ps.executeUpdate();
            }
        });
        return changed > 0 ? Optional.of(Lease.of(lease.flow(), lease.holder(), lease.token(), Codec.instant(expiry)))
                : Optional.empty();
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the database fails
     */
    @Override
    public void release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        db.transact("releasing the " + lease.flow() + " lease", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(releaseByToken)) {
                ps.setString(1, storeId);
                ps.setString(2, lease.flow().name());
                ps.setLong(3, lease.token());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the database fails
     */
    @Override
    public void release(Flow flow, String owner) {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(owner, "owner");
        db.transact("releasing the " + flow + " lease", connection -> {
            try (PreparedStatement ps = connection.prepareStatement(releaseByOwner)) {
                ps.setString(1, storeId);
                ps.setString(2, flow.name());
                ps.setString(3, owner);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the database fails
     */
    @Override
    public Optional<Lease> current(Flow flow) {
        Objects.requireNonNull(flow, "flow");
        return db.transact("reading the " + flow + " lease", connection -> read(connection, select, flow))
                .map(row -> row.lease(flow));
    }

    /**
     * The fence of a state transaction on {@code connection}: reads the lease row {@code FOR UPDATE} (held
     * until the transaction ends) and throws unless it carries {@code lease}'s token, unreleased.
     */
    void fence(Connection connection, Lease lease) throws SQLException {
        Optional<Row> row = read(connection, selectForUpdate, lease.flow());
        if (row.isEmpty() || row.get().token() != lease.token() || row.get().released()) {
            String now = row.isEmpty() ? "never acquired" : row.get().released()
                    ? "released by " + row.get().holder() + " (token " + row.get().token() + ")" : "now held by " + row.get().holder() + " (token " + row.get().token() + ")";
            throw new LeaseLostException(lease.flow(), "the " + lease.flow() + " lease of " + lease.holder()
                    + " (token " + lease.token() + ") is no longer held: " + now);
        }
    }

    private Optional<Row> read(Connection connection, String query, Flow flow) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            ps.setString(1, storeId);
            ps.setString(2, flow.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)))
                        : Optional.empty();
            }
        }
    }

    private static void checkTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("lease ttl must be positive: " + ttl);
        }
    }

    @Override
    public String toString() {
        return "JdbcLeaseStore{" + storeId + "}";
    }
}
