package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract class shares: the store under test, created fresh for each test, and fixtures.
 *
 * <p>Implement {@link #newStore()}; override {@link #discardStore(SyncStateStore)} to release what a
 * store holds (a schema, a connection pool). Beyond the SPI's javadoc, the suite requires that:
 * <ul>
 *   <li>every value read back {@code equals} the value saved, field by field: text is kept exactly
 *       (including non-ASCII), an {@link Instant} keeps <em>at least microsecond</em> precision (the
 *       suite only uses instants whose nanoseconds are a multiple of 1,000, so a store may truncate to
 *       microseconds, as PostgreSQL's {@code timestamp} does), and a {@link BigDecimal} keeps its scale
 *       ({@code 11.500} comes back as {@code 11.500}, not {@code 11.5});</li>
 *   <li>a read-modify-write of one key inside one transaction never loses a concurrent transaction's
 *       write to that key (rows read in a transaction are locked, as with {@code SELECT ... FOR UPDATE},
 *       or the transaction is serializable);</li>
 *   <li>a {@link SyncTransaction}, and each store it returned, throws {@link IllegalStateException} once
 *       its transaction has ended.</li>
 * </ul>
 */
public abstract class StoreContractSupport {

    /** A base time with microseconds, for round-trips. */
    protected static final Instant T0 = Instant.parse("2024-05-01T08:00:00.123456Z");

    /** The store under test: {@link #newStore()} of this test. */
    protected SyncStateStore store;

    /**
     * A new, empty store (nothing saved, no leases), one per test. Stores returned by successive calls must
     * not share state.
     */
    protected abstract SyncStateStore newStore();

    /** Releases what {@code store} holds, after each test. Does nothing unless overridden. */
    protected void discardStore(SyncStateStore store) {
    }

    @BeforeEach
    final void openStore() {
        store = newStore();
        assertThat(store).as("newStore()").isNotNull();
    }

    @AfterEach
    final void closeStore() {
        if (store != null) {
            discardStore(store);
        }
    }

    /** {@link #T0} plus {@code seconds}. */
    protected static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Runs {@code work} in a transaction of the store under test. */
    protected final void write(Consumer<SyncTransaction> work) {
        store.runInTransaction(work);
    }

    /** Runs {@code work} in a transaction of the store under test and returns its result. */
    protected final <T> T read(Function<SyncTransaction, T> work) {
        return store.inTransaction(work);
    }

    /**
     * Runs {@code work} in a transaction, then throws from inside it; asserts that the very exception
     * thrown propagated out of {@code inTransaction}.
     */
    protected final void writeThenFail(Consumer<SyncTransaction> work) {
        Boom boom = new Boom();
        Consumer<SyncTransaction> failing = tx -> {
            work.accept(tx);
            throw boom;
        };
        Throwable thrown = catchThrowable(() -> store.runInTransaction(failing));
        assertThat(thrown).as("the exception the work threw, unchanged").isSameAs(boom);
    }

    /** The exception the suite's failing transactions throw. */
    protected static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Creates one. */
        public Boom() {
            super("work failed on purpose", null, false, false);
        }
    }

    /** An order record with only the required fields. */
    protected static OrderRecord order(String orderNo, OrderState state, Instant updatedAt) {
        return OrderRecord.builder().orderNo(orderNo).state(state).reason(reasonFor(state)).updatedAt(updatedAt)
                .build();
    }

    private static OrderReason reasonFor(OrderState state) {
        return switch (state) {
            case IMPORTED -> OrderReason.IMPORTED;
            case CANCELLED -> OrderReason.CANCELLED_ON_CHANNEL;
            case SKIPPED -> OrderReason.STATUS_UNMAPPED;
            case HELD -> OrderReason.NO_HUB;
        };
    }

    /** A quarantine entry that failed once at {@code failedAt}. */
    protected static QuarantineEntry quarantined(Flow flow, String key, Instant failedAt) {
        return QuarantineEntry.builder().flow(flow).key(key).reason("unreadable orderDate").attempts(1)
                .deadLettered(false).firstFailedAt(failedAt).lastFailedAt(failedAt).build();
    }

    /** An inventory state with nothing pending and nothing acknowledged. */
    protected static InventoryState.Builder inventory(String vendorSkuCode, Instant updatedAt) {
        return InventoryState.builder().vendorSkuCode(vendorSkuCode).sku("BS-" + vendorSkuCode)
                .updatedAt(updatedAt);
    }

    /** A pending outbox entry of {@code operation}, due at once, created and updated at {@code createdAt}. */
    protected static OutboxEntry outbox(String id, OutboxOperation operation, String orderNo, Instant createdAt) {
        return OutboxEntry.builder().id(id).operation(operation).orderNo(orderNo).status(OutboxStatus.PENDING)
                .notBefore(createdAt).createdAt(createdAt).updatedAt(createdAt).build();
    }
}
