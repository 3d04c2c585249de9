package io.github.babyshopsdk.sync.jdbc.durability;

import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.host.ImportedOrder;
import io.github.babyshopsdk.sync.host.StockLevel;
import io.github.babyshopsdk.sync.spi.HostCatalog;
import io.github.babyshopsdk.sync.spi.HostFulfilment;
import io.github.babyshopsdk.sync.spi.HostInventory;
import io.github.babyshopsdk.sync.spi.HostOrders;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A durable host for the durability tests: every host port on tables of its own ({@code host_...}) in the
 * database the engine's state lives in, so that it survives a killed JVM exactly as the engine's state does,
 * and so that several engine nodes share one host.
 *
 * <ul>
 *   <li>{@code host_order}: keyed by the Babyshop order number, so {@link #createOrder} is idempotent; a
 *       random host order id, so two creations could not hide behind equal ids.</li>
 *   <li>{@code host_create_call}: one row per {@link #createOrder} call, with the node that made it and
 *       whether it found no existing order (created it).</li>
 *   <li>{@code host_stock}: available stock per Vendor SKU Code and hub; its {@code version} column (from
 *       {@code host_counter}, allocated under a row lock, so versions commit in order) is the change feed.</li>
 *   <li>{@code host_event}: the order events (packed, shipped, cancelled) with a sequence, the event feed.</li>
 *   <li>{@code host_sku}, {@code host_label}: the SKU master and the AWB labels received.</li>
 * </ul>
 * Each port method is one short transaction, run again on serialization failures, deadlocks, lock timeouts
 * and a lost insert race. Writers of stock and events ({@link #setStock}, {@link #addEvent},
 * {@link #cancelInHost}) are what the host's own users do; the tests call them. Thread-safe.
 */
final class JdbcTestHost implements HostOrders, HostCatalog, HostInventory, HostFulfilment {
    private static final int FEED_PAGE = 500;
    private static final int EVENT_PAGE = 200;
    private static final int MAX_ATTEMPTS = 20;

    private final DataSource dataSource;
    private final String node;
    private final List<CreateCall> calls = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> afterCreate = orderNo -> { };
    private volatile Consumer<String> beforeUpsert = sku -> { };

    /** One {@link #createOrder} call as this JVM saw it (monotonic nanos), for checks against leases. */
    record CreateCall(String orderNo, String node, boolean created, long startedNanos, long finishedNanos) {
    }

    /** A row of {@code host_order}. */
    record HostOrder(String orderNo, String hostOrderId, String stage, String hub, boolean cancelled,
                     int cancelCalls, String createdBy) {
    }

    /** A row of {@code host_create_call}. */
    record CallRow(long id, String orderNo, String node, boolean created) {
    }

    /** A row of {@code host_event}. */
    record EventRow(long seq, String eventId, String orderNo, HostEventType type) {
    }

    /** A row of {@code host_label}. */
    record LabelRow(String orderNo, String invoiceNo, int bytes, int deliveries) {
    }

    JdbcTestHost(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    /**
     * The users' host on {@code dataSource}, ready for nodes: the engine's tables migrated (prefix
     * {@link EngineNode#TABLE_PREFIX}) and the host tables created.
     */
    static JdbcTestHost prepared(DataSource dataSource) {
        io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore.migrate(dataSource, EngineNode.TABLE_PREFIX);
        createTables(dataSource);
        return new JdbcTestHost(dataSource, "users");
    }

    /** Creates the host tables if missing (idempotent). */
    static void createTables(DataSource dataSource) {
        List<String> ddl = List.of(
                "CREATE TABLE IF NOT EXISTS host_order (order_no VARCHAR(64) PRIMARY KEY,"
                        + " host_order_id VARCHAR(64) NOT NULL, stage VARCHAR(32) NOT NULL, hub VARCHAR(32) NOT NULL,"
                        + " cancelled BOOLEAN NOT NULL, cancel_reason VARCHAR(300), cancel_calls INT NOT NULL,"
                        + " created_by VARCHAR(64) NOT NULL)",
                "CREATE TABLE IF NOT EXISTS host_create_call (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " order_no VARCHAR(64) NOT NULL, node VARCHAR(64) NOT NULL, created BOOLEAN NOT NULL)",
                "CREATE TABLE IF NOT EXISTS host_sku (sku VARCHAR(64) PRIMARY KEY, vendor_sku_code VARCHAR(64),"
                        + " upserts INT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS host_counter (counter_name VARCHAR(32) PRIMARY KEY,"
                        + " counter_value BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS host_stock (vendor_sku_code VARCHAR(64) NOT NULL, hub VARCHAR(32) NOT NULL,"
                        + " available NUMERIC(18,3) NOT NULL, version BIGINT NOT NULL,"
                        + " PRIMARY KEY (vendor_sku_code, hub))",
                "CREATE TABLE IF NOT EXISTS host_event (seq BIGINT PRIMARY KEY, event_id VARCHAR(64) NOT NULL UNIQUE,"
                        + " order_no VARCHAR(64) NOT NULL, event_type VARCHAR(16) NOT NULL, transporter VARCHAR(64),"
                        + " awb_no VARCHAR(64))",
                "CREATE TABLE IF NOT EXISTS host_label (order_no VARCHAR(64) PRIMARY KEY,"
                        + " invoice_no VARCHAR(64) NOT NULL, label_bytes INT NOT NULL, deliveries INT NOT NULL)",
                "INSERT INTO host_counter (counter_name, counter_value) SELECT 'feed', 0"
                        + " WHERE NOT EXISTS (SELECT 1 FROM host_counter WHERE counter_name = 'feed')");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the host tables", e);
        }
    }

    /** Called with the order number after a createOrder call committed a new order, before it returns. */
    void afterCreate(Consumer<String> hook) {
        this.afterCreate = hook;
    }

    /** Called with the Babyshop SKU when upsertSku is called, before the host writes anything. */
    void beforeUpsert(Consumer<String> hook) {
        this.beforeUpsert = hook;
    }

    /** The node name this instance records its calls under. */
    String node() {
        return node;
    }

    // ---- HostOrders -------------------------------------------------------------------------------

    @Override
    public String createOrder(ImportedOrder order) {
        long started = System.nanoTime();
        String orderNo = order.orderNo();
        record Outcome(String id, boolean created) {
        }
        Outcome outcome = transact(c -> {
            Optional<String> existing = one(c, "SELECT host_order_id FROM host_order WHERE order_no = ?",
                    rs -> rs.getString(1), orderNo);
            if (existing.isPresent()) {
                update(c, "INSERT INTO host_create_call (order_no, node, created) VALUES (?, ?, ?)", orderNo, node,
                        false);
                return new Outcome(existing.get(), false);
            }
            String id = "H-" + UUID.randomUUID();
            // a concurrent creation of the same order makes this fail with a duplicate key: the transaction is
            // run again and finds that order
            update(c, "INSERT INTO host_order (order_no, host_order_id, stage, hub, cancelled, cancel_calls,"
                    + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?)", orderNo, id, order.stage(), order.hub(), false, 0,
                    node);
            update(c, "INSERT INTO host_create_call (order_no, node, created) VALUES (?, ?, ?)", orderNo, node, true);
            return new Outcome(id, true);
        });
        calls.add(new CreateCall(orderNo, node, outcome.created(), started, System.nanoTime()));
        if (outcome.created()) {
            afterCreate.accept(orderNo);
        }
        return outcome.id();
    }

    @Override
    public void cancelOrder(String orderNo, String hostOrderId, String reason) {
        int changed = transact(c -> update(c, "UPDATE host_order SET cancelled = ?, cancel_reason = ?,"
                + " cancel_calls = cancel_calls + 1 WHERE order_no = ? AND host_order_id = ?", true, reason, orderNo,
                hostOrderId));
        if (changed == 0) {
            throw new IllegalArgumentException("no host order " + hostOrderId + " for Babyshop order " + orderNo);
        }
    }

    // ---- HostCatalog ------------------------------------------------------------------------------

    @Override
    public void upsertSku(Product product) {
        beforeUpsert.accept(product.sku());
        transact(c -> {
            int changed = update(c, "UPDATE host_sku SET vendor_sku_code = ?, upserts = upserts + 1 WHERE sku = ?",
                    product.vendorSkuCode().orElse(null), product.sku());
            if (changed == 0) {
                update(c, "INSERT INTO host_sku (sku, vendor_sku_code, upserts) VALUES (?, ?, ?)", product.sku(),
                        product.vendorSkuCode().orElse(null), 1);
            }
            return null;
        });
    }

    // ---- HostInventory ----------------------------------------------------------------------------

    @Override
    public ChangeFeed<String> changedSkus(Optional<String> afterToken) {
        long after = afterToken.map(Long::parseLong).orElse(0L);
        return transact(c -> {
            List<String> codes = new ArrayList<>();
            long last = after;
            boolean more = false;
            try (PreparedStatement ps = prepare(c, "SELECT vendor_sku_code, version FROM host_stock WHERE version > ?"
                    + " ORDER BY version LIMIT " + (FEED_PAGE + 1), after); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (codes.size() == FEED_PAGE) {
                        more = true;
                        break;
                    }
                    codes.add(rs.getString(1));
                    last = rs.getLong(2);
                }
            }
            return ChangeFeed.of(List.copyOf(new LinkedHashSet<>(codes)), Long.toString(last), more);
        });
    }

    @Override
    public List<StockLevel> available(Collection<String> vendorSkuCodes) {
        if (vendorSkuCodes.isEmpty()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>(vendorSkuCodes);
        String marks = String.join(", ", Collections.nCopies(codes.size(), "?"));
        return transact(c -> {
            List<StockLevel> levels = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, "SELECT vendor_sku_code, hub, available FROM host_stock"
                    + " WHERE vendor_sku_code IN (" + marks + ") ORDER BY vendor_sku_code, hub", codes.toArray());
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    levels.add(StockLevel.of(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)));
                }
            }
            return levels;
        });
    }

    // ---- HostFulfilment ---------------------------------------------------------------------------

    @Override
    public ChangeFeed<HostEvent> events(Optional<String> afterToken) {
        long after = afterToken.map(Long::parseLong).orElse(0L);
        return transact(c -> {
            List<HostEvent> events = new ArrayList<>();
            long last = after;
            boolean more = false;
            try (PreparedStatement ps = prepare(c, "SELECT seq, event_id, order_no, event_type, transporter, awb_no"
                    + " FROM host_event WHERE seq > ? ORDER BY seq LIMIT " + (EVENT_PAGE + 1), after);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (events.size() == EVENT_PAGE) {
                        more = true;
                        break;
                    }
                    last = rs.getLong(1);
                    events.add(HostEvent.builder().eventId(rs.getString(2)).orderNo(rs.getString(3))
                            .type(HostEventType.valueOf(rs.getString(4)))
                            .transporter(Optional.ofNullable(rs.getString(5)))
                            .awbNo(Optional.ofNullable(rs.getString(6))).build());
                }
            }
            return ChangeFeed.of(events, Long.toString(last), more);
        });
    }

    @Override
    public void shipmentCreated(String orderNo, String invoiceNo, Document label) {
        transact(c -> {
            int changed = update(c, "UPDATE host_label SET invoice_no = ?, label_bytes = ?, deliveries = deliveries + 1"
                    + " WHERE order_no = ?", invoiceNo, label.size(), orderNo);
            if (changed == 0) {
                update(c, "INSERT INTO host_label (order_no, invoice_no, label_bytes, deliveries) VALUES (?, ?, ?, ?)",
                        orderNo, invoiceNo, label.size(), 1);
            }
            return null;
        });
    }

    // ---- what the host's own users do -------------------------------------------------------------

    /** Sets the available stock of a Vendor SKU Code in a hub and puts it on the change feed. */
    void setStock(String vendorSkuCode, String hub, BigDecimal available) {
        transact(c -> {
            long version = nextFeedNumber(c);
            int changed = update(c, "UPDATE host_stock SET available = ?, version = ? WHERE vendor_sku_code = ?"
                    + " AND hub = ?", available, version, vendorSkuCode, hub);
            if (changed == 0) {
                update(c, "INSERT INTO host_stock (vendor_sku_code, hub, available, version) VALUES (?, ?, ?, ?)",
                        vendorSkuCode, hub, available, version);
            }
            return null;
        });
    }

    /** Appends an order event (packing completed, shipped, ...) to the event feed. */
    void addEvent(String eventId, String orderNo, HostEventType type, String transporter, String awbNo) {
        transact(c -> {
            insertEvent(c, eventId, orderNo, type, transporter, awbNo);
            return null;
        });
    }

    /** The host cancels its own order: the order row and the CANCELLED event, in one transaction. */
    void cancelInHost(String eventId, String orderNo) {
        transact(c -> {
            int changed = update(c, "UPDATE host_order SET cancelled = ?, cancel_reason = ? WHERE order_no = ?", true,
                    "cancelled in the host", orderNo);
            if (changed != 1) {
                throw new IllegalStateException("no host order for " + orderNo);
            }
            insertEvent(c, eventId, orderNo, HostEventType.CANCELLED, null, null);
            return null;
        });
    }

    private static void insertEvent(Connection c, String eventId, String orderNo, HostEventType type,
                                    String transporter, String awbNo) throws SQLException {
        long seq = nextFeedNumber(c);
        update(c, "INSERT INTO host_event (seq, event_id, order_no, event_type, transporter, awb_no)"
                + " VALUES (?, ?, ?, ?, ?, ?)", seq, eventId, orderNo, type.name(), transporter, awbNo);
    }

    /** The next feed number; the counter row stays locked until commit, so feed numbers commit in order. */
    private static long nextFeedNumber(Connection c) throws SQLException {
        long current = one(c, "SELECT counter_value FROM host_counter WHERE counter_name = 'feed' FOR UPDATE",
                rs -> rs.getLong(1)).orElseThrow();
        update(c, "UPDATE host_counter SET counter_value = ? WHERE counter_name = 'feed'", current + 1);
        return current + 1;
    }

    // ---- reading it back --------------------------------------------------------------------------

    /** Every host order, by Babyshop order number. */
    Map<String, HostOrder> orders() {
        return transact(c -> {
            Map<String, HostOrder> orders = new TreeMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT order_no, host_order_id, stage, hub, cancelled, cancel_calls,"
                    + " created_by FROM host_order"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.put(rs.getString(1), new HostOrder(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), rs.getInt(6), rs.getString(7)));
                }
            }
            return orders;
        });
    }

    /** Every createOrder call ever made by any node, in order. */
    List<CallRow> createCallRows() {
        return transact(c -> {
            List<CallRow> rows = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, "SELECT id, order_no, node, created FROM host_create_call ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CallRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
            return rows;
        });
    }

    /** The createOrder calls made through this instance (this JVM), with their times. */
    List<CreateCall> callsOfThisInstance() {
        return List.copyOf(calls);
    }

    /** Stock per Vendor SKU Code and hub. */
    Map<String, Map<String, BigDecimal>> stock() {
        return transact(c -> {
            Map<String, Map<String, BigDecimal>> stock = new TreeMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT vendor_sku_code, hub, available FROM host_stock");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stock.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
                }
            }
            return stock;
        });
    }

    /** Every order event, oldest first. */
    List<EventRow> eventRows() {
        return transact(c -> {
            List<EventRow> rows = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, "SELECT seq, event_id, order_no, event_type FROM host_event ORDER BY seq");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new EventRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            HostEventType.valueOf(rs.getString(4))));
                }
            }
            return rows;
        });
    }

    /** The AWB labels received, by order number. */
    Map<String, LabelRow> labels() {
        return transact(c -> {
            Map<String, LabelRow> labels = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT order_no, invoice_no, label_bytes, deliveries FROM host_label");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.put(rs.getString(1), new LabelRow(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getInt(4)));
                }
            }
            return labels;
        });
    }

    /** The SKUs in the host's SKU master. */
    Set<String> skus() {
        return transact(c -> {
            Set<String> skus = new LinkedHashSet<>();
            try (PreparedStatement ps = prepare(c, "SELECT sku FROM host_sku ORDER BY sku"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    skus.add(rs.getString(1));
                }
            }
            return skus;
        });
    }

    // ---- JDBC -------------------------------------------------------------------------------------

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code work} in a transaction, again after a failure that a retry can cure. */
    private <T> T transact(Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!retryable(e)) {
                    throw new IllegalStateException("host database failed: " + e.getMessage(), e);
                }
                last = e;
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", interrupted);
                }
            }
        }
        throw new IllegalStateException("host database kept failing: " + last.getMessage(), last);
    }

    private static boolean retryable(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.equals("40001") || state.equals("40P01") || state.equals("55P03")
                    || state.equals("23505") || state.equals("50200") || state.equals("90131"))) {
                return true;
            }
        }
        return false;
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    private static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "JdbcTestHost{" + node + "}";
    }
}
