package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.state.CatalogStore;
import io.github.babyshopsdk.sync.state.CursorStore;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.InventoryStore;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.OrderStore;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.OutboxStore;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.QuarantineStore;
import io.github.babyshopsdk.sync.state.SettingsStore;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.StateStoreException;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link io.github.babyshopsdk.sync.state.SyncStateStore#inTransaction}: results, atomicity (every kind
 * of write is undone when the work throws, and the exception propagates unchanged), isolation under
 * concurrent transactions, and transactions that refuse use once ended.
 */
public abstract class TransactionContract extends StoreContractSupport {

    private static final int THREADS = 8;
    private static final int INCREMENTS = 200;

    private static final StoreSettings SOME_SETTINGS = StoreSettings.builder().orderSync(true).build();
    private static final StatusMapping SOME_STATUS_MAPPING =
            StatusMapping.builder().putInbound(OrderStatus.CONFIRMED, "NEW").build();
    private static final HubMapping SOME_HUB_MAPPING = HubMapping.builder().defaultHub("HUB-1").build();

    private static ConfigurationChange change(String actor) {
        return ConfigurationChange.builder().actor(actor).at(T0).subject("settings").before("a").after("b").build();
    }

    // ---------------------------------------------------------------- results and propagation

    @Test
    void returnsTheResultOfTheWork() {
        assertThat(read((SyncTransaction tx) -> "result")).isEqualTo("result");
        assertThat(read((SyncTransaction tx) -> 42)).isEqualTo(42);
        Object nothing = read(tx -> null);
        assertThat(nothing).isNull();
    }

