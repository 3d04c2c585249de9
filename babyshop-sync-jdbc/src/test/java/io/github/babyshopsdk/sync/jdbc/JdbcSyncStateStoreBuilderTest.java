package io.github.babyshopsdk.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.state.StateStoreException;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder validation of {@link JdbcSyncStateStore}, and what build() does. */
class JdbcSyncStateStoreBuilderTest {
    private TestDatabase database;

    @BeforeEach
    void open() {
        database = TestDatabase.h2(true);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aDataSourceIsRequired() {
        assertThatThrownBy(() -> JdbcSyncStateStore.builder().storeId("babyshop-uae").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("dataSource is required: JdbcSyncStateStore.builder().dataSource(ds)");
        assertThatThrownBy(() -> JdbcSyncStateStore.builder().dataSource(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("dataSource");
    }

    @Test
    void aStoreIdIsRequired() {
        assertThatThrownBy(() -> JdbcSyncStateStore.builder().dataSource(database.dataSource()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("storeId is required, e.g. .storeId(\"babyshop-uae\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void aBlankStoreIdIsRefused(String storeId) {
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        assertThatThrownBy(() -> JdbcSyncStateStore.builder().dataSource(counting).storeId(storeId).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("storeId must not be blank");
        assertThat(counting.opened.get()).as("no connection before validation passed").isZero();
    }

    @Test
    void aTooLongStoreIdIsRefused() {
        assertThatThrownBy(() -> JdbcSyncStateStore.builder().dataSource(database.dataSource())
                .storeId("s".repeat(101)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("storeId must be at most 100 characters, was 101");
        assertThat(JdbcSyncStateStore.builder().dataSource(database.dataSource()).storeId("s".repeat(100)).build()
                .storeId()).hasSize(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Babyshop_", "1abc_", "a-b_", "bs$", "bs ", "ünï_", "abcdefghijklmnopqrstu"})
    void anInvalidTablePrefixIsRefused(String prefix) {
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        assertThatThrownBy(() -> JdbcSyncStateStore.builder().dataSource(counting).storeId("s").tablePrefix(prefix)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tablePrefix must match [a-z_][a-z0-9_]* and be at most 20 characters, was '" + prefix + "'");
        assertThatThrownBy(() -> JdbcSyncStateStore.migrate(counting, prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tablePrefix must match");
        assertThat(counting.opened.get()).as("no connection before validation passed").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_", "x", "a1_", "abcdefghijklmnopqrst", "babyshop_"})
    void validPrefixesAreAccepted(String prefix) {
        JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(database.dataSource()).storeId("s")
                .tablePrefix(prefix).build();
        assertThat(store.tablePrefix()).isEqualTo(prefix);
        store.runInTransaction(tx -> tx.cursors().put("c", "1"));
        assertThat(store.inTransaction((SyncTransaction tx) -> tx.cursors().get("c"))).contains("1");
    }

    @Test
    void theDefaultsAreTheBabyshopPrefixAndMigration() {
        JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(database.dataSource())
                .storeId("babyshop-uae").build();
        assertThat(store.tablePrefix()).isEqualTo("babyshop_");
        assertThat(store.storeId()).isEqualTo("babyshop-uae");
        assertThat(store.inTransaction((SyncTransaction tx) -> tx.orders().find("BS-1"))).isEmpty();
        assertThat(store.toString()).contains("babyshop-uae", "H2", "babyshop_");
    }

    @Test
    void anUnsupportedDatabaseIsRefused() {
        DataSource mysql = productNamed("MySQL");
        assertThatThrownBy(() -> JdbcSyncStateStore.builder().dataSource(mysql).storeId("s").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported database 'MySQL': babyshop-sync-jdbc supports PostgreSQL and H2");
    }

    @Test
    void anUnreachableDatabaseIsAStateStoreException() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:mem:does-not-exist;IFEXISTS=TRUE");
        assertThatThrownBy(() -> JdbcSyncStateStore.builder().dataSource(missing).storeId("s").build())
                .isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("cannot connect to the state database")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void withoutMigrationNoTableIsCreated() throws Exception {
        JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(database.dataSource()).storeId("s")
                .migrate(false).build();
        try (Connection c = database.dataSource().getConnection()) {
            assertThat(c.getMetaData().getTables(null, null, "%babyshop%", null).next()).isFalse();
        }
        assertThatThrownBy(() -> store.inTransaction(tx -> tx.cursors().get("c")))
                .isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("reading cursor c failed")
                .hasCauseInstanceOf(SQLException.class);
    }

    /** A data source whose database says it is {@code product}. */
    private static DataSource productNamed(String product) {
        InvocationHandler metaData = (proxy, method, args) -> switch (method.getName()) {
            case "getDatabaseProductName" -> product;
            default -> throw new UnsupportedOperationException(method.getName());
        };
        InvocationHandler connection = (proxy, method, args) -> switch (method.getName()) {
            case "getMetaData" -> Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                    new Class<?>[] {DatabaseMetaData.class}, metaData);
            case "close" -> null;
            case "isClosed" -> false;
            default -> throw new UnsupportedOperationException(method.getName());
        };
        Connection c = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, connection);
        return new CountingDataSource(null) {
            @Override
            public Connection getConnection() {
                return c;
            }
        };
    }

    /** Counts connections taken from a delegate. */
    static class CountingDataSource implements DataSource {
        final AtomicInteger opened = new AtomicInteger();
        private final DataSource delegate;

        CountingDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            opened.incrementAndGet();
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            opened.incrementAndGet();
            return delegate.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
