package io.github.babyshopsdk.sync.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SPI conformance suite on H2 in PostgreSQL mode (the documented embedded setting), one database for the class. */
class H2SyncStateStoreConformanceTest extends JdbcConformanceSuite {
    private static TestDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.h2(true);
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
