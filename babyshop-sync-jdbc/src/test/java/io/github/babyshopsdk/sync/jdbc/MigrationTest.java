package io.github.babyshopsdk.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Flyway migrations: idempotent, beside the host's own tables and Flyway, or run by the host's Flyway. */
class MigrationTest {
    /** The history of a store migrated to the latest version ("version description state"). */
    private static final List<String> HISTORY = List.of("1 babyshop state Success", "2 lease fencing tokens Success",
            "3 sku link change feed Success", "4 inventory moderation schedule Success",
            "5 inventory retry schedule Success", "6 safety stock Success", "7 dead letter details Success",
            "8 order hints Success");


    private static final List<String> TABLES = List.of("settings", "config_change", "cursor", "order_record",
            "quarantine", "sku_link", "link_sequence", "inventory", "outbox", "lease", "key_lock", "quota_budget",
            "quota_call", "order_hint",
            "schema_history");

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void migrationsRunTwiceAreANoOp(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            JdbcSyncStateStore first = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("s").build();
            first.runInTransaction(tx -> tx.cursors().put("kept", "1"));
            List<String> history = history(db.dataSource(), "babyshop_");
            assertThat(history).containsExactlyElementsOf(HISTORY);

            JdbcSyncStateStore again = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("s").build();
            JdbcSyncStateStore.migrate(db.dataSource(), "babyshop_");
            again.quotaBudget("seller", QuotaLimits.vinculumDefault()).tryAcquire(0, Instant.now());

            assertThat(history(db.dataSource(), "babyshop_")).isEqualTo(history);
            assertThat(again.inTransaction((SyncTransaction tx) -> tx.cursors().get("kept"))).contains("1");
            assertThat(tables(db.dataSource())).containsAll(TABLES.stream().map(t -> "babyshop_" + t).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void theMigrationsLiveBesideTheHostsTablesAndFlyway(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            Flyway host = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/hostmigration").load();
            assertThat(host.migrate().migrationsExecuted).isEqualTo(1);

            JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("s").build();
            store.runInTransaction(tx -> tx.cursors().put("c", "1"));

            // the store's history is its own: a baseline (the schema was not empty), then its migration
            assertThat(history(db.dataSource(), "babyshop_")).hasSize(HISTORY.size() + 1).last()
                    .isEqualTo(HISTORY.get(HISTORY.size() - 1));
            // the host's Flyway still validates and has nothing to do
            host.validate();
            assertThat(host.migrate().migrationsExecuted).isZero();
            assertThat(host.info().applied()).hasSize(1);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO host_orders (id, total) VALUES ('H-1', '10.00')");
            }
            assertThat(JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("s").build()
                    .inTransaction((SyncTransaction tx) -> tx.cursors().get("c"))).contains("1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aHostCanRunTheMigrationsWithItsOwnFlyway(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            Flyway.configure().dataSource(db.dataSource())
                    .locations(JdbcSyncStateStore.MIGRATION_LOCATION)
                    .placeholders(Map.of(JdbcSyncStateStore.PREFIX_PLACEHOLDER, "erp_babyshop_"))
                    .table("erp_babyshop_" + JdbcSyncStateStore.HISTORY_TABLE_SUFFIX)
                    .load().migrate();

            SyncStateStore store = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("s")
                    .tablePrefix("erp_babyshop_").migrate(false).build();
            store.runInTransaction(tx -> tx.cursors().put("c", "1"));
            assertThat(store.leases().tryAcquire(Flow.ORDERS, "node-a", Instant.now(), Duration.ofSeconds(30))).isTrue();
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.cursors().get("c"))).contains("1");
            assertThat(tables(db.dataSource())).contains("erp_babyshop_cursor").doesNotContain("babyshop_cursor");
        }
    }

    /** A database at version 1 (leases without tokens, one held) is migrated, and its leases keep working. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aVersion1DatabaseGetsFencingTokens(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            Flyway.configure().dataSource(db.dataSource()).locations(JdbcSyncStateStore.MIGRATION_LOCATION)
                    .table("babyshop_" + JdbcSyncStateStore.HISTORY_TABLE_SUFFIX)
                    .placeholders(Map.of(JdbcSyncStateStore.PREFIX_PLACEHOLDER, "babyshop_"))
                    .target("1").load().migrate();
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO babyshop_lease (store_id, flow, holder, expires_at_us) VALUES ('s', 'ORDERS',"
                        + " 'old-node', " + (now.getEpochSecond() + 60) * 1_000_000L + ")");
            }
            JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("s").build();
            assertThat(history(db.dataSource(), "babyshop_")).containsExactlyElementsOf(HISTORY);
            assertThat(store.leases().acquire(Flow.ORDERS, "new-node", now, Duration.ofSeconds(30)))
                    .as("the lease held before the upgrade is still held").isEmpty();
            Lease lease = store.leases().acquire(Flow.ORDERS, "new-node", now.plusSeconds(60), Duration.ofSeconds(30))
                    .orElseThrow();
            assertThat(lease.token()).isPositive();
            store.runInTransaction(tx -> {
                tx.fence(lease);
                tx.cursors().put("c", "1");
            });
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.cursors().get("c"))).contains("1");
        }
    }

    /**
     * A database at version 2 with ledger rows awaiting moderation is migrated: those rows are due at once (their
     * last change stands for the push), the others get no check time.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aVersion2DatabaseHasItsRowsAwaitingModerationDueAtOnce(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            Flyway.configure().dataSource(db.dataSource()).locations(JdbcSyncStateStore.MIGRATION_LOCATION)
                    .table("babyshop_" + JdbcSyncStateStore.HISTORY_TABLE_SUFFIX)
                    .placeholders(Map.of(JdbcSyncStateStore.PREFIX_PLACEHOLDER, "babyshop_"))
                    .target("2").load().migrate();
            long pushedUs = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                String insert = "INSERT INTO babyshop_inventory (store_id, vendor_sku_code, sku, acknowledged_quantity,"
                        + " attempts, dead_lettered, moderation_id, moderation_status, updated_at_us) VALUES ('s', ";
                s.executeUpdate(insert + "'V-PENDING', 'S1', '1', 0, FALSE, '11', 'Pending', " + pushedUs + ")");
                s.executeUpdate(insert + "'V-NO-STATUS', 'S2', '1', 0, FALSE, '12', NULL, " + (pushedUs + 1) + ")");
                s.executeUpdate(insert + "'V-APPROVED', 'S3', '1', 0, FALSE, '13', 'Approved', " + pushedUs + ")");
            }
            JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("s").build();

            Instant pushed = Instant.parse("2026-01-01T00:00:00Z");
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.inventory().awaitingModeration(pushed, 10)))
                    .extracting(s -> s.vendorSkuCode() + " " + s.moderationCheckAt().orElseThrow())
                    .containsExactly("V-PENDING " + pushed);
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.inventory().awaitingModeration(
                    pushed.plusSeconds(1), 10))).extracting(s -> s.vendorSkuCode())
                    .containsExactly("V-PENDING", "V-NO-STATUS");
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.inventory().find("V-APPROVED")).orElseThrow()
                    .moderationCheckAt()).isEmpty();
        }
    }

    /**
     * A database at version 2 keeps links without sequences: version 3 numbers them 1..n per store (in code
     * order) and starts each store's counter after them, so an upgraded store's link feed lists every old link
     * once, then the links saved after the upgrade.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aVersion2DatabaseGetsLinkSequences(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            Flyway.configure().dataSource(db.dataSource()).locations(JdbcSyncStateStore.MIGRATION_LOCATION)
                    .table("babyshop_" + JdbcSyncStateStore.HISTORY_TABLE_SUFFIX)
                    .placeholders(Map.of(JdbcSyncStateStore.PREFIX_PLACEHOLDER, "babyshop_"))
                    .target("2").load().migrate();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String row : List.of("'s', 'V-2', 'S-2'", "'s', 'V-1', 'S-1'", "'s', 'V-3', 'S-3'",
                        "'t', 'V-9', 'S-9'")) {
                    s.executeUpdate("INSERT INTO babyshop_sku_link (store_id, vendor_sku_code, sku, updated_at_us)"
                            + " VALUES (" + row + ", 0)");
                }
                for (String row : List.of("'I-NEW', '1', NULL, 0, FALSE, 3", "'I-RETRY', '2', NULL, 1, FALSE, 2",
                        "'I-DEAD', '3', NULL, 5, TRUE, 0", "'I-ACK', NULL, '4', 0, FALSE, 0")) {
                    s.executeUpdate("INSERT INTO babyshop_inventory (store_id, vendor_sku_code, sku, pending_quantity,"
                            + " acknowledged_quantity, attempts, dead_lettered, updated_at_us) VALUES ('s', " + row
                            .replaceFirst(", ", ", 'S', ") + ")");
                }
            }
            JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("s").build();
            JdbcSyncStateStore other = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("t")
                    .migrate(false).build();
            JdbcSyncStateStore fresh = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("u")
                    .migrate(false).build();

            assertThat(store.inTransaction((SyncTransaction tx) -> tx.catalog().linksChangedAfter(0, 10)))
                    .extracting(change -> change.sequence() + " " + change.link().vendorSkuCode())
                    .containsExactly("1 V-1", "2 V-2", "3 V-3");
            store.runInTransaction(tx -> tx.catalog().saveLink(SkuLink.of("V-4", "S-4", Instant.EPOCH)));
            store.runInTransaction(tx -> tx.catalog().saveLink(SkuLink.of("V-1", "S-1", Instant.EPOCH)));
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.catalog().linksChangedAfter(3, 10)))
                    .extracting(change -> change.sequence() + " " + change.link().vendorSkuCode())
                    .containsExactly("4 V-4", "5 V-1");
            assertThat(other.inTransaction((SyncTransaction tx) -> tx.catalog().linksChangedAfter(0, 10)))
                    .extracting(change -> change.sequence() + " " + change.link().vendorSkuCode())
                    .containsExactly("1 V-9");
            // the ledger's states due for a push are found after the upgrade too
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.inventory().pending(Instant.MAX, 10)))
                    .extracting(state -> state.vendorSkuCode()).containsExactly("I-RETRY", "I-NEW");
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.inventory().pending(Instant.EPOCH, 10)))
                    .extracting(state -> state.vendorSkuCode()).containsExactly("I-NEW");
            fresh.runInTransaction(tx -> tx.catalog().saveLink(SkuLink.of("V-1", "S-1", Instant.EPOCH)));
            assertThat(fresh.inTransaction((SyncTransaction tx) -> tx.catalog().linksChangedAfter(0, 10)))
                    .extracting(change -> change.sequence() + " " + change.link().vendorSkuCode())
                    .containsExactly("1 V-1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void twoNodesStartingTogetherMigrateOnce(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            List<DataSource> nodes = List.of(db.dataSource(), db.newDataSource(), db.newDataSource());
            List<JdbcSyncStateStore> stores = Concurrently.run(nodes.size(),
                    i -> JdbcSyncStateStore.builder().dataSource(nodes.get(i)).storeId("s").build());
            assertThat(history(db.dataSource(), "babyshop_")).containsExactlyElementsOf(HISTORY);
            stores.get(0).runInTransaction(tx -> tx.cursors().put("c", "1"));
            assertThat(stores.get(2).inTransaction((SyncTransaction tx) -> tx.cursors().get("c"))).contains("1");
        }
    }

    /** A version 4 database with settings gets no safety stock (V6 adds the column, NULL = none), and can save one. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aVersion4DatabaseHasNoSafetyStockUntilOneIsSaved(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            Flyway.configure().dataSource(db.dataSource()).locations(JdbcSyncStateStore.MIGRATION_LOCATION)
                    .table("babyshop_" + JdbcSyncStateStore.HISTORY_TABLE_SUFFIX)
                    .placeholders(Map.of(JdbcSyncStateStore.PREFIX_PLACEHOLDER, "babyshop_"))
                    .target("4").load().migrate();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO babyshop_settings (store_id, inventory_sync) VALUES ('s', TRUE)");
            }
            JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("s").build();
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.settings().safetyStock()))
                    .isEqualTo(io.github.babyshopsdk.sync.config.SafetyStock.none());
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.settings().settings().inventorySync())).isTrue();
            io.github.babyshopsdk.sync.config.SafetyStock two = io.github.babyshopsdk.sync.config.SafetyStock.builder()
                    .global(io.github.babyshopsdk.sync.config.Reserve.units(2)).build();
            store.runInTransaction(tx -> tx.settings().saveSafetyStock(two));
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.settings().safetyStock())).isEqualTo(two);
        }
    }

    /**
     * A database at version 4 with a dead outbox entry and a dead-lettered ledger row is migrated: both take their
     * last change as their first failure, and the stores list them as dead letters.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aVersion4DatabaseListsItsDeadLettersWithAFirstFailure(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            Flyway.configure().dataSource(db.dataSource()).locations(JdbcSyncStateStore.MIGRATION_LOCATION)
                    .table("babyshop_" + JdbcSyncStateStore.HISTORY_TABLE_SUFFIX)
                    .placeholders(Map.of(JdbcSyncStateStore.PREFIX_PLACEHOLDER, "babyshop_"))
                    .target("4").load().migrate();
            Instant failed = Instant.parse("2026-01-01T00:00:00Z");
            long failedUs = failed.getEpochSecond() * 1_000_000L;
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO babyshop_outbox (store_id, id, operation, order_no, data, status, attempts,"
                        + " last_error, outcome_unknown, not_before_us, created_at_us, updated_at_us) VALUES ('s', 'e-1',"
                        + " 'SHIP', 'BS-1', '{}', 'DEAD', 5, 'code 22', FALSE, 0, 0, " + failedUs + ")");
                s.executeUpdate("INSERT INTO babyshop_inventory (store_id, vendor_sku_code, sku, pending_quantity,"
                        + " attempts, last_error, dead_lettered, updated_at_us) VALUES ('s', 'V-1', 'S1', '3', 1,"
                        + " 'unknown SKU', TRUE, " + failedUs + ")");
            }
            JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("s").build();

            assertThat(store.inTransaction((SyncTransaction tx) -> tx.outbox().dead(10)))
                    .extracting(e -> e.id() + " " + e.firstFailedAt().orElseThrow()).containsExactly("e-1 " + failed);
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.inventory().deadLettered(10)))
                    .extracting(e -> e.vendorSkuCode() + " " + e.firstFailedAt().orElseThrow())
                    .containsExactly("V-1 " + failed);
        }
    }

    /** "version description state" of each applied migration of the tables of {@code prefix}. */
    static List<String> history(DataSource dataSource, String prefix) {
        Flyway flyway = Flyway.configure().dataSource(dataSource)
                .locations(JdbcSyncStateStore.MIGRATION_LOCATION)
                .placeholders(Map.of(JdbcSyncStateStore.PREFIX_PLACEHOLDER, prefix))
                .table(prefix + JdbcSyncStateStore.HISTORY_TABLE_SUFFIX)
                .load();
        List<String> applied = new ArrayList<>();
        for (MigrationInfo info : flyway.info().applied()) {
            applied.add(info.getVersion() + " " + info.getDescription() + " " + info.getState().getDisplayName());
        }
        return applied;
    }

    /** The lower-case names of the tables in the connection's schema. */
    static TreeSet<String> tables(DataSource dataSource) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
