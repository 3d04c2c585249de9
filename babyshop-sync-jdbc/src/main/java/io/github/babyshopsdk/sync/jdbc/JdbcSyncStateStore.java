package io.github.babyshopsdk.sync.jdbc;

import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.sync.state.LeaseStore;
import io.github.babyshopsdk.sync.state.StateStoreException;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The engine's durable state on plain JDBC: PostgreSQL in production, H2 (file or in-memory) embedded.
 *
 * <pre>{@code
 * SyncStateStore store = JdbcSyncStateStore.builder()
 *     .dataSource(dataSource)          // a pool, e.g. HikariCP; the host brings the JDBC driver
 *     .storeId("babyshop-uae")         // one Babyshop seller account
 *     .tablePrefix("babyshop_")        // the default
 *     .build();                        // runs the Flyway migrations unless .migrate(false)
 * }</pre>
 *
 * <p>Several stores (store ids) share the same tables; every row is keyed by its store id, so stores never
 * see each other's state. The schema is created and upgraded by Flyway migrations shipped in this jar
 * ({@value #MIGRATION_LOCATION}, placeholder {@code ${prefix}}), with a history table of its own,
 * {@code <prefix>schema_history}.
 *
 * <p><b>Transactions.</b> {@link #inTransaction} takes a connection from the data source, turns autocommit
 * off, runs the work at READ COMMITTED and commits; when the work throws, the transaction is rolled back and
 * the exception propagates unchanged. Every single-key read ({@code find}, {@code get}, {@code link},
 * settings and mappings) locks what it read until the transaction ends ({@code SELECT ... FOR UPDATE}; a
 * key without a row locks a bucket of the key-lock table instead), so read-modify-write transactions of
 * one key never lose an update, across threads and JVMs. Multi-key reads ({@code OrderStore.findAll},
 * {@code QuarantineStore.findAll}) lock the rows they find, but not the keys without a row. Writes are atomic upserts ({@code INSERT ... ON
 * CONFLICT} on PostgreSQL, {@code MERGE INTO ... KEY} on H2). Lists ({@code inState}, {@code due}, ...)
 * lock nothing. When the database reports a serialization failure, deadlock or lock timeout (SQLState
 * 40001, 40P01, 55P03; H2 also 90131 and lock timeout 50200), the transaction is rolled back and
 * <em>the work is run again</em>, up to six times in all: keep side effects that cannot be repeated out of
 * the work. A transaction may not be opened inside another of the same store on the same thread.
 *
 * <p>Beyond the SPI (as {@link io.github.babyshopsdk.sync.memory.InMemorySyncStateStore}): list results are
 * unmodifiable; a negative {@code limit} or a non-positive lease ttl throws {@link IllegalArgumentException};
 * {@code OutboxStore.save} of an id that was never added throws {@link IllegalArgumentException}; ties in
 * ordered results are broken by key. Instants are kept to the microsecond (finer digits are dropped) and must
 * lie within about 290,000 years of 1970; decimals keep their scale; text is kept exactly.
 *
 * <p>Thread-safe; one instance per store id and data source is enough for a whole JVM.
 */
public final class JdbcSyncStateStore implements SyncStateStore {

    /** Where the Flyway migrations of this module are, for a host that runs Flyway itself. */
    public static final String MIGRATION_LOCATION = "classpath:io/github/babyshopsdk/sync/jdbc/migration";
    /** The Flyway placeholder the migrations take the table prefix from: {@code ${prefix}}. */
    public static final String PREFIX_PLACEHOLDER = "prefix";
    /** The Flyway history table is named the table prefix followed by this. */
    public static final String HISTORY_TABLE_SUFFIX = "schema_history";
    /** The table prefix unless the builder is given another. */
    public static final String DEFAULT_TABLE_PREFIX = "babyshop_";
    /** The longest store id. */
    public static final int MAX_STORE_ID_LENGTH = 100;

    private final Database db;
    private final Statements sql;
    private final String storeId;
    private final JdbcLeaseStore leases;
    private final ThreadLocal<Boolean> inside = new ThreadLocal<>();

    private JdbcSyncStateStore(Database db, String storeId) {
        this.db = db;
        this.sql = new Statements(db);
        this.storeId = storeId;
        this.leases = new JdbcLeaseStore(db, storeId);
    }

    /** A builder; {@link Builder#dataSource} and {@link Builder#storeId} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Brings the tables of {@code tablePrefix} up to date with this jar's migrations (what {@link Builder#build()}
     * does unless {@code migrate(false)}): a no-op on an up-to-date database. For hosts that migrate at
     * deployment time rather than when the store is built.
     *
     * @throws IllegalArgumentException for an invalid prefix
     * @throws StateStoreException when a migration fails
     */
    public static void migrate(DataSource dataSource, String tablePrefix) {
        Objects.requireNonNull(dataSource, "dataSource");
        Migrations.migrate(dataSource, Database.checkPrefix(tablePrefix));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The work may run more than once: see the class description.
     *
     * @throws IllegalStateException when called inside a transaction of this store on the same thread
     * @throws StateStoreException when the database fails (the transaction is rolled back)
     */
    @Override
    public <T> T inTransaction(Function<SyncTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        if (inside.get() != null) {
            throw new IllegalStateException("inTransaction called inside a transaction of the same store");
        }
        inside.set(Boolean.TRUE);
        try {
            return db.transact("a transaction of store " + storeId, connection -> {
                JdbcTransaction tx = new JdbcTransaction(db, sql, connection, storeId, leases);
                T result;
                try {
                    result = work.apply(tx);
                } catch (RuntimeException e) {
                    tx.end();
                    if (tx.threw(e) && Database.isRetryable(tx.firstFailure())) {
                        throw new Database.Retry(e);
                    }
                    throw e;
                } catch (Error e) {
                    tx.end();
                    throw e;
                }
                tx.end();
                if (tx.fenceFailure() != null) {
                    // the work caught a refused fence and went on: nothing of it may be kept
                    throw tx.fenceFailure();
                }
                StateStoreException failed = tx.firstFailure();
                if (failed != null) {
                    // the work caught a failed statement and went on: its writes cannot all be kept
                    StateStoreException failure = new StateStoreException("a statement of the transaction failed"
                            + " and the work went on; rolled back: " + failed.getMessage(), failed);
                    if (Database.isRetryable(failed)) {
                        throw new Database.Retry(failure);
                    }
                    throw failure;
                }
                return result;
            });
        } finally {
            inside.remove();
        }
    }

    /** {@inheritDoc} Each method is a short transaction of its own, atomic across nodes sharing the database. */
    @Override
    public LeaseStore leases() {
        return leases;
    }

    /**
     * The quota budget {@code key} (e.g. the seller username) with {@code limits}, kept in this store's
     * database: give it to every client of that credential, in every process on the database, and together
     * they spend one budget by priority tier and never exceed it. Budgets are keyed by budget key alone (not by
     * store id): every store and node that uses the same key spends one budget; use the same limits for a key
     * everywhere. Cheap: the budget holds no connection of its own.
     *
     * @throws IllegalArgumentException for a blank key, one longer than
     *     {@value JdbcQuotaBudget#MAX_KEY_LENGTH} characters, or a window shorter than a microsecond
     */
    public JdbcQuotaBudget quotaBudget(String key, QuotaLimits limits) {
        return new JdbcQuotaBudget(db, key, limits);
    }

    /** The store id every row of this store is keyed by. */
    public String storeId() {
        return storeId;
    }

    /** The table prefix. */
    public String tablePrefix() {
        return db.prefix();
    }

    @Override
    public String toString() {
        return "JdbcSyncStateStore{" + storeId + ", " + db + "}";
    }

    /** Builds a {@link JdbcSyncStateStore}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private DataSource dataSource;
        private String storeId;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private boolean migrate = true;

        private Builder() {
        }

        /** The data source (required): a connection pool in production. The store never closes it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** The store id (required): non-blank, at most {@value JdbcSyncStateStore#MAX_STORE_ID_LENGTH} characters, kept exactly. */
        public Builder storeId(String storeId) {
            this.storeId = Objects.requireNonNull(storeId, "storeId");
            return this;
        }

        /**
         * The prefix of every table name (default {@value JdbcSyncStateStore#DEFAULT_TABLE_PREFIX}): {@code [a-z_][a-z0-9_]*}, at
         * most 20 characters.
         */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
            return this;
        }

        /**
         * Whether {@link #build()} runs the migrations (default true). Pass false when the host runs Flyway
         * itself with {@link JdbcSyncStateStore#MIGRATION_LOCATION} and the {@code prefix} placeholder, or calls
         * {@link JdbcSyncStateStore#migrate(DataSource, String)}.
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Validates, connects once to detect the database, runs the migrations (unless turned off) and
         * returns the store.
         *
         * @throws IllegalStateException when no data source or store id was given
         * @throws IllegalArgumentException for a blank or too long store id, an invalid table prefix, or a
         *     database other than PostgreSQL and H2
         * @throws StateStoreException when the database cannot be reached or a migration fails
         */
        public JdbcSyncStateStore build() {
            if (dataSource == null) {
                throw new IllegalStateException("dataSource is required: JdbcSyncStateStore.builder().dataSource(ds)");
            }
            if (storeId == null) {
                throw new IllegalStateException("storeId is required, e.g. .storeId(\"babyshop-uae\")");
            }
            if (storeId.isBlank()) {
                throw new IllegalArgumentException("storeId must not be blank");
            }
            if (storeId.length() > MAX_STORE_ID_LENGTH) {
                throw new IllegalArgumentException("storeId must be at most " + MAX_STORE_ID_LENGTH
                        + " characters, was " + storeId.length());
            }
            String prefix = Database.checkPrefix(tablePrefix);
            Database db = Database.open(dataSource, prefix);
            if (migrate) {
                Migrations.migrate(dataSource, prefix);
            }
            return new JdbcSyncStateStore(db, storeId);
        }
    }
}
