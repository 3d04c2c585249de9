/**
 * Durable sync state on PostgreSQL or H2 ({@code JdbcSyncStateStore}, the shared {@code JdbcQuotaBudget}).
 *
 * <p>The migration package is opened (not exported) because Flyway finds its SQL scripts as resources,
 * and resources of a named module's package are visible to another module only when the package is open.
 * Flyway is read as an automatic module named after its jar ({@code flyway.core}); it declares no module
 * name of its own.
 */
module io.github.babyshopsdk.sync.jdbc {
    requires transitive io.github.babyshopsdk.sync;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    requires flyway.core;
    requires org.slf4j;
    requires static org.immutables.value;

    exports io.github.babyshopsdk.sync.jdbc;

    opens io.github.babyshopsdk.sync.jdbc.migration;
}
