package io.github.babyshopsdk.sync.jdbc;

import io.github.babyshopsdk.sync.conformance.CatalogStoreContract;
import io.github.babyshopsdk.sync.conformance.CursorStoreContract;
import io.github.babyshopsdk.sync.conformance.InventoryBackOffContract;
import io.github.babyshopsdk.sync.conformance.DeadLetterStoreContract;
import io.github.babyshopsdk.sync.conformance.InventoryDueContract;
import io.github.babyshopsdk.sync.conformance.InventoryStoreContract;
import io.github.babyshopsdk.sync.conformance.LeaseFencingContract;
import io.github.babyshopsdk.sync.conformance.LeaseStoreContract;
import io.github.babyshopsdk.sync.conformance.OrderHintStoreContract;
import io.github.babyshopsdk.sync.conformance.OrderStoreContract;
import io.github.babyshopsdk.sync.conformance.OutboxStoreContract;
import io.github.babyshopsdk.sync.conformance.PoisonRecordContract;
import io.github.babyshopsdk.sync.conformance.QuarantineStoreContract;
import io.github.babyshopsdk.sync.conformance.SafetyStockStoreContract;
import io.github.babyshopsdk.sync.conformance.SettingsStoreContract;
import io.github.babyshopsdk.sync.conformance.TransactionContract;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;

/**
 * The storage SPI's conformance suite (sync-core's test-jar) against {@link JdbcSyncStateStore}. Subclasses
 * provide one database per test class; every test gets a store with a store id of its own on it, so the
 * suite also shows that stores sharing the tables are isolated.
 */
abstract class JdbcConformanceSuite {
    private static final AtomicInteger STORES = new AtomicInteger();

    /** The database of the test class, migrated. */
    abstract DataSource dataSource();

    /** A store with a new store id on {@link #dataSource()}. */
    SyncStateStore newStore() {
        return JdbcSyncStateStore.builder().dataSource(dataSource())
                .storeId("conformance-" + STORES.incrementAndGet()).migrate(false).build();
    }

    @Nested
    class Settings extends SettingsStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class Cursors extends CursorStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class Orders extends OrderStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class Quarantine extends QuarantineStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class Catalog extends CatalogStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class Inventory extends InventoryStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class Outbox extends OutboxStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class Leases extends LeaseStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class LeaseFencing extends LeaseFencingContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class PoisonRecords extends PoisonRecordContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class InventoryDue extends InventoryDueContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class SafetyStocks extends SafetyStockStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class InventoryBackOff extends InventoryBackOffContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class DeadLetters extends DeadLetterStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }

    @Nested
    class OrderHints extends OrderHintStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return JdbcConformanceSuite.this.newStore();
        }
    }
}