    @Test
    void consumerFormCommits() {
        Consumer<SyncTransaction> work = tx -> tx.cursors().put("k", "v");
        store.runInTransaction(work);
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("k"))).contains("v");
    }

    @Test
    void committedWritesAreSeenByLaterTransactionsOnOtherThreads() throws Exception {
        write(tx -> tx.cursors().put("k", "v"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            assertThat(pool.submit(() -> read((SyncTransaction tx) -> tx.cursors().get("k"))).get(30, TimeUnit.SECONDS)).contains("v");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anErrorPropagatesUnchangedAndRollsBack() {
        write(tx -> tx.cursors().put("k", "before"));
        AssertionError error = new AssertionError("failed on purpose");
        Consumer<SyncTransaction> work = tx -> {
            tx.cursors().put("k", "after");
            throw error;
        };
        assertThat(catchThrowable(() -> store.runInTransaction(work))).isSameAs(error);
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("k"))).contains("before");
    }

    @Test
    void aStateStoreExceptionFromTheWorkPropagatesUnchanged() {
        StateStoreException failure = new StateStoreException("from the work", null);
        Consumer<SyncTransaction> work = tx -> {
            tx.cursors().put("k", "after");
            throw failure;
        };
        assertThat(catchThrowable(() -> store.runInTransaction(work))).isSameAs(failure);
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("k"))).isEmpty();
    }

    @Test
    void theStoreIsUsableAfterAFailedTransaction() {
        for (int i = 0; i < 5; i++) {
            writeThenFail(tx -> tx.cursors().put("k", "lost"));
        }
        write(tx -> tx.cursors().put("k", "kept"));
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("k"))).contains("kept");
    }

    // ---------------------------------------------------------------- rollback, kind by kind

    @Test
    void rollbackUndoesSettingsAndMappings() {
        writeThenFail(tx -> {
            tx.settings().saveSettings(SOME_SETTINGS);
            tx.settings().saveStatusMapping(SOME_STATUS_MAPPING);
            tx.settings().saveHubMapping(SOME_HUB_MAPPING);
        });
        read(tx -> {
            assertThat(tx.settings().settings()).isEqualTo(StoreSettings.allOff());
            assertThat(tx.settings().statusMapping()).isEqualTo(StatusMapping.empty());
            assertThat(tx.settings().hubMapping()).isEqualTo(HubMapping.empty());
            return null;
        });

        write(tx -> {
            tx.settings().saveSettings(SOME_SETTINGS);
            tx.settings().saveStatusMapping(SOME_STATUS_MAPPING);
            tx.settings().saveHubMapping(SOME_HUB_MAPPING);
        });
        writeThenFail(tx -> {
            tx.settings().saveSettings(StoreSettings.builder().catalogSync(true).build());
            tx.settings().saveStatusMapping(StatusMapping.empty());
            tx.settings().saveHubMapping(HubMapping.builder().defaultHub("HUB-2").build());
            tx.settings().saveSettings(StoreSettings.builder().inventorySync(true).build());
        });
        read(tx -> {
            assertThat(tx.settings().settings()).isEqualTo(SOME_SETTINGS);
            assertThat(tx.settings().statusMapping()).isEqualTo(SOME_STATUS_MAPPING);
            assertThat(tx.settings().hubMapping()).isEqualTo(SOME_HUB_MAPPING);
            return null;
        });
    }

    @Test
    void rollbackUndoesConfigurationLogAppends() {
        write(tx -> tx.settings().appendChange(change("kept")));
        writeThenFail(tx -> {
            tx.settings().appendChange(change("lost-1"));
            tx.settings().appendChange(change("lost-2"));
            assertThat(tx.settings().changes()).hasSize(3);
        });
        assertThat(read((SyncTransaction tx) -> tx.settings().changes())).containsExactly(change("kept"));
        write(tx -> tx.settings().appendChange(change("next")));
        assertThat(read((SyncTransaction tx) -> tx.settings().changes())).containsExactly(change("kept"), change("next"));
    }

    @Test
    void rollbackUndoesCursorWrites() {
        write(tx -> tx.cursors().put("existing", "1"));
        writeThenFail(tx -> {
            tx.cursors().put("existing", "2");
            tx.cursors().put("existing", "3");
            tx.cursors().put("new", "x");
            assertThat(tx.cursors().get("existing")).contains("3");
        });
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("existing"))).contains("1");
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("new"))).isEmpty();
    }

    @Test
    void rollbackUndoesOrderWrites() {
        OrderRecord existing = order("BS-1", OrderState.HELD, at(1));
        write(tx -> tx.orders().save(existing));
        writeThenFail(tx -> {
            tx.orders().save(OrderRecord.builder().from(existing).state(OrderState.IMPORTED).hostOrderId("H-1")
                    .updatedAt(at(2)).build());
            tx.orders().save(order("BS-2", OrderState.IMPORTED, at(3)));
        });
        assertThat(read((SyncTransaction tx) -> tx.orders().find("BS-1"))).contains(existing);
        assertThat(read((SyncTransaction tx) -> tx.orders().find("BS-2"))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.IMPORTED, 10))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.HELD, 10))).containsExactly(existing);
    }

    @Test
    void rollbackUndoesQuarantineSavesAndRemovals() {
        QuarantineEntry kept = quarantined(Flow.ORDERS, "BS-1", at(1));
        QuarantineEntry removedThenRestored = quarantined(Flow.CATALOG, "SKU-1", at(2));
        write(tx -> {
            tx.quarantine().save(kept);
            tx.quarantine().save(removedThenRestored);
        });
        writeThenFail(tx -> {
            tx.quarantine().save(QuarantineEntry.builder().from(kept).attempts(2).deadLettered(true).build());
            tx.quarantine().save(quarantined(Flow.ORDERS, "BS-2", at(3)));
            tx.quarantine().remove(Flow.CATALOG, "SKU-1");
        });
        assertThat(read((SyncTransaction tx) -> tx.quarantine().all(Flow.ORDERS))).containsExactly(kept);
        assertThat(read((SyncTransaction tx) -> tx.quarantine().retryable(Flow.ORDERS, 10))).containsExactly(kept);
        assertThat(read((SyncTransaction tx) -> tx.quarantine().find(Flow.CATALOG, "SKU-1"))).contains(removedThenRestored);
    }

    @Test
    void rollbackUndoesSkuLinks() {
        SkuLink existing = SkuLink.of("VS-1", "S-1", at(1));
        write(tx -> tx.catalog().saveLink(existing));
        writeThenFail(tx -> {
            tx.catalog().saveLink(SkuLink.of("VS-1", "S-CHANGED", at(2)));
            tx.catalog().saveLink(SkuLink.of("VS-2", "S-2", at(2)));
        });
        assertThat(read((SyncTransaction tx) -> tx.catalog().links())).containsExactly(existing);
        assertThat(read((SyncTransaction tx) -> tx.catalog().link("VS-2"))).isEmpty();
    }

    @Test
    void rollbackUndoesInventoryWrites() {
        InventoryState existing = inventory("VS-1", at(1)).pendingQuantity(new BigDecimal("5.0")).build();
        write(tx -> tx.inventory().save(existing));
        writeThenFail(tx -> {
            tx.inventory().save(inventory("VS-1", at(2)).acknowledgedQuantity(new BigDecimal("5.0"))
                    .moderationId("M-1").build());
            tx.inventory().save(inventory("VS-2", at(3)).pendingQuantity(BigDecimal.ONE).build());
        });
        assertThat(read((SyncTransaction tx) -> tx.inventory().find("VS-1"))).contains(existing);
        assertThat(read((SyncTransaction tx) -> tx.inventory().find("VS-2"))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.inventory().pending(10))).containsExactly(existing);
        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(1_000_000), 10))).isEmpty();
    }

    @Test
    void rollbackUndoesOutboxAddsAndSaves() {
        OutboxEntry existing = outbox("evt-1", OutboxOperation.SHIP, "BS-1", at(1));
        write(tx -> tx.outbox().add(existing));
        writeThenFail(tx -> {
            tx.outbox().save(OutboxEntry.builder().from(existing).status(OutboxStatus.DONE).attempts(1).build());
            assertThat(tx.outbox().add(outbox("evt-2", OutboxOperation.CANCEL, "BS-1", at(2)))).isTrue();
        });
        assertThat(read((SyncTransaction tx) -> tx.outbox().find("evt-1"))).contains(existing);
        assertThat(read((SyncTransaction tx) -> tx.outbox().find("evt-2"))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.outbox().forOrder("BS-1"))).containsExactly(existing);
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.SHIPMENTS, at(10), 10))).containsExactly(existing);
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.CANCELLATIONS, at(10), 10))).isEmpty();

        OutboxEntry again = outbox("evt-2", OutboxOperation.CANCEL, "BS-1", at(5));
        assertThat(read((SyncTransaction tx) -> tx.outbox().add(again))).as("the rolled-back id is free again").isTrue();
        assertThat(read((SyncTransaction tx) -> tx.outbox().find("evt-2"))).contains(again);
    }

    @Test
    void rollbackUndoesEveryKindOfWriteAtOnce() {
        writeThenFail(tx -> {
            tx.settings().saveSettings(SOME_SETTINGS);
            tx.settings().saveStatusMapping(SOME_STATUS_MAPPING);
            tx.settings().saveHubMapping(SOME_HUB_MAPPING);
            tx.settings().appendChange(change("lost"));
            tx.cursors().put("c", "1");
            tx.orders().save(order("BS-1", OrderState.IMPORTED, at(1)));
            tx.quarantine().save(quarantined(Flow.ORDERS, "BS-2", at(1)));
            tx.catalog().saveLink(SkuLink.of("VS-1", "S-1", at(1)));
            tx.inventory().save(inventory("VS-1", at(1)).pendingQuantity(BigDecimal.ONE).build());
            tx.outbox().add(outbox("evt-1", OutboxOperation.SHIP, "BS-1", at(1)));
        });
        read(tx -> {
            assertThat(tx.settings().settings()).isEqualTo(StoreSettings.allOff());
            assertThat(tx.settings().statusMapping()).isEqualTo(StatusMapping.empty());
            assertThat(tx.settings().hubMapping()).isEqualTo(HubMapping.empty());
            assertThat(tx.settings().changes()).isEmpty();
            assertThat(tx.cursors().get("c")).isEmpty();
            assertThat(tx.orders().find("BS-1")).isEmpty();
            assertThat(tx.quarantine().all(Flow.ORDERS)).isEmpty();
            assertThat(tx.catalog().links()).isEmpty();
            assertThat(tx.inventory().find("VS-1")).isEmpty();
            assertThat(tx.outbox().find("evt-1")).isEmpty();
            return null;
        });
    }

    // ---------------------------------------------------------------- use after the end

    @Test
    void aTransactionRefusesUseAfterItCommitted() {
        AtomicReference<SyncTransaction> leaked = new AtomicReference<>();
        List<Object> stores = new ArrayList<>();
        write(tx -> {
            leaked.set(tx);
            stores.addAll(List.of(tx.settings(), tx.cursors(), tx.orders(), tx.quarantine(), tx.catalog(),
                    tx.inventory(), tx.outbox()));
        });
        assertRefusesUse(leaked.get(), stores);
        assertNothingWasWritten();
    }

    @Test
    void aTransactionRefusesUseAfterItRolledBack() {
        AtomicReference<SyncTransaction> leaked = new AtomicReference<>();
        List<Object> stores = new ArrayList<>();
        writeThenFail(tx -> {
            leaked.set(tx);
            stores.addAll(List.of(tx.settings(), tx.cursors(), tx.orders(), tx.quarantine(), tx.catalog(),
                    tx.inventory(), tx.outbox()));
        });
        assertRefusesUse(leaked.get(), stores);
        assertNothingWasWritten();
    }

    private void assertRefusesUse(SyncTransaction tx, List<Object> stores) {
        SettingsStore settings = (SettingsStore) stores.get(0);
        CursorStore cursors = (CursorStore) stores.get(1);
        OrderStore orders = (OrderStore) stores.get(2);
        QuarantineStore quarantine = (QuarantineStore) stores.get(3);
        CatalogStore catalog = (CatalogStore) stores.get(4);
        InventoryStore inventory = (InventoryStore) stores.get(5);
        OutboxStore outbox = (OutboxStore) stores.get(6);
        List<ThrowingCallable> uses = List.of(
                tx::settings, tx::cursors, tx::orders, tx::quarantine, tx::catalog, tx::inventory, tx::outbox,
                settings::settings, () -> settings.saveSettings(SOME_SETTINGS),
                settings::statusMapping, () -> settings.saveStatusMapping(SOME_STATUS_MAPPING),
                settings::hubMapping, () -> settings.saveHubMapping(SOME_HUB_MAPPING),
                () -> settings.appendChange(change("late")), settings::changes,
                () -> cursors.get("c"), () -> cursors.put("c", "late"),
                () -> orders.find("BS-1"), () -> orders.save(order("BS-1", OrderState.HELD, at(1))),
                () -> orders.inState(OrderState.HELD, 10),
                () -> quarantine.find(Flow.ORDERS, "k"), () -> quarantine.save(quarantined(Flow.ORDERS, "k", at(1))),
                () -> quarantine.remove(Flow.ORDERS, "k"), () -> quarantine.retryable(Flow.ORDERS, 10),
                () -> quarantine.all(Flow.ORDERS),
                () -> catalog.link("VS-1"), () -> catalog.saveLink(SkuLink.of("VS-1", "S", at(1))), catalog::links,
                () -> inventory.find("VS-1"), () -> inventory.save(inventory("VS-1", at(1)).build()),
                () -> inventory.pending(10), () -> inventory.awaitingModeration(at(1), 10),
                () -> outbox.add(outbox("e", OutboxOperation.SHIP, "BS-1", at(1))), () -> outbox.find("e"),
                () -> outbox.save(outbox("e", OutboxOperation.SHIP, "BS-1", at(1))),
                () -> outbox.due(Flow.SHIPMENTS, at(1), 10), () -> outbox.forOrder("BS-1"));
        for (int i = 0; i < uses.size(); i++) {
            assertThatThrownBy(uses.get(i)).as("use #%d after the transaction ended", i)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private void assertNothingWasWritten() {
        read(tx -> {
            assertThat(tx.settings().settings()).isEqualTo(StoreSettings.allOff());
            assertThat(tx.settings().changes()).isEmpty();
            assertThat(tx.cursors().get("c")).isEmpty();
            assertThat(tx.orders().find("BS-1")).isEmpty();
            assertThat(tx.quarantine().all(Flow.ORDERS)).isEmpty();
            assertThat(tx.catalog().links()).isEmpty();
            assertThat(tx.inventory().find("VS-1")).isEmpty();
            assertThat(tx.outbox().find("e")).isEmpty();
            return null;
        });
    }

    // ---------------------------------------------------------------- isolation

    /**
     * {@value #THREADS} threads each run {@value #INCREMENTS} transactions that read a counter from a cursor
     * and write it back plus one: no update may be lost.
     */
    @Test
    @Timeout(120)
    void concurrentReadModifyWriteTransactionsLoseNoUpdate() throws Exception {
        runConcurrently(thread -> {
            for (int i = 0; i < INCREMENTS; i++) {
                write(tx -> increment(tx, "counter"));
            }
            return null;
        });
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("counter"))).contains(String.valueOf(THREADS * INCREMENTS));
    }

    /** As above, but every third transaction throws after incrementing: exactly the others count. */
    @Test
    @Timeout(120)
    void concurrentTransactionsThatFailLeaveNoTrace() throws Exception {
        List<Integer> committed = runConcurrently(thread -> {
            int kept = 0;
            for (int i = 0; i < INCREMENTS; i++) {
                if (i % 3 == 2) {
                    writeThenFail(tx -> {
                        increment(tx, "counter");
                        increment(tx, "attempts-" + thread);
                    });
                } else {
                    write(tx -> {
                        increment(tx, "counter");
                        increment(tx, "attempts-" + thread);
                    });
                    kept++;
                }
            }
            return kept;
        });
        int expected = committed.stream().mapToInt(Integer::intValue).sum();
        assertThat(expected).isLessThan(THREADS * INCREMENTS);
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("counter"))).contains(String.valueOf(expected));
        for (int thread = 0; thread < THREADS; thread++) {
            int t = thread;
            assertThat(read((SyncTransaction tx) -> tx.cursors().get("attempts-" + t))).contains(String.valueOf(committed.get(t)));
        }
    }

    /** Threads adding the same outbox ids concurrently: each id is added exactly once. */
    @Test
    @Timeout(120)
    void concurrentAddsOfOneIdAddItOnce() throws Exception {
        int ids = 25;
        List<Integer> added = runConcurrently(thread -> {
            int count = 0;
            for (int i = 0; i < ids; i++) {
                OutboxEntry entry = outbox("evt-" + i, OutboxOperation.SHIP, "BS-" + thread, at(thread));
                if (read(tx -> tx.outbox().add(entry))) {
                    count++;
                }
            }
            return count;
        });
        assertThat(added.stream().mapToInt(Integer::intValue).sum()).isEqualTo(ids);
        for (int i = 0; i < ids; i++) {
            int n = i;
            assertThat(read((SyncTransaction tx) -> tx.outbox().find("evt-" + n))).isPresent();
        }
    }

    /** A write that is later rolled back is never seen by another transaction. */
    @Test
    @Timeout(60)
    void uncommittedWritesAreNotSeenByOtherTransactions() throws Exception {
        write(tx -> tx.cursors().put("x", "clean"));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch readerDone = new CountDownLatch(1);
        Boom boom = new Boom();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Consumer<SyncTransaction> dirtyWork = tx -> {
                tx.cursors().put("x", "dirty");
                written.countDown();
                try {
                    readerDone.await(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw boom;
            };
            Future<Throwable> writer = pool.submit(() -> catchThrowable(() -> store.runInTransaction(dirtyWork)));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            String seen = read(tx -> tx.cursors().get("x")).orElseThrow();
            readerDone.countDown();
            assertThat(seen).isEqualTo("clean");
            assertThat(writer.get(30, TimeUnit.SECONDS)).isSameAs(boom);
        } finally {
            pool.shutdownNow();
        }
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("x"))).contains("clean");
    }

    private static void increment(SyncTransaction tx, String name) {
        int value = tx.cursors().get(name).map(Integer::parseInt).orElse(0);
        Thread.yield(); // widens the window in which a store without isolation loses an update
        tx.cursors().put(name, String.valueOf(value + 1));
    }

    /** A task of one thread, given its index. */
    @FunctionalInterface
    private interface ThreadTask<T> {
        T run(int thread) throws Exception;
    }

    private <T> List<T> runConcurrently(ThreadTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int index = thread;
                Callable<T> callable = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(callable));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(100, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
