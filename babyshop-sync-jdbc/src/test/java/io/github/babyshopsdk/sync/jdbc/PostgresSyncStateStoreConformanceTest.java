package io.github.babyshopsdk.sync.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The SPI conformance suite on the PostgreSQL server of {@code BABYSHOP_PG_URL}, in a schema of its own.
 * Without that variable the class is skipped, or fails when {@code CI=true}.
 */
class PostgresSyncStateStoreConformanceTest extends JdbcConformanceSuite {
    private static TestDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.postgres();
        JdbcSyncStateStore.migrate(database.dataSource(), JdbcSyncStateStore.DEFAULT_TABLE_PREFIX);
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    DataSource dataSource() {
        return database.dataSource();
    }
}
