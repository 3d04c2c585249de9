package io.github.babyshopsdk.sync.memory;

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
import org.junit.jupiter.api.Nested;

/** The whole SPI conformance suite against {@link InMemorySyncStateStore}. */
class InMemorySyncStateStoreConformanceTest {

    static SyncStateStore fresh() {
        return InMemorySyncStateStore.create();
    }

    @Nested
    class Settings extends SettingsStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class Cursors extends CursorStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class Orders extends OrderStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class Quarantine extends QuarantineStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class Catalog extends CatalogStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class Inventory extends InventoryStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class Outbox extends OutboxStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class Leases extends LeaseStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class LeaseFencing extends LeaseFencingContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class PoisonRecords extends PoisonRecordContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class InventoryDue extends InventoryDueContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class SafetyStocks extends SafetyStockStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class InventoryBackOff extends InventoryBackOffContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class DeadLetters extends DeadLetterStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }

    @Nested
    class OrderHints extends OrderHintStoreContract {
        @Override
        protected SyncStateStore newStore() {
            return fresh();
        }
    }
}
