package io.github.babyshopsdk.benchmarks.world;

/** Where a {@link BenchWorld}'s engine keeps its state. */
public enum StateKind {
    /** {@code InMemorySyncStateStore}. */
    IN_MEMORY,
    /** {@code JdbcSyncStateStore} on a fresh H2 in-memory database (PostgreSQL mode, the documented setting). */
    H2_MEMORY,
    /** {@code JdbcSyncStateStore} on a fresh H2 file database in a temporary directory, deleted on close. */
    H2_FILE,
    /**
     * {@code JdbcSyncStateStore} on PostgreSQL ({@code RunSettings.postgresUrl()}), in a fresh schema dropped on
     * close.
     */
    POSTGRESQL
}
