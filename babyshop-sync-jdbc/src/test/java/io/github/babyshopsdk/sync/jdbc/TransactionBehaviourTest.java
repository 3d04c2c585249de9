package io.github.babyshopsdk.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.StateStoreException;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How {@link JdbcSyncStateStore#inTransaction} uses connections, locks, failures and retries. */
class TransactionBehaviourTest {

    private static JdbcSyncStateStore store(DataSource dataSource) {
        return JdbcSyncStateStore.builder().dataSource(dataSource).storeId("babyshop-uae").build();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void theWorkRunsOnceWhenNothingFails(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            SyncStateStore store = store(db.dataSource());
            AtomicInteger runs = new AtomicInteger();
            store.runInTransaction(tx -> {
                runs.incrementAndGet();
                tx.cursors().put("c", "1");
            });
            assertThat(runs).hasValue(1);
        }
    }

    /** Two transactions lock two rows in opposite orders: the database picks a victim, which is run again. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    @Timeout(60)
    void aDeadlockVictimIsRunAgain(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            SyncStateStore store = store(db.dataSource());
            store.runInTransaction(tx -> {
                tx.cursors().put("a", "0");
                tx.cursors().put("b", "0");
            });
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch bothHoldOneRow = new CountDownLatch(2);
            Concurrently.run(2, thread -> {
                String first = thread == 0 ? "a" : "b";
                String second = thread == 0 ? "b" : "a";
                store.runInTransaction(tx -> {
                    runs.incrementAndGet();
                    tx.cursors().put(first, "t" + thread);
                    bothHoldOneRow.countDown();
                    await(bothHoldOneRow);
                    tx.cursors().put(second, "t" + thread);
                });
                return null;
            });
            // At least one re-run: the victim's. On a loaded machine the victim's second attempt can
            // itself wait past the lock timeout while the survivor commits (H2 resolves some deadlocks
            // by timing out both sides), which is transient too and run again, so the count is a floor.
            assertThat(runs.get()).as("both, plus at least one re-run of a victim").isGreaterThanOrEqualTo(3);
            String a = store.inTransaction((SyncTransaction tx) -> tx.cursors().get("a")).orElseThrow();
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.cursors().get("b"))).contains(a);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aFailedStatementIsThrownAsOneStateStoreExceptionAndRollsBack(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            SyncStateStore store = store(db.dataSource());
            AtomicReference<RuntimeException> seen = new AtomicReference<>();
            AtomicInteger runs = new AtomicInteger();
            Throwable thrown = catchThrowable(() -> store.runInTransaction(tx -> {
                runs.incrementAndGet();
                tx.cursors().put("kept?", "no");
                try {
                    tx.cursors().put("n".repeat(600), "a name longer than the column");
                } catch (RuntimeException e) {
                    seen.set(e);
                    throw e;
                }
            }));
            assertThat(thrown).isSameAs(seen.get()).isInstanceOf(StateStoreException.class)
                    .hasMessageStartingWith("saving cursor nnn")
                    .hasCauseInstanceOf(SQLException.class);
            assertThat(((SQLException) thrown.getCause()).getSQLState()).isEqualTo("22001");
            assertThat(runs).as("not a transient failure: not run again").hasValue(1);
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.cursors().get("kept?"))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void workThatSwallowsAFailedStatementIsNotCommitted(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            SyncStateStore store = store(db.dataSource());
            Throwable thrown = catchThrowable(() -> store.inTransaction(tx -> {
                tx.cursors().put("kept?", "no");
                try {
                    tx.cursors().put("n".repeat(600), "too long");
                } catch (StateStoreException ignored) {
                    // carries on as if nothing happened
                }
                return "done";
            }));
            assertThat(thrown).isInstanceOf(StateStoreException.class)
                    .hasMessageStartingWith("a statement of the transaction failed and the work went on; rolled back")
                    .cause().isInstanceOf(StateStoreException.class);
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.cursors().get("kept?"))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void aNestedTransactionOfTheSameStoreIsRefused(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            SyncStateStore store = store(db.dataSource());
            AtomicReference<Throwable> nested = new AtomicReference<>();
            store.runInTransaction(tx -> {
                tx.cursors().put("outer", "1");
                nested.set(catchThrowable(() -> store.runInTransaction(inner -> inner.cursors().put("inner", "1"))));
            });
            assertThat(nested.get()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("inTransaction called inside a transaction of the same store");
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.cursors().get("outer"))).contains("1");
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.cursors().get("inner"))).isEmpty();
        }
    }

    /** Whatever happens, each connection is closed and handed back with the autocommit and isolation it had. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    void connectionsAreReturnedAsTheyWereGiven(TestDatabase.Backend backend) {
        try (TestDatabase db = backend.open()) {
            store(db.dataSource());
            RecordingDataSource recording = new RecordingDataSource(db.dataSource());
            SyncStateStore store = JdbcSyncStateStore.builder().dataSource(recording).storeId("s").migrate(false).build();
            store.runInTransaction(tx -> tx.cursors().put("c", "1"));
            catchThrowable(() -> store.runInTransaction(tx -> {
                tx.cursors().put("c", "2");
                throw new IllegalStateException("boom");
            }));
            catchThrowable(() -> store.runInTransaction(tx -> tx.cursors().put("n".repeat(600), "x")));
            catchThrowable(() -> store.runInTransaction(tx -> {
                throw new AssertionError("an error");
            }));
            store.leases();
            assertThat(recording.closes).hasSize(recording.opened.get()).hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(state -> assertThat(state).isEqualTo("autocommit=true isolation=serializable"));
            assertThat(store.inTransaction((SyncTransaction tx) -> tx.cursors().get("c"))).contains("1");
        }
    }

    /** A read locks the row until the transaction ends; a read of a missing key locks the key. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    @Timeout(60)
    void aReadLocksTheKeyUntilTheTransactionEnds(TestDatabase.Backend backend) throws Exception {
        for (boolean existing : new boolean[] {true, false}) {
            try (TestDatabase db = backend.open()) {
                SyncStateStore store = store(db.dataSource());
                if (existing) {
                    store.runInTransaction(tx -> tx.cursors().put("x", ""));
                }
                CountDownLatch read = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    Future<?> first = pool.submit(() -> store.runInTransaction(tx -> {
                        String value = tx.cursors().get("x").orElse("");
                        read.countDown();
                        await(release);
                        tx.cursors().put("x", value + "A");
                    }));
                    await(read);
                    Future<?> second = pool.submit(() -> store.runInTransaction(tx -> {
                        String value = tx.cursors().get("x").orElse("");
                        tx.cursors().put("x", value + "B");
                    }));
                    Thread.sleep(300);
                    assertThat(second.isDone()).as("the second read waits for the first transaction").isFalse();
                    release.countDown();
                    first.get(30, TimeUnit.SECONDS);
                    second.get(30, TimeUnit.SECONDS);
                } finally {
                    pool.shutdownNow();
                }
                assertThat(store.inTransaction((SyncTransaction tx) -> tx.cursors().get("x"))).as("existing=" + existing)
                        .contains("AB");
            }
        }
    }

    /** Lists lock nothing: a transaction that listed orders does not hold up writers. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Backend.class)
    @Timeout(60)
    void listsLockNothing(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open()) {
            SyncStateStore store = store(db.dataSource());
            Instant t = Instant.parse("2024-05-01T08:00:00Z");
            OrderRecord held = OrderRecord.builder().orderNo("BS-1").state(OrderState.HELD).reason(OrderReason.NO_HUB)
                    .updatedAt(t).build();
            store.runInTransaction(tx -> tx.orders().save(held));
            CountDownLatch listed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<List<OrderRecord>> reader = pool.submit(() -> store.inTransaction(tx -> {
                    List<OrderRecord> list = tx.orders().inState(OrderState.HELD, 10);
                    listed.countDown();
                    await(release);
                    return list;
                }));
                await(listed);
                store.runInTransaction(tx -> tx.orders().save(OrderRecord.builder().from(held)
                        .state(OrderState.IMPORTED).reason(OrderReason.IMPORTED).hostOrderId("H-1").build()));
                release.countDown();
                assertThat(reader.get(30, TimeUnit.SECONDS)).containsExactly(held);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Hands out the delegate's connections set to SERIALIZABLE (as a host's pool might be configured) and
     * records, when each is closed, its autocommit and isolation.
     */
    private static final class RecordingDataSource extends JdbcSyncStateStoreBuilderTest.CountingDataSource {
        final List<String> closes = new CopyOnWriteArrayList<>();

        RecordingDataSource(DataSource delegate) {
            super(delegate);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = super.getConnection();
            real.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            closes.add("autocommit=" + real.getAutoCommit() + " isolation="
                                    + (real.getTransactionIsolation() == Connection.TRANSACTION_SERIALIZABLE
                                            ? "serializable" : String.valueOf(real.getTransactionIsolation())));
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
