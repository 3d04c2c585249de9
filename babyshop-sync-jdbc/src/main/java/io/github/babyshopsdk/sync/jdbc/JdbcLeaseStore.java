package io.github.babyshopsdk.sync.jdbc;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.LeaseStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Flow leases in the lease table, one row per store and flow. Each method is one short transaction of its
 * own, independent of {@link JdbcSyncStateStore#inTransaction}; atomic across every node using the
 * database:
 * <ul>
 *   <li>PostgreSQL: one conditional upsert, {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE expired or
 *       same holder}; one row changed means the lease is held;</li>
 *   <li>H2: the row is read {@code FOR UPDATE}, then updated if free, expired or held by the same owner;
 *       when there is no row it is inserted, and a concurrent insert of the same lease (duplicate key) makes
 *       it read the winner's row instead.</li>
 * </ul>
 * Thread-safe.
 */
final class JdbcLeaseStore implements LeaseStore {
    private final Database db;
    private final String storeId;
    private final String upsertPostgres;
    private final String select;
    private final String insert;
    private final String update;
    private final String delete;

    JdbcLeaseStore(Database db, String storeId) {
        this.db = db;
        this.storeId = storeId;
        String lease = db.table("lease");
        this.upsertPostgres = "INSERT INTO " + lease + " (store_id, flow, holder, expires_at_us) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (store_id, flow) DO UPDATE SET holder = EXCLUDED.holder,"
                + " expires_at_us = EXCLUDED.expires_at_us"
                + " WHERE " + lease + ".expires_at_us <= ? OR " + lease + ".holder = EXCLUDED.holder";
        this.select = "SELECT holder, expires_at_us FROM " + lease + " WHERE store_id = ? AND flow = ? FOR UPDATE";
        this.insert = "INSERT INTO " + lease + " (store_id, flow, holder, expires_at_us) VALUES (?, ?, ?, ?)";
        this.update = "UPDATE " + lease + " SET holder = ?, expires_at_us = ? WHERE store_id = ? AND flow = ?";
        this.delete = "DELETE FROM " + lease + " WHERE store_id = ? AND flow = ? AND holder = ?";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code ttl} is not positive
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the database fails
     */
    @Override
    public boolean tryAcquire(Flow flow, String owner, Instant now, Duration ttl) {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("lease ttl must be positive: " + ttl);
        }
        long nowMicros = Codec.micros(now);
        long expiry = Codec.micros(now.plus(ttl));
        return db.transact("acquiring the " + flow + " lease", connection -> {
            if (db.dialect() == Dialect.POSTGRESQL) {
                try (PreparedStatement ps = connection.prepareStatement(upsertPostgres)) {
                    ps.setString(1, storeId);
                    ps.setString(2, flow.name());
                    ps.setString(3, owner);
                    ps.setLong(4, expiry);
                    ps.setLong(5, nowMicros);
                    return ps.executeUpdate() > 0;
                }
            }
            while (true) {
                try (PreparedStatement ps = connection.prepareStatement(select)) {
                    ps.setString(1, storeId);
                    ps.setString(2, flow.name());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            String holder = rs.getString(1);
                            long expiresAt = rs.getLong(2);
                            if (expiresAt > nowMicros && !holder.equals(owner)) {
                                return false;
                            }
                            try (PreparedStatement up = connection.prepareStatement(update)) {
                                up.setString(1, owner);
                                up.setLong(2, expiry);
                                up.setString(3, storeId);
                                up.setString(4, flow.name());
                                up.executeUpdate();
                            }
                            return true;
                        }
                    }
                }
                try (PreparedStatement ins = connection.prepareStatement(insert)) {
                    ins.setString(1, storeId);
                    ins.setString(2, flow.name());
                    ins.setString(3, owner);
                    ins.setLong(4, expiry);
                    ins.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (!Dialect.DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    // another node inserted the lease first: read its row (H2 keeps the transaction going)
                }
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
            try (PreparedStatement ps = connection.prepareStatement(delete)) {
                ps.setString(1, storeId);
                ps.setString(2, flow.name());
                ps.setString(3, owner);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcLeaseStore{" + storeId + "}";
    }
}
