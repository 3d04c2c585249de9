package io.github.babyshopsdk.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.OrderHint;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stores share tables: by store id, and by table prefix. Neither sees the other's state. */
class StoreIsolationTest {
    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00.123456Z");

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void twoStoreIdsOnTheSameTablesAreIsolated(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            SyncStateStore uae = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("babyshop-uae").build();
            SyncStateStore ksa = JdbcSyncStateStore.builder().dataSource(db.newDataSource()).storeId("babyshop-ksa").build();
            assertIsolated(uae, ksa);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void storeIdsAreExact(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            SyncStateStore lower = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("store").build();
            SyncStateStore upper = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("STORE").build();
            SyncStateStore spaced = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId("store ").build();
            lower.runInTransaction(tx -> tx.cursors().put("c", "lower"));
            upper.runInTransaction(tx -> tx.cursors().put("c", "upper"));
            assertThat(lower.inTransaction((SyncTransaction tx) -> tx.cursors().get("c"))).contains("lower");
            assertThat(upper.inTransaction((SyncTransaction tx) -> tx.cursors().get("c"))).contains("upper");
            assertThat(spaced.inTransaction((SyncTransaction tx) -> tx.cursors().get("c"))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void twoTablePrefixesInOneDatabaseAreIsolated(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            DataSource ds = db.dataSource();
            SyncStateStore a = JdbcSyncStateStore.builder().dataSource(ds).storeId("same").tablePrefix("shop_a_").build();
            SyncStateStore b = JdbcSyncStateStore.builder().dataSource(ds).storeId("same")
                    .tablePrefix("abcdefghijklmnopqrs_").build();
            assertIsolated(a, b);

            Set<String> tables = MigrationTest.tables(ds);
            assertThat(tables).contains("shop_a_cursor", "shop_a_outbox", "shop_a_schema_history",
                    "abcdefghijklmnopqrs_cursor", "abcdefghijklmnopqrs_schema_history");
            assertThat(tables).noneMatch(t -> t.startsWith("babyshop_"));
            String latest = "8 order hints Success";
            assertThat(MigrationTest.history(ds, "shop_a_")).last().isEqualTo(latest);
            assertThat(MigrationTest.history(ds, "abcdefghijklmnopqrs_")).last().isEqualTo(latest);
        }
    }

    /** Writes everything in {@code a}, checks {@code b} sees none of it, then writes the same keys in b. */
    private static void assertIsolated(SyncStateStore a, SyncStateStore b) {
        OrderRecord order = OrderRecord.builder().orderNo("BS-1").state(OrderState.IMPORTED).reason(OrderReason.IMPORTED)
                .hostOrderId("H-1").updatedAt(T0).build();
        OutboxEntry entry = OutboxEntry.builder().id("evt-1").operation(OutboxOperation.SHIP).orderNo("BS-1")
                .status(OutboxStatus.PENDING).notBefore(T0).createdAt(T0).updatedAt(T0).build();
        InventoryState stock = InventoryState.builder().vendorSkuCode("VS-1").sku("S-1")
                .pendingQuantity(new BigDecimal("3.0")).moderationId("M-1").moderationCheckAt(T0).updatedAt(T0).build();
        QuarantineEntry bad = QuarantineEntry.builder().flow(Flow.ORDERS).key("BS-2").reason("unreadable").attempts(1)
                .deadLettered(false).firstFailedAt(T0).lastFailedAt(T0).build();
        ConfigurationChange change = ConfigurationChange.builder().actor("alice").at(T0).subject("settings")
                .before("a").after("b").build();
        OrderHint hint = OrderHint.builder().orderNo("BS-3").firstHintedAt(T0).lastHintedAt(T0).timesHinted(1)
                .attempts(0).dueAt(T0).build();
        OrderHint droppedHint = OrderHint.builder().from(hint).orderNo("BS-4").droppedAt(T0).reason("not found").build();
        a.runInTransaction(tx -> {
            tx.settings().saveSettings(StoreSettings.builder().orderSync(true).build());
            tx.settings().saveHubMapping(HubMapping.builder().defaultHub("HUB-1").build());
            tx.settings().appendChange(change);
            tx.cursors().put("orders", "a");
            tx.orders().save(order);
            tx.quarantine().save(bad);
            tx.catalog().saveLink(SkuLink.of("VS-1", "S-1", T0));
            tx.inventory().save(stock);
            assertThat(tx.outbox().add(entry)).isTrue();
            tx.hints().saveAll(List.of(hint, droppedHint));
        });
        assertThat(a.leases().tryAcquire(Flow.ORDERS, "node-a", T0, Duration.ofSeconds(30))).isTrue();

        b.runInTransaction(tx -> {
            assertThat(tx.settings().settings()).isEqualTo(StoreSettings.allOff());
            assertThat(tx.settings().hubMapping()).isEqualTo(HubMapping.empty());
            assertThat(tx.settings().changes()).isEmpty();
            assertThat(tx.cursors().get("orders")).isEmpty();
            assertThat(tx.orders().find("BS-1")).isEmpty();
            assertThat(tx.orders().inState(OrderState.IMPORTED, 10)).isEmpty();
            assertThat(tx.quarantine().all(Flow.ORDERS)).isEmpty();
            assertThat(tx.catalog().links()).isEmpty();
            assertThat(tx.inventory().pending(10)).isEmpty();
            assertThat(tx.inventory().awaitingModeration(T0, 10)).isEmpty();
            assertThat(tx.outbox().forOrder("BS-1")).isEmpty();
            assertThat(tx.outbox().due(Flow.SHIPMENTS, T0, 10)).isEmpty();
            assertThat(tx.hints().findAll(List.of("BS-3", "BS-4"))).isEmpty();
            assertThat(tx.hints().due(Instant.MAX, 10)).isEmpty();
            assertThat(tx.hints().earliestDue()).isEmpty();
            assertThat(tx.hints().pendingCount()).isZero();
            assertThat(tx.hints().pruneDropped(Instant.MAX, 10)).isZero();
            tx.hints().removeAll(List.of("BS-3", "BS-4"));
            // the same keys are free in b
            tx.cursors().put("orders", "b");
            assertThat(tx.outbox().add(entry)).isTrue();
        });
        assertThat(b.leases().tryAcquire(Flow.ORDERS, "node-b", T0, Duration.ofSeconds(30))).isTrue();
        b.leases().release(Flow.ORDERS, "node-a");
        assertThat(a.leases().tryAcquire(Flow.ORDERS, "node-c", T0.plusSeconds(1), Duration.ofSeconds(30))).isFalse();

        assertThat(a.inTransaction((SyncTransaction tx) -> tx.cursors().get("orders"))).contains("a");
        assertThat(b.inTransaction((SyncTransaction tx) -> tx.cursors().get("orders"))).contains("b");
        assertThat(a.inTransaction((SyncTransaction tx) -> tx.settings().changes())).containsExactly(change);
        assertThat(a.inTransaction((SyncTransaction tx) -> tx.orders().find("BS-1"))).contains(order);
        assertThat(a.inTransaction((SyncTransaction tx) -> tx.inventory().find("VS-1"))).contains(stock);
        assertThat(a.inTransaction((SyncTransaction tx) -> tx.inventory().awaitingModeration(T0, 10)))
                .containsExactly(stock);
        assertThat(a.inTransaction((SyncTransaction tx) -> tx.hints().findAll(List.of("BS-3", "BS-4"))))
                .containsOnlyKeys("BS-3", "BS-4");
        assertThat(a.inTransaction((SyncTransaction tx) -> tx.hints().due(Instant.MAX, 10))).containsExactly(hint);
    }
}
