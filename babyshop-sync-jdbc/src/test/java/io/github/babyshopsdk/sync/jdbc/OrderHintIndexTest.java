package io.github.babyshopsdk.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.state.OrderHint;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reads of the order hints go through the indexes of V8 (OrderHintStore: "read through an index, not a scan
 * of every hint"): the plans of the due, earliest-due and prune statements use {@code order_hint_due_idx} /
 * {@code order_hint_dropped_idx} for both the range and the order (no sort), the pending count an index. On
 * PostgreSQL the planner is told not to prefer a sequential or bitmap scan of a small table, so the plan shows
 * whether the index can serve the statement at all.
 */
class OrderHintIndexTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void dueAndPruneReadThroughTheirIndexes(TestDatabase.Backend backend) throws SQLException {
        try (TestDatabase db = backend.open()) {
            for (String storeId : List.of("a", "b")) {
                SyncStateStore store = JdbcSyncStateStore.builder().dataSource(db.dataSource()).storeId(storeId).build();
                List<OrderHint> hints = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    var builder = OrderHint.builder().orderNo("BS-" + i).firstHintedAt(T0)
                            .lastHintedAt(T0).timesHinted(1).attempts(0).dueAt(T0.plusSeconds(i));
                    hints.add(i % 4 == 0 ? builder.droppedAt(T0.plusSeconds(i)).build() : builder.build());
                }
                store.runInTransaction(tx -> tx.hints().saveAll(hints));
            }
            Statements sql = new Statements(Database.open(db.dataSource(), JdbcSyncStateStore.DEFAULT_TABLE_PREFIX));
            try (Connection c = db.dataSource().getConnection()) {
                if (backend == TestDatabase.Backend.POSTGRESQL) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE " + JdbcSyncStateStore.DEFAULT_TABLE_PREFIX + "order_hint");
                        s.execute("SET enable_seqscan = off");
                        s.execute("SET enable_bitmapscan = off");
                    }
                }
                long now = T0.plusSeconds(100).getEpochSecond() * 1_000_000L;
                assertSortedRangeOf("order_hint_due_idx", plan(c, sql.hintsDue, "a", now, 10));
                assertSortedRangeOf("order_hint_due_idx", plan(c, sql.hintsEarliestDue, "a"));
                // a count reads every pending hint of the store anyway: any index of the store's rows will do
                assertThat(plan(c, sql.hintsPendingCount, "a")).doesNotContain("seq scan").doesNotContain("tablescan");
                assertSortedRangeOf("order_hint_dropped_idx", plan(c, sql.hintsDroppedBefore, "a", now, 10));
            }
        }
    }

    private static void assertRangeOf(String index, String plan) {
        assertThat(plan).as(plan).contains(index).doesNotContain("seq scan").doesNotContain("tablescan");
    }

    private static void assertSortedRangeOf(String index, String plan) {
        assertRangeOf(index, plan);
        // H2 says "index sorted" when the index gives the order; PostgreSQL shows a Sort node when it does not
        assertThat(plan).as(plan).doesNotContain("sort key").doesNotContainPattern("(?m)^\\s*(->\\s*)?sort\\b");
        if (plan.contains("/*")) {
            assertThat(plan).as(plan).contains("index sorted");
        }
    }

    /** The lower-case plan of {@code query} with the parameters bound in order. */
    private static String plan(Connection c, String query, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + query)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString().toLowerCase(Locale.ROOT);
        }
    }
}
