package io.github.babyshopsdk.sync.jdbc;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.state.CatalogStore;
import io.github.babyshopsdk.sync.state.CursorStore;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.InventoryStore;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseLostException;
import io.github.babyshopsdk.sync.state.LinkChange;
import io.github.babyshopsdk.sync.state.OrderHint;
import io.github.babyshopsdk.sync.state.OrderHintStore;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.OrderStore;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.OutboxStore;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.QuarantineStore;
import io.github.babyshopsdk.sync.state.SettingsStore;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.StateStoreException;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * One transaction of a {@link JdbcSyncStateStore}: the stores of the SPI, each statement run on the
 * transaction's connection. Confined to the thread that opened it and usable only until it ends (every
 * method then throws {@link IllegalStateException}).
 *
 * <p>Single-key reads lock the row ({@code SELECT ... FOR UPDATE}); a read that finds no row locks the key's
 * bucket in the key-lock table and reads again, so a read-then-write of a key that does not exist yet is
 * serialized too. Multi-key reads ({@code findAll}) lock the rows they find, in one {@code SELECT ... IN (...)
 * FOR UPDATE} per {@value Statements#MAX_KEYS_PER_READ} keys, and no bucket; {@code OrderStore.saveAll} is one
 * JDBC batch. Writes are atomic upserts of the {@link Dialect}. A failed statement is remembered: the
 * transaction is then never committed (see {@link #firstFailure()}).
 */
final class JdbcTransaction implements SyncTransaction {
    /** Buckets of the key-lock table per store: keys without a row share this many locks. */
    static final int KEY_LOCK_BUCKETS = 1024;
    /** Keys per statement of a batch read ({@code IN (...)}). */
    static final int BATCH_READ = 500;

    private final Database db;
    private final Statements sql;
    private final Connection connection;
    private final String storeId;
    private final Thread owner;
    private final JdbcLeaseStore leases;
    private LeaseLostException fenceFailure;
    private volatile boolean active = true;
    private StateStoreException firstFailure;
    private final Set<Throwable> thrown = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Integer> lockedBuckets = new HashSet<>();
    /** The last link sequence this transaction took (it then holds the store's counter row), or -1. */
    private long lastLinkSequence = -1;

    private final SettingsStore settings = new Settings();
    private final CursorStore cursors = new Cursors();
    private final OrderStore orders = new Orders();
    private final QuarantineStore quarantine = new Quarantine();
    private final CatalogStore catalog = new Catalog();
    private final InventoryStore inventory = new Inventory();
    private final OutboxStore outbox = new Outbox();
    private final OrderHintStore hints = new Hints();

    JdbcTransaction(Database db, Statements sql, Connection connection, String storeId, JdbcLeaseStore leases) {
        this.leases = leases;
        this.db = db;
        this.sql = sql;
        this.connection = connection;
        this.storeId = storeId;
        this.owner = Thread.currentThread();
    }

    /** Ends the transaction: every later use throws {@link IllegalStateException}. */
    void end() {
        active = false;
    }

    /** The first statement failure of this transaction, or null. */
    StateStoreException firstFailure() {
        return firstFailure;
    }

    /** Whether {@code t} is a failure this transaction threw. */
    boolean threw(Throwable t) {
        return thrown.contains(t);
    }

    private void check() {
        if (!active) {
            throw new IllegalStateException("this SyncTransaction has ended; use it only inside inTransaction");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a SyncTransaction is confined to the thread that opened it");
        }
    }

    /** A database call of a store method. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws SQLException;
    }

    private <T> T call(String what, Call<T> call) {
        check();
        try {
            return call.run();
        } catch (SQLException e) {
            StateStoreException failure = new StateStoreException(what + " failed: " + e.getMessage(), e);
            if (firstFailure == null) {
                firstFailure = failure;
            }
            thrown.add(failure);
            throw failure;
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A row mapper. */
    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Binds parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private <T> Optional<T> one(String query, Binder binder, Row<T> row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
            }
        }
    }

    private <T> List<T> list(String query, Binder binder, Row<T> row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(row.map(rs));
                }
                return Collections.unmodifiableList(result);
            }
        }
    }

    /**
     * The rows of {@code keys} (deduplicated), read {@value #BATCH_READ} keys to a statement with the query
     * {@code queryFor.apply(count)}, which binds the store id and then the keys; keyed by {@code keyOf}.
     */
    private <T> Map<String, T> batch(Collection<String> keys, IntFunction<String> queryFor,
                                     Row<T> row, Function<T, String> keyOf) throws SQLException {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        Map<String, T> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += BATCH_READ) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + BATCH_READ));
            for (T value : list(queryFor.apply(chunk.size()), ps -> {
                ps.setString(1, storeId);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
            }, row)) {
                found.put(keyOf.apply(value), value);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    private static List<String> checkedKeys(Collection<String> keys) {
        Objects.requireNonNull(keys, "vendorSkuCodes");
        List<String> checked = new ArrayList<>(keys.size());
        for (String key : keys) {
            checked.add(Objects.requireNonNull(key, "vendor SKU code"));
        }
        return checked;
    }

    private int update(String statement, Binder binder) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(statement)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /**
     * Reads a key with {@code query} (which locks the row it finds); if there is no row, locks the key's
     * bucket and reads again, so that a concurrent transaction creating the key is waited for.
     */
    /**
     * The row of {@code key} in a table keyed by (store id, key), read with a lock: the common shape of
     * every single-key lookup.
     */
    private <T> Optional<T> findByKey(String what, String kind, String key, String query, Row<T> row) {
        check();
        Objects.requireNonNull(key, kind + " key");
        return call(what + " " + key, () -> lockedRead(kind, key, query, ps -> {
            ps.setString(1, storeId);
            ps.setString(2, key);
        }, row));
    }

    private <T> Optional<T> lockedRead(String kind, String key, String query, Binder binder, Row<T> row)
            throws SQLException {
        Optional<T> found = one(query, binder, row);
        if (found.isPresent()) {
            return found;
        }
        lockKey(kind, key);
        return one(query, binder, row);
    }

    private void lockKey(String kind, String key) throws SQLException {
        int bucket = Math.floorMod((kind + '\u0000' + key).hashCode(), KEY_LOCK_BUCKETS);
        if (!lockedBuckets.add(bucket)) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.keyLockInsertIfAbsent)) {
            ps.setString(1, storeId);
            ps.setInt(2, bucket);
            db.dialect().insertIfAbsent(ps);
        }
        one(sql.keyLockLock, ps -> {
            ps.setString(1, storeId);
            ps.setInt(2, bucket);
        }, rs -> rs.getInt(1));
    }

    private static void setNullable(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    private static void setNullableMicros(PreparedStatement ps, int index, Optional<Instant> value)
            throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, Codec.micros(value.get()));
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    private static Optional<String> string(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Codec.instant(rs.getLong(column));
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        long micros = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Codec.instant(micros));
    }

    // ------------------------------------------------------------------------------------------ accessors

    /** The fence this transaction failed, if any: it must not commit even if the work went on. */
    LeaseLostException fenceFailure() {
        return fenceFailure;
    }

    @Override
    public void fence(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        try {
            call("fencing with the " + lease.flow() + " lease", () -> {
                leases.fence(connection, lease);
                return null;
            });
        } catch (LeaseLostException e) {
            if (fenceFailure == null) {
                fenceFailure = e;
            }
            throw e;
        }
    }

    @Override
    public SettingsStore settings() {
        check();
        return settings;
    }

    @Override
    public CursorStore cursors() {
        check();
        return cursors;
    }

    @Override
    public OrderStore orders() {
        check();
        return orders;
    }

    @Override
    public QuarantineStore quarantine() {
        check();
        return quarantine;
    }

    @Override
    public CatalogStore catalog() {
        check();
        return catalog;
    }

    @Override
    public InventoryStore inventory() {
        check();
        return inventory;
    }

    @Override
    public OutboxStore outbox() {
        check();
        return outbox;
    }

    @Override
    public OrderHintStore hints() {
        check();
        return hints;
    }

    // ------------------------------------------------------------------------------------------ settings

    /** The settings row as read. */
    private record SettingsRow(StoreSettings settings, Optional<String> statusMapping, Optional<String> hubMapping) {
    }

    private final class Settings implements SettingsStore {

        private Optional<SettingsRow> row() throws SQLException {
            return lockedRead("settings", "", sql.settingsFind, ps -> ps.setString(1, storeId),
                    rs -> new SettingsRow(StoreSettings.builder()
                            .orderSync(rs.getBoolean("order_sync"))
                            .catalogSync(rs.getBoolean("catalog_sync"))
                            .inventorySync(rs.getBoolean("inventory_sync"))
                            .autoCancelOnChannel(rs.getBoolean("auto_cancel_on_channel"))
                            .build(), string(rs, "status_mapping"), string(rs, "hub_mapping")));
        }

        @Override
        public StoreSettings settings() {
            return call("reading the settings",
                    () -> row().map(SettingsRow::settings).orElseGet(StoreSettings::allOff));
        }

        @Override
        public void saveSettings(StoreSettings settings) {
            check();
            Objects.requireNonNull(settings, "settings");
            call("saving the settings", () -> update(sql.settingsUpsertToggles, ps -> {
                ps.setString(1, storeId);
                ps.setBoolean(2, settings.orderSync());
                ps.setBoolean(3, settings.catalogSync());
                ps.setBoolean(4, settings.inventorySync());
                ps.setBoolean(5, settings.autoCancelOnChannel());
            }));
        }

        @Override
        public StatusMapping statusMapping() {
            return call("reading the status mapping", () -> row().flatMap(SettingsRow::statusMapping))
                    .map(Codec::statusMapping).orElseGet(StatusMapping::empty);
        }

        @Override
        public void saveStatusMapping(StatusMapping mapping) {
            check();
            Objects.requireNonNull(mapping, "mapping");
            String json = Codec.json(mapping);
            call("saving the status mapping", () -> update(sql.settingsUpsertStatusMapping, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, json);
            }));
        }

        @Override
        public HubMapping hubMapping() {
            return call("reading the hub mapping", () -> row().flatMap(SettingsRow::hubMapping))
                    .map(Codec::hubMapping).orElseGet(HubMapping::empty);
        }

        @Override
        public void saveHubMapping(HubMapping mapping) {
            check();
            Objects.requireNonNull(mapping, "mapping");
            String json = Codec.json(mapping);
            call("saving the hub mapping", () -> update(sql.settingsUpsertHubMapping, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, json);
            }));
        }

        @Override
        public SafetyStock safetyStock() {
            return call("reading the safety stock", () -> lockedRead("settings", "", sql.settingsFindSafetyStock,
                    ps -> ps.setString(1, storeId), rs -> string(rs, "safety_stock")))
                    .flatMap(json -> json).map(Codec::safetyStock).orElseGet(SafetyStock::none);
        }

        @Override
        public void saveSafetyStock(SafetyStock safetyStock) {
            check();
            Objects.requireNonNull(safetyStock, "safetyStock");
            String json = Codec.json(safetyStock);
            call("saving the safety stock", () -> update(sql.settingsUpsertSafetyStock, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, json);
            }));
        }

        @Override
        public void appendChange(ConfigurationChange change) {
            check();
            Objects.requireNonNull(change, "change");
            long at = Codec.micros(change.at());
            call("appending to the configuration log", () -> update(sql.changeInsert, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, change.actor());
                ps.setLong(3, at);
                ps.setString(4, change.subject());
                ps.setString(5, change.before());
                ps.setString(6, change.after());
            }));
        }

        @Override
        public List<ConfigurationChange> changes() {
            return call("reading the configuration log", () -> list(sql.changesList, ps -> ps.setString(1, storeId),
                    rs -> ConfigurationChange.builder()
                            .actor(rs.getString("actor"))
                            .at(instant(rs, "changed_at_us"))
                            .subject(rs.getString("subject"))
                            .before(rs.getString("value_before"))
                            .after(rs.getString("value_after"))
                            .build()));
        }
    }

    // ------------------------------------------------------------------------------------------ cursors

    private final class Cursors implements CursorStore {
        @Override
        public Optional<String> get(String name) {
            return findByKey("reading cursor", "cursor", name, sql.cursorFind, rs -> rs.getString(1));
        }

        @Override
        public void put(String name, String value) {
            check();
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            call("saving cursor " + name, () -> update(sql.cursorUpsert, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, name);
                ps.setString(3, value);
            }));
        }
    }

    // ------------------------------------------------------------------------------------------ orders

    private static OrderRecord orderRecord(ResultSet rs) throws SQLException {
        OrderRecord.Builder b = OrderRecord.builder()
                .orderNo(rs.getString("order_no"))
                .masterOrderNo(string(rs, "master_order_no"))
                .state(OrderState.valueOf(rs.getString("state")))
                .reason(OrderReason.valueOf(rs.getString("reason")))
                .detail(string(rs, "detail"))
                .hostOrderId(string(rs, "host_order_id"))
                .hub(string(rs, "hub"))
                .stage(string(rs, "stage"))
                .channelStatusCode(string(rs, "channel_status_code"))
                .channelUpdatedAt(optionalInstant(rs, "channel_updated_at_us"))
                .lineSignature(string(rs, "line_signature"))
                .invoiceNo(string(rs, "invoice_no"))
                .updatedAt(instant(rs, "updated_at_us"));
        return b.build();
    }

    private final class Orders implements OrderStore {
        @Override
        public Optional<OrderRecord> find(String orderNo) {
            return findByKey("reading order", "order", orderNo, sql.orderFind, JdbcTransaction::orderRecord);
        }

        @Override
        public void save(OrderRecord record) {
            check();
            Objects.requireNonNull(record, "record");
            call("saving order " + record.orderNo(), () -> update(sql.orderUpsert, ps -> bindOrder(ps, record)));
        }

        @Override
        public List<OrderRecord> inState(OrderState state, int limit) {
            check();
            Objects.requireNonNull(state, "state");
            checkLimit(limit);
            return call("listing orders in state " + state, () -> list(sql.ordersInState, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, state.name());
                ps.setInt(3, limit);
            }, JdbcTransaction::orderRecord));
        }

        /** {@inheritDoc} One locking {@code SELECT ... IN (...)} per {@value Statements#MAX_KEYS_PER_READ} keys. */
        @Override
        public Map<String, OrderRecord> findAll(Collection<String> orderNos) {
            check();
            List<String> keys = distinctKeys(orderNos, "order number");
            return call("reading " + keys.size() + " orders", () -> findMany(keys, sql::orderFindMany, 1,
                    ps -> ps.setString(1, storeId), JdbcTransaction::orderRecord, OrderRecord::orderNo));
        }

        /** {@inheritDoc} One JDBC batch of upserts. */
        @Override
        public void saveAll(Collection<OrderRecord> records) {
            check();
            Objects.requireNonNull(records, "records");
            List<OrderRecord> all = List.copyOf(records);
            if (all.isEmpty()) {
                return;
            }
            call("saving " + all.size() + " orders", () -> {
                try (PreparedStatement ps = connection.prepareStatement(sql.orderUpsert)) {
                    for (OrderRecord record : all) {
                        bindOrder(ps, record);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
    }

    /** Binds an order record to {@link Statements#orderUpsert}: store id, order number, then the values. */
    private void bindOrder(PreparedStatement ps, OrderRecord record) throws SQLException {
        ps.setString(1, storeId);
        ps.setString(2, record.orderNo());
        setNullable(ps, 3, record.masterOrderNo());
        ps.setString(4, record.state().name());
        ps.setString(5, record.reason().name());
        setNullable(ps, 6, record.detail());
        setNullable(ps, 7, record.hostOrderId());
        setNullable(ps, 8, record.hub());
        setNullable(ps, 9, record.stage());
        setNullable(ps, 10, record.channelStatusCode());
        setNullableMicros(ps, 11, record.channelUpdatedAt());
        setNullable(ps, 12, record.lineSignature());
        setNullable(ps, 13, record.invoiceNo());
        ps.setLong(14, Codec.micros(record.updatedAt()));
    }

    /** The distinct keys of {@code keys}, in order; throws NullPointerException for a null collection or key. */
    private static List<String> distinctKeys(Collection<String> keys, String what) {
        Objects.requireNonNull(keys, what + "s");
        Set<String> distinct = new LinkedHashSet<>();
        for (String key : keys) {
            distinct.add(Objects.requireNonNull(key, what));
        }
        return List.copyOf(distinct);
    }

    /**
     * Reads the rows of {@code keys} with multi-key queries ({@code query} for a number of keys) of at most
     * {@value Statements#MAX_KEYS_PER_READ} keys each: {@code leading} binds the first {@code leadingCount}
     * parameters, the keys follow. The result maps each found row's key ({@code keyOf}) to it.
     */
    private <T> Map<String, T> findMany(List<String> keys, IntFunction<String> query, int leadingCount,
            Binder leading, Row<T> row, Function<T, String> keyOf) throws SQLException {
        Map<String, T> found = new LinkedHashMap<>();
        for (int from = 0; from < keys.size(); from += Statements.MAX_KEYS_PER_READ) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + Statements.MAX_KEYS_PER_READ));
            for (T value : list(query.apply(chunk.size()), ps -> {
                leading.bind(ps);
                int i = leadingCount;
                for (String key : chunk) {
                    ps.setString(++i, key);
                }
            }, row)) {
                found.put(keyOf.apply(value), value);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    // ------------------------------------------------------------------------------------------ quarantine

    private static QuarantineEntry quarantineEntry(ResultSet rs) throws SQLException {
        return QuarantineEntry.builder()
                .flow(Flow.valueOf(rs.getString("flow")))
                .key(rs.getString("record_key"))
                .reason(rs.getString("reason"))
                .attempts(rs.getInt("attempts"))
                .deadLettered(rs.getBoolean("dead_lettered"))
                .firstFailedAt(instant(rs, "first_failed_at_us"))
                .lastFailedAt(instant(rs, "last_failed_at_us"))
                .build();
    }

    private final class Quarantine implements QuarantineStore {
        @Override
        public Optional<QuarantineEntry> find(Flow flow, String key) {
            check();
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(key, "key");
            return call("reading quarantine entry " + flow + "/" + key,
                    () -> lockedRead("quarantine/" + flow.name(), key, sql.quarantineFind, ps -> {
                        ps.setString(1, storeId);
                        ps.setString(2, flow.name());
                        ps.setString(3, key);
                    }, JdbcTransaction::quarantineEntry));
        }

        @Override
        public void save(QuarantineEntry entry) {
            check();
            Objects.requireNonNull(entry, "entry");
            long first = Codec.micros(entry.firstFailedAt());
            long last = Codec.micros(entry.lastFailedAt());
            call("saving quarantine entry " + entry.flow() + "/" + entry.key(), () -> update(sql.quarantineUpsert, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, entry.flow().name());
                ps.setString(3, entry.key());
                ps.setString(4, entry.reason());
                ps.setInt(5, entry.attempts());
                ps.setBoolean(6, entry.deadLettered());
                ps.setLong(7, first);
                ps.setLong(8, last);
            }));
        }

        @Override
        public void remove(Flow flow, String key) {
            check();
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(key, "key");
            call("removing quarantine entry " + flow + "/" + key, () -> update(sql.quarantineDelete, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, flow.name());
                ps.setString(3, key);
            }));
        }

        @Override
        public List<QuarantineEntry> retryable(Flow flow, int limit) {
            check();
            Objects.requireNonNull(flow, "flow");
            checkLimit(limit);
            return call("listing retryable quarantine entries of " + flow, () -> list(sql.quarantineRetryable, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, flow.name());
                ps.setInt(3, limit);
            }, JdbcTransaction::quarantineEntry));
        }

        @Override
        public List<QuarantineEntry> deadLettered(int limit) {
            check();
            checkLimit(limit);
            return call("listing dead-lettered quarantine entries", () -> list(sql.quarantineDeadLettered, ps -> {
                ps.setString(1, storeId);
                ps.setInt(2, limit);
            }, JdbcTransaction::quarantineEntry));
        }

        @Override
        public List<QuarantineEntry> all(Flow flow) {
            check();
            Objects.requireNonNull(flow, "flow");
            return call("listing quarantine entries of " + flow, () -> list(sql.quarantineAll, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, flow.name());
            }, JdbcTransaction::quarantineEntry));
        }

        /** {@inheritDoc} One locking {@code SELECT ... IN (...)} per {@value Statements#MAX_KEYS_PER_READ} keys. */
        @Override
        public Map<String, QuarantineEntry> findAll(Flow flow, Collection<String> keys) {
            check();
            Objects.requireNonNull(flow, "flow");
            List<String> distinct = distinctKeys(keys, "key");
            return call("reading " + distinct.size() + " quarantine entries of " + flow, () -> findMany(distinct,
                    sql::quarantineFindMany, 2, ps -> {
                        ps.setString(1, storeId);
                        ps.setString(2, flow.name());
                    }, JdbcTransaction::quarantineEntry, QuarantineEntry::key));
        }
    }

    // ------------------------------------------------------------------------------------------ catalog

    private static SkuLink skuLink(ResultSet rs) throws SQLException {
        return SkuLink.of(rs.getString("vendor_sku_code"), rs.getString("sku"), instant(rs, "updated_at_us"));
    }

    private final class Catalog implements CatalogStore {
        @Override
        public Optional<SkuLink> link(String vendorSkuCode) {
            return findByKey("reading SKU link", "sku_link", vendorSkuCode, sql.linkFind, JdbcTransaction::skuLink);
        }

        @Override
        public void saveLink(SkuLink link) {
            check();
            Objects.requireNonNull(link, "link");
            long updatedAt = Codec.micros(link.updatedAt());
            call("saving SKU link " + link.vendorSkuCode(), () -> {
                long sequence = nextLinkSequence();
                return update(sql.linkUpsert, ps -> {
                    ps.setString(1, storeId);
                    ps.setString(2, link.vendorSkuCode());
                    ps.setString(3, link.sku());
                    ps.setLong(4, updatedAt);
                    ps.setLong(5, sequence);
                });
            });
        }

        /**
         * The next value of this store's link counter. The first call of a transaction updates the counter row
         * (creating it if need be), which locks it until the transaction ends: writers of links run one after
         * the other, so their sequences become visible in increasing order; later calls only increment it.
         */
        private long nextLinkSequence() throws SQLException {
            if (lastLinkSequence < 0) {
                if (update(sql.linkSequenceIncrement, ps -> ps.setString(1, storeId)) == 0) {
                    try (PreparedStatement ps = connection.prepareStatement(sql.linkSequenceInsertIfAbsent)) {
                        ps.setString(1, storeId);
                        ps.setLong(2, 0L);
                        db.dialect().insertIfAbsent(ps);
                    }
                    update(sql.linkSequenceIncrement, ps -> ps.setString(1, storeId));
                }
                lastLinkSequence = one(sql.linkSequenceRead, ps -> ps.setString(1, storeId), rs -> rs.getLong(1))
                        .orElseThrow(() -> new SQLException("the link counter row of the store is missing"));
                return lastLinkSequence;
            }
            update(sql.linkSequenceIncrement, ps -> ps.setString(1, storeId));
            return ++lastLinkSequence;
        }

        @Override
        public List<String> removeLinksTo(String sku) {
            check();
            Objects.requireNonNull(sku, "sku");
            List<String> removed = call("finding the links to SKU " + sku, () -> list(sql.linksToSku, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, sku);
            }, JdbcTransaction::skuLink)).stream().map(SkuLink::vendorSkuCode).toList();
            if (!removed.isEmpty()) {
                call("removing the links to SKU " + sku, () -> update(sql.linksDeleteToSku, ps -> {
                    ps.setString(1, storeId);
                    ps.setString(2, sku);
                }));
            }
            return removed;
        }

        @Override
        public List<SkuLink> links() {
            return call("listing SKU links", () -> list(sql.linksAll, ps -> ps.setString(1, storeId),
                    JdbcTransaction::skuLink));
        }

        @Override
        public Map<String, SkuLink> links(Collection<String> vendorSkuCodes) {
            check();
            List<String> codes = checkedKeys(vendorSkuCodes);
            return call("reading " + codes.size() + " SKU links", () -> batch(codes, sql::linksIn,
                    JdbcTransaction::skuLink, SkuLink::vendorSkuCode));
        }

        @Override
        public List<LinkChange> linksChangedAfter(long sequence, int limit) {
            check();
            if (sequence < 0) {
                throw new IllegalArgumentException("sequence must not be negative: " + sequence);
            }
            checkLimit(limit);
            return call("reading the SKU links changed after " + sequence, () -> list(sql.linksChangedAfter, ps -> {
                ps.setString(1, storeId);
                ps.setLong(2, sequence);
                ps.setInt(3, limit);
            }, rs -> LinkChange.of(rs.getLong("change_seq"), skuLink(rs))));
        }
    }

    // ------------------------------------------------------------------------------------------ inventory

    private static InventoryState inventoryState(ResultSet rs) throws SQLException {
        InventoryState.Builder b = InventoryState.builder()
                .vendorSkuCode(rs.getString("vendor_sku_code"))
                .sku(rs.getString("sku"))
                .pendingQuantity(string(rs, "pending_quantity").map(Codec::decimal))
                .acknowledgedQuantity(string(rs, "acknowledged_quantity").map(Codec::decimal))
                .attempts(rs.getInt("attempts"))
                .lastError(string(rs, "last_error"))
                .deadLettered(rs.getBoolean("dead_lettered"))
                .moderationId(string(rs, "moderation_id"))
                .moderationStatus(string(rs, "moderation_status"))
                .updatedAt(instant(rs, "updated_at_us"))
                .moderationSince(optionalInstant(rs, "moderation_since_us"))
                .moderationCheckAt(optionalInstant(rs, "moderation_check_at_us"))
                .retryAt(optionalInstant(rs, "retry_at_us"))
                .moderationRefusals(rs.getInt("moderation_refusals"))
                .firstFailedAt(optionalInstant(rs, "first_failed_at_us"));
        return b.build();
    }

    private final class Inventory implements InventoryStore {
        @Override
        public Optional<InventoryState> find(String vendorSkuCode) {
            return findByKey("reading inventory of", "inventory", vendorSkuCode, sql.inventoryFind,
                    JdbcTransaction::inventoryState);
        }

        @Override
        public void save(InventoryState state) {
            check();
            Objects.requireNonNull(state, "state");
            long updatedAt = Codec.micros(state.updatedAt());
            call("saving inventory of " + state.vendorSkuCode(), () -> update(sql.inventoryUpsert, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, state.vendorSkuCode());
                ps.setString(3, state.sku());
                setNullable(ps, 4, state.pendingQuantity().map(Codec::decimal));
                setNullable(ps, 5, state.acknowledgedQuantity().map(Codec::decimal));
                ps.setInt(6, state.attempts());
                setNullable(ps, 7, state.lastError());
                ps.setBoolean(8, state.deadLettered());
                setNullable(ps, 9, state.moderationId());
                setNullable(ps, 10, state.moderationStatus());
                ps.setLong(11, updatedAt);
                setNullableMicros(ps, 12, state.moderationSince());
                setNullableMicros(ps, 13, state.moderationCheckAt());
                ps.setInt(14, dueClass(state));
                setNullableMicros(ps, 15, state.retryAt());
                ps.setInt(16, state.moderationRefusals());
                setNullableMicros(ps, 17, state.firstFailedAt());
            }));
        }

        private static int dueClass(InventoryState state) {
            if (state.pendingQuantity().isEmpty() || state.deadLettered()) {
                return Statements.NOT_DUE;
            }
            if (state.retryAt().isPresent()) {
                return Statements.DUE_BACK_OFF;
            }
            return state.attempts() == 0 ? Statements.DUE_NEW : Statements.DUE_RETRY;
        }

        @Override
        public List<InventoryState> pending(Instant retryBy, Instant backOffBy, int limit) {
            check();
            Objects.requireNonNull(retryBy, "retryBy");
            Objects.requireNonNull(backOffBy, "backOffBy");
            checkLimit(limit);
            long retryByMicros = Codec.microsSaturated(retryBy);
            long backOffByMicros = Codec.microsSaturated(backOffBy);
            return call("listing inventory due for a push", () -> list(sql.inventoryDue, ps -> {
                ps.setString(1, storeId);
                ps.setInt(2, limit);
                ps.setString(3, storeId);
                ps.setLong(4, retryByMicros);
                ps.setInt(5, limit);
                ps.setString(6, storeId);
                ps.setLong(7, backOffByMicros);
                ps.setInt(8, limit);
                ps.setInt(9, limit);
            }, JdbcTransaction::inventoryState));
        }

        @Override
        public Map<String, InventoryState> find(Collection<String> vendorSkuCodes) {
            check();
            List<String> codes = checkedKeys(vendorSkuCodes);
            return call("reading inventory of " + codes.size() + " codes", () -> batch(codes, sql::inventoryIn,
                    JdbcTransaction::inventoryState, InventoryState::vendorSkuCode));
        }

        @Override
        public List<InventoryState> deadLettered(int limit) {
            check();
            checkLimit(limit);
            return call("listing dead-lettered inventory", () -> list(sql.inventoryDeadLettered, ps -> {
                ps.setString(1, storeId);
                ps.setInt(2, limit);
            }, JdbcTransaction::inventoryState));
        }

        @Override
        public List<InventoryState> awaitingModeration(Instant dueBy, int limit) {
            check();
            Objects.requireNonNull(dueBy, "dueBy");
            checkLimit(limit);
            return call("listing inventory due for a moderation read", () -> list(sql.inventoryModerationDue, ps -> {
                ps.setString(1, storeId);
                ps.setLong(2, Codec.micros(dueBy));
                ps.setInt(3, limit);
            }, JdbcTransaction::inventoryState));
        }
    }

    // ------------------------------------------------------------------------------------------ outbox

    private static OutboxEntry outboxEntry(ResultSet rs) throws SQLException {
        OutboxEntry.Builder b = OutboxEntry.builder()
                .id(rs.getString("id"))
                .operation(OutboxOperation.valueOf(rs.getString("operation")))
                .orderNo(rs.getString("order_no"))
                .data(Codec.stringMap(rs.getString("data")))
                .status(OutboxStatus.valueOf(rs.getString("status")))
                .attempts(rs.getInt("attempts"))
                .lastError(string(rs, "last_error"))
                .outcomeUnknown(rs.getBoolean("outcome_unknown"))
                .notBefore(instant(rs, "not_before_us"))
                .createdAt(instant(rs, "created_at_us"))
                .updatedAt(instant(rs, "updated_at_us"))
                .firstFailedAt(optionalInstant(rs, "first_failed_at_us"));
        return b.build();
    }

    /** Binds the value columns of an outbox entry ({@link Statements#OUTBOX_VALUES}) from index {@code from}. */
    private static void bindOutboxValues(PreparedStatement ps, int from, OutboxEntry entry, String data, long notBefore,
            long createdAt, long updatedAt) throws SQLException {
        ps.setString(from, entry.operation().name());
        ps.setString(from + 1, entry.orderNo());
        ps.setString(from + 2, data);
        ps.setString(from + 3, entry.status().name());
        ps.setInt(from + 4, entry.attempts());
        setNullable(ps, from + 5, entry.lastError());
        ps.setBoolean(from + 6, entry.outcomeUnknown());
        ps.setLong(from + 7, notBefore);
        ps.setLong(from + 8, createdAt);
        ps.setLong(from + 9, updatedAt);
        setNullableMicros(ps, from + 10, entry.firstFailedAt());
    }

    private final class Outbox implements OutboxStore {
        @Override
        public boolean add(OutboxEntry entry) {
            check();
            Objects.requireNonNull(entry, "entry");
            String data = Codec.json(entry.data());
            long notBefore = Codec.micros(entry.notBefore());
            long createdAt = Codec.micros(entry.createdAt());
            long updatedAt = Codec.micros(entry.updatedAt());
            return call("adding outbox entry " + entry.id(), () -> {
                try (PreparedStatement ps = connection.prepareStatement(sql.outboxInsertIfAbsent)) {
                    ps.setString(1, storeId);
                    ps.setString(2, entry.id());
                    bindOutboxValues(ps, 3, entry, data, notBefore, createdAt, updatedAt);
                    return db.dialect().insertIfAbsent(ps);
                }
            });
        }

        @Override
        public Optional<OutboxEntry> find(String id) {
            return findByKey("reading outbox entry", "outbox", id, sql.outboxFind, JdbcTransaction::outboxEntry);
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalArgumentException if no entry has the id (add it first)
         */
        @Override
        public void save(OutboxEntry entry) {
            check();
            Objects.requireNonNull(entry, "entry");
            String data = Codec.json(entry.data());
            long notBefore = Codec.micros(entry.notBefore());
            long createdAt = Codec.micros(entry.createdAt());
            long updatedAt = Codec.micros(entry.updatedAt());
            int updated = call("saving outbox entry " + entry.id(), () -> update(sql.outboxUpdate, ps -> {
                bindOutboxValues(ps, 1, entry, data, notBefore, createdAt, updatedAt);
                ps.setString(Statements.OUTBOX_VALUES.size() + 1, storeId);
                ps.setString(Statements.OUTBOX_VALUES.size() + 2, entry.id());
            }));
            if (updated == 0) {
                throw new IllegalArgumentException("no outbox entry with id " + entry.id() + " to replace; add it first");
            }
        }

        @Override
        public List<OutboxEntry> due(Flow flow, Instant now, int limit) {
            check();
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(now, "now");
            checkLimit(limit);
            List<String> operations = new ArrayList<>();
            for (OutboxOperation operation : OutboxOperation.values()) {
                if (operation.flow() == flow) {
                    operations.add(operation.name());
                }
            }
            if (operations.isEmpty()) {
                return List.of();
            }
            long nowMicros = Codec.microsSaturated(now);
            return call("listing due outbox entries of " + flow, () -> list(sql.outboxDue(operations.size()), ps -> {
                int i = 1;
                ps.setString(i++, storeId);
                ps.setString(i++, OutboxStatus.PENDING.name());
                ps.setLong(i++, nowMicros);
                for (String operation : operations) {
                    ps.setString(i++, operation);
                }
                ps.setInt(i, limit);
            }, JdbcTransaction::outboxEntry));
        }

        @Override
        public List<OutboxEntry> dead(int limit) {
            check();
            checkLimit(limit);
            return call("listing dead outbox entries", () -> list(sql.outboxDead, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, OutboxStatus.DEAD.name());
                ps.setInt(3, limit);
            }, JdbcTransaction::outboxEntry));
        }

        @Override
        public List<OutboxEntry> forOrder(String orderNo) {
            check();
            Objects.requireNonNull(orderNo, "orderNo");
            return call("listing outbox entries of order " + orderNo, () -> list(sql.outboxForOrder, ps -> {
                ps.setString(1, storeId);
                ps.setString(2, orderNo);
            }, JdbcTransaction::outboxEntry));
        }
    }

    // ------------------------------------------------------------------------------------------ order hints

    private static OrderHint orderHint(ResultSet rs) throws SQLException {
        return OrderHint.builder()
                .orderNo(rs.getString("order_no"))
                .firstHintedAt(instant(rs, "first_hinted_at_us"))
                .lastHintedAt(instant(rs, "last_hinted_at_us"))
                .timesHinted(rs.getInt("times_hinted"))
                .attempts(rs.getInt("attempts"))
                .dueAt(instant(rs, "due_at_us"))
                .droppedAt(optionalInstant(rs, "dropped_at_us"))
                .reason(string(rs, "reason"))
                .build();
    }

    /**
     * The order hints of one transaction: the table of V8, keyed by store and order number. Multi-key reads and
     * deletes take {@value Statements#MAX_KEYS_PER_READ} numbers to a statement; {@code due}, {@code earliestDue},
     * {@code pendingCount} read the pending hints through their index, {@code pruneDropped} the dropped ones
     * through theirs.
     */
    private final class Hints implements OrderHintStore {

        /** {@inheritDoc} One locking {@code SELECT ... IN (...)} per {@value Statements#MAX_KEYS_PER_READ} numbers. */
        @Override
        public Map<String, OrderHint> findAll(Collection<String> orderNos) {
            check();
            List<String> keys = distinctKeys(orderNos, "order number");
            if (keys.isEmpty()) {
                return Map.of();
            }
            return call("reading " + keys.size() + " order hints", () -> findMany(keys, sql::hintFindMany, 1,
                    ps -> ps.setString(1, storeId), JdbcTransaction::orderHint, OrderHint::orderNo));
        }

        /**
         * {@inheritDoc} One JDBC batch of upserts, in order-number order (of the last hint given for each number),
         * so that transactions saving overlapping numbers lock them in one order.
         */
        @Override
        public void saveAll(Collection<OrderHint> saved) {
            check();
            Objects.requireNonNull(saved, "hints");
            Map<String, OrderHint> byNumber = new TreeMap<>();
            for (OrderHint hint : saved) {
                Objects.requireNonNull(hint, "hint");
                byNumber.put(hint.orderNo(), hint);
            }
            if (byNumber.isEmpty()) {
                return;
            }
            List<long[]> instants = new ArrayList<>(byNumber.size());
            for (OrderHint hint : byNumber.values()) {
                instants.add(new long[] {Codec.micros(hint.firstHintedAt()), Codec.micros(hint.lastHintedAt()),
                        Codec.micros(hint.dueAt())});
            }
            call("saving " + byNumber.size() + " order hints", () -> {
                try (PreparedStatement ps = connection.prepareStatement(sql.hintUpsert)) {
                    int i = 0;
                    for (OrderHint hint : byNumber.values()) {
                        long[] micros = instants.get(i++);
                        ps.setString(1, storeId);
                        ps.setString(2, hint.orderNo());
                        ps.setLong(3, micros[0]);
                        ps.setLong(4, micros[1]);
                        ps.setInt(5, hint.timesHinted());
                        ps.setInt(6, hint.attempts());
                        ps.setLong(7, micros[2]);
                        setNullableMicros(ps, 8, hint.droppedAt());
                        setNullable(ps, 9, hint.reason());
                        ps.setBoolean(10, hint.pending());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }

        /** {@inheritDoc} One {@code DELETE ... IN (...)} per {@value Statements#MAX_KEYS_PER_READ} numbers. */
        @Override
        public void removeAll(Collection<String> orderNos) {
            check();
            List<String> keys = distinctKeys(orderNos, "order number");
            if (keys.isEmpty()) {
                return;
            }
            call("removing " + keys.size() + " order hints", () -> delete(keys, sql::hintDeleteMany, 1,
                    ps -> ps.setString(1, storeId)));
        }

        /**
         * Deletes the hints of {@code keys} (distinct) with {@code statement} (for a number of keys), at most the
         * multi-key bound to a statement: {@code leading} binds the first {@code leadingCount} parameters, the
         * keys follow. Returns how many hints were deleted.
         */
        private int delete(List<String> keys, IntFunction<String> statement, int leadingCount, Binder leading)
                throws SQLException {
            int deleted = 0;
            for (int from = 0; from < keys.size(); from += Statements.MAX_KEYS_PER_READ) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + Statements.MAX_KEYS_PER_READ));
                deleted += update(statement.apply(chunk.size()), ps -> {
                    leading.bind(ps);
                    int i = leadingCount;
                    for (String key : chunk) {
                        ps.setString(++i, key);
                    }
                });
            }
            return deleted;
        }

        @Override
        public List<OrderHint> due(Instant now, int limit) {
            check();
            Objects.requireNonNull(now, "now");
            checkLimit(limit);
            long nowMicros = Codec.microsSaturated(now);
            return call("listing the due order hints", () -> list(sql.hintsDue, ps -> {
                ps.setString(1, storeId);
                ps.setLong(2, nowMicros);
                ps.setInt(3, limit);
            }, JdbcTransaction::orderHint));
        }

        @Override
        public Optional<Instant> earliestDue() {
            return call("reading the earliest due order hint", () -> one(sql.hintsEarliestDue,
                    ps -> ps.setString(1, storeId), rs -> instant(rs, "due_at_us")));
        }

        @Override
        public long pendingCount() {
            return call("counting the pending order hints", () -> one(sql.hintsPendingCount,
                    ps -> ps.setString(1, storeId), rs -> rs.getLong(1)).orElse(0L));
        }

        /**
         * {@inheritDoc} Reads the numbers of the hints to prune (a range read of their index, in order, bounded by
         * the limit), then deletes those of them still dropped before {@code before}: a hint a concurrent
         * transaction revived meanwhile is kept, and not counted.
         */
        @Override
        public int pruneDropped(Instant before, int limit) {
            check();
            Objects.requireNonNull(before, "before");
            checkLimit(limit);
            if (limit == 0) {
                return 0;
            }
            long beforeMicros = microsCeiling(before);
            return call("pruning dropped order hints", () -> {
                List<String> prunable = list(sql.hintsDroppedBefore, ps -> {
                    ps.setString(1, storeId);
                    ps.setLong(2, beforeMicros);
                    ps.setInt(3, limit);
                }, rs -> rs.getString(1));
                return prunable.isEmpty() ? 0 : delete(prunable, sql::hintDeleteDroppedMany, 2, ps -> {
                    ps.setString(1, storeId);
                    ps.setLong(2, beforeMicros);
                });
            });
        }
    }

    /**
     * The smallest microsecond count not before {@code instant} (saturated like {@link Codec#microsSaturated}):
     * a stored time (whole microseconds) is before {@code instant} exactly when it is below this.
     */
    private static long microsCeiling(Instant instant) {
        long floor = Codec.microsSaturated(instant);
        boolean subMicro = instant.getNano() % 1_000 != 0;
        return subMicro && floor != Long.MAX_VALUE && floor != Long.MIN_VALUE ? floor + 1 : floor;
    }
}
