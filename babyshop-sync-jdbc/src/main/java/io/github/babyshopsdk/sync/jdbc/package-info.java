/**
 * The sync engine's state on plain JDBC: {@link io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore} (the
 * {@link io.github.babyshopsdk.sync.state.SyncStateStore} SPI, flow leases included) and
 * {@link io.github.babyshopsdk.sync.jdbc.JdbcQuotaBudget} (the client's quota budget, by priority tier, shared
 * by every node using one credential). PostgreSQL in production; H2, in a file or in memory, as the embedded
 * default. The schema is managed by Flyway migrations shipped in this jar, under a configurable table prefix.
 */
package io.github.babyshopsdk.sync.jdbc;
