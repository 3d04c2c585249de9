package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.state.OrderHint;
import io.github.babyshopsdk.sync.state.OrderHintStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link OrderHintStore}: hints keyed by exact order number, upserted; {@code due} lists the pending hints due
 * by a time, earliest {@link OrderHint#dueAt()} first then by order number, bounded by the limit; dropped hints
 * are neither due nor counted as pending, and are pruned oldest drop first; every read sees the transaction's
 * own writes and a rolled-back transaction leaves no trace (in the indexes either).
 *
 * <p>Ties on the due time are broken by order number; the suite only compares order numbers made of ASCII
 * letters, digits and '-' of one length there, whose order is the same in Java and in a database's {@code C}
 * collation.
 */
public abstract class OrderHintStoreContract extends StoreContractSupport {

    /** A pending hint, hinted once at {@code dueAt}, never fetched, due at {@code dueAt}. */
    protected static OrderHint hint(String orderNo, Instant dueAt) {
        return OrderHint.builder().orderNo(orderNo).firstHintedAt(dueAt).lastHintedAt(dueAt).timesHinted(1)
                .attempts(0).dueAt(dueAt).build();
    }

    /** A hint dropped at {@code droppedAt} after three fetches did not find the order (it was due at T0). */
    protected static OrderHint dropped(String orderNo, Instant droppedAt) {
        return OrderHint.builder().from(hint(orderNo, T0)).attempts(3).droppedAt(droppedAt)
                .reason("not found on Babyshop: unknown or foreign order number").build();
    }

    private static OrderHint fullHint(String orderNo) {
        return OrderHint.builder().orderNo(orderNo).firstHintedAt(T0.plusNanos(1_000))
                .lastHintedAt(at(3600).plusNanos(999_999_000L)).timesHinted(42).attempts(2)
                .dueAt(at(7200).plusNanos(5_000)).droppedAt(at(9000).plusNanos(123_000))
                .reason("nicht gefunden: الطلب غير موجود; 注文が見つかりません \"quoted\" 'x' \\ %_").build();
    }

    private List<OrderHint> due(Instant now, int limit) {
        return read(tx -> tx.hints().due(now, limit));
    }

    private Map<String, OrderHint> findAll(String... orderNos) {
        return read(tx -> tx.hints().findAll(List.of(orderNos)));
    }

    private long pendingCount() {
        return read(tx -> tx.hints().pendingCount());
    }

    private Optional<Instant> earliestDue() {
        return read(tx -> tx.hints().earliestDue());
    }

    private void save(OrderHint... hints) {
        write(tx -> tx.hints().saveAll(List.of(hints)));
    }

    // ---------------------------------------------------------------- empty, round trips, keys

    @Test
    void emptyWhenNothingWasHinted() {
        read(tx -> {
            assertThat(tx.hints().findAll(List.of("BS-1"))).isEmpty();
            assertThat(tx.hints().findAll(List.of())).isEmpty();
            assertThat(tx.hints().due(Instant.MAX, 10)).isEmpty();
            assertThat(tx.hints().earliestDue()).isEmpty();
            assertThat(tx.hints().pendingCount()).isZero();
            assertThat(tx.hints().pruneDropped(Instant.MAX, 10)).isZero();
            tx.hints().removeAll(List.of("BS-1"));
            tx.hints().saveAll(List.of());
            return null;
        });
    }

    @Test
    void everyFieldRoundTripsAtMicrosecondPrecision() {
        OrderHint full = fullHint("BS-FULL");
        save(full);
        OrderHint back = findAll("BS-FULL").get("BS-FULL");
        assertThat(back).isEqualTo(full);
        assertThat(back.pending()).isFalse();
        assertThat(back.droppedAt()).contains(at(9000).plusNanos(123_000));
    }

    @Test
    void emptyOptionalsRoundTripAsEmpty() {
        OrderHint pending = OrderHint.builder().from(hint("BS-1", at(1).plusNanos(7_000))).timesHinted(3)
                .lastHintedAt(at(2)).build();
        OrderHint reasonOnly = OrderHint.builder().from(hint("BS-2", at(5))).attempts(1)
                .reason("orderFetch did not return it").build();
        save(pending, reasonOnly);
        Map<String, OrderHint> found = findAll("BS-1", "BS-2");
        assertThat(found).containsOnly(Map.entry("BS-1", pending), Map.entry("BS-2", reasonOnly));
        assertThat(found.get("BS-1").droppedAt()).isEmpty();
        assertThat(found.get("BS-1").reason()).isEmpty();
        assertThat(found.get("BS-1").pending()).isTrue();
        assertThat(found.get("BS-2").pending()).as("a reason alone does not drop a hint").isTrue();
        assertThat(due(at(5), 10)).containsExactly(pending, reasonOnly);
    }

    @Test
    void orderNumbersAreExactLongAndMayBeNonAscii() {
        String longNo = "BS-" + "9".repeat(125);
        String arabic = "طلب-١٢٣٤٥";
        String mixed = "Bestellung-Größe-注文-\uD83D\uDE80";
        assertThat(longNo).hasSize(128);
        save(hint("bs-1", at(1)), hint("BS-1", at(2)), hint(longNo, at(3)), hint(arabic, at(4)), hint(mixed, at(5)));
        Map<String, OrderHint> found = findAll("bs-1", "BS-1", "BS-1 ", " BS-1", longNo, arabic, mixed,
                "BS-" + "9".repeat(124));
        assertThat(found).containsOnly(Map.entry("bs-1", hint("bs-1", at(1))), Map.entry("BS-1", hint("BS-1", at(2))),
                Map.entry(longNo, hint(longNo, at(3))), Map.entry(arabic, hint(arabic, at(4))),
                Map.entry(mixed, hint(mixed, at(5))));
        assertThat(due(at(10), 10)).extracting(OrderHint::orderNo).containsExactly("bs-1", "BS-1", longNo, arabic, mixed);
        write(tx -> tx.hints().removeAll(List.of("BS-1 ", arabic)));
        assertThat(findAll("bs-1", "BS-1", arabic, mixed)).containsOnlyKeys("bs-1", "BS-1", mixed);
    }

    // ---------------------------------------------------------------- upsert and remove

    @Test
    void saveAllInsertsOrReplacesAndALaterHintOfOneNumberWins() {
        save(hint("BS-1", at(1)), hint("BS-2", at(2)));
        OrderHint renewed = OrderHint.builder().from(hint("BS-1", at(1))).lastHintedAt(at(50)).timesHinted(2).build();
        OrderHint retried = OrderHint.builder().from(hint("BS-2", at(2))).attempts(1).dueAt(at(62))
                .reason("not found yet").build();
        OrderHint third = hint("BS-3", at(3));
        write(tx -> tx.hints().saveAll(List.of(hint("BS-1", at(99)), third, retried, renewed)));
        assertThat(findAll("BS-1", "BS-2", "BS-3"))
                .containsOnly(Map.entry("BS-1", renewed), Map.entry("BS-2", retried), Map.entry("BS-3", third));
        assertThat(pendingCount()).isEqualTo(3);
        assertThat(due(at(100), 10)).containsExactly(renewed, third, retried);
    }

    @Test
    void removeAllRemovesPendingAndDroppedHintsAndIgnoresAbsentOnes() {
        save(hint("BS-1", at(1)), hint("BS-2", at(2)), dropped("BS-3", at(3)), dropped("BS-4", at(4)));
        write(tx -> tx.hints().removeAll(List.of("BS-1", "BS-404", "BS-3", "BS-1", "bs-2")));
        assertThat(findAll("BS-1", "BS-2", "BS-3", "BS-4")).containsOnlyKeys("BS-2", "BS-4");
        assertThat(pendingCount()).isEqualTo(1);
        assertThat(due(Instant.MAX, 10)).containsExactly(hint("BS-2", at(2)));
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(Instant.MAX, 10))).isEqualTo(1);
        write(tx -> tx.hints().removeAll(List.of()));
        write(tx -> tx.hints().removeAll(List.of("BS-404")));
        assertThat(findAll("BS-2")).containsOnlyKeys("BS-2");
    }

    @Test
    void removeAllOfManyNumbersRemovesThemAll() {
        List<OrderHint> hints = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            hints.add(i % 5 == 0 ? dropped("BS-" + i, at(i)) : hint("BS-" + i, at(i)));
            numbers.add("BS-" + i);
            numbers.add("NONE-" + i);
        }
        write(tx -> tx.hints().saveAll(hints));
        write(tx -> tx.hints().removeAll(numbers.subList(0, 400)));
        assertThat(read((SyncTransaction tx) -> tx.hints().findAll(numbers))).hasSize(50).containsKey("BS-249");
        assertThat(pendingCount()).isEqualTo(40);
    }

    // ---------------------------------------------------------------- due

    @Test
    void dueListsPendingHintsDueByNowEarliestFirstThenByOrderNumber() {
        OrderHint b10 = hint("BS-B", at(10));
        OrderHint a10 = hint("BS-A", at(10));
        OrderHint c5 = hint("BS-C", at(5));
        OrderHint d20 = hint("BS-D", at(20));
        OrderHint later = hint("BS-E", at(21));
        OrderHint droppedEarly = OrderHint.builder().from(dropped("BS-0", at(1))).dueAt(at(0)).build();
        save(b10, d20, a10, later, c5, droppedEarly);

        assertThat(due(at(20), 10)).containsExactly(c5, a10, b10, d20);
        assertThat(due(at(20), 2)).containsExactly(c5, a10);
        assertThat(due(at(20), 3)).containsExactly(c5, a10, b10);
        assertThat(due(at(10), 10)).as("due at or before now").containsExactly(c5, a10, b10);
        assertThat(due(at(10).minusNanos(1_000), 10)).containsExactly(c5);
        assertThat(due(at(4), 10)).isEmpty();
        assertThat(due(at(20), 0)).isEmpty();
        assertThat(due(Instant.MAX, Integer.MAX_VALUE)).containsExactly(c5, a10, b10, d20, later);
        assertThat(due(Instant.EPOCH, 10)).isEmpty();
    }

    @Test
    void dueOrdersByMicrosecondDifferences() {
        OrderHint second = hint("BS-A", T0.plusNanos(2_000));
        OrderHint first = hint("BS-B", T0.plusNanos(1_000));
        OrderHint third = hint("BS-C", T0.plusNanos(3_000));
        save(third, second, first);
        assertThat(due(T0.plusNanos(3_000), 10)).containsExactly(first, second, third);
        assertThat(due(T0.plusNanos(2_000), 10)).containsExactly(first, second);
        assertThat(earliestDue()).contains(T0.plusNanos(1_000));
    }

    @Test
    void dueEarliestDueAndPendingCountFollowUpdates() {
        save(hint("BS-1", at(1)), hint("BS-2", at(2)));
        assertThat(earliestDue()).contains(at(1));

        OrderHint retryLater = OrderHint.builder().from(hint("BS-1", at(1))).attempts(1).dueAt(at(100)).build();
        save(retryLater);
        assertThat(due(at(50), 10)).containsExactly(hint("BS-2", at(2)));
        assertThat(earliestDue()).contains(at(2));
        assertThat(due(at(100), 10)).containsExactly(hint("BS-2", at(2)), retryLater);

        OrderHint droppedNow = OrderHint.builder().from(hint("BS-2", at(2))).attempts(3).droppedAt(at(60))
                .reason("not found").build();
        save(droppedNow);
        assertThat(due(Instant.MAX, 10)).containsExactly(retryLater);
        assertThat(earliestDue()).contains(at(100));
        assertThat(pendingCount()).isEqualTo(1);

        OrderHint revived = OrderHint.builder().from(hint("BS-2", at(70))).firstHintedAt(at(2)).timesHinted(2).build();
        save(revived);
        assertThat(due(Instant.MAX, 10)).containsExactly(revived, retryLater);
        assertThat(earliestDue()).contains(at(70));
        assertThat(pendingCount()).isEqualTo(2);
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(Instant.MAX, 10))).isZero();

        write(tx -> tx.hints().removeAll(List.of("BS-2", "BS-1")));
        assertThat(earliestDue()).isEmpty();
        assertThat(pendingCount()).isZero();
    }

    @Test
    void earliestDueAndPendingCountIgnoreDroppedHints() {
        save(OrderHint.builder().from(dropped("BS-0", at(1))).dueAt(at(-100)).build(), dropped("BS-1", at(2)));
        assertThat(earliestDue()).isEmpty();
        assertThat(pendingCount()).isZero();
        save(hint("BS-5", at(50)), hint("BS-3", at(30)), hint("BS-4", at(30)));
        assertThat(earliestDue()).contains(at(30));
        assertThat(pendingCount()).isEqualTo(3);
        assertThat(read((SyncTransaction tx) -> tx.hints().findAll(List.of("BS-0", "BS-1", "BS-3")))).hasSize(3);
    }

    // ---------------------------------------------------------------- prune

    @Test
    void pruneDroppedRemovesDroppedHintsDroppedBeforeTheBoundOldestFirst() {
        save(dropped("BS-C", at(30)), dropped("BS-A", at(10)), dropped("BS-D", at(20)), dropped("BS-B", at(20)),
                hint("BS-P", at(0)), OrderHint.builder().from(hint("BS-Q", at(0))).reason("not found yet").build());

        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(30), 0))).isZero();
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(30), 1))).isEqualTo(1);
        assertThat(findAll("BS-A", "BS-B", "BS-C", "BS-D")).containsOnlyKeys("BS-B", "BS-C", "BS-D");
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(30), 1))).isEqualTo(1);
        assertThat(findAll("BS-B", "BS-C", "BS-D")).as("ties by order number").containsOnlyKeys("BS-C", "BS-D");
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(30), 10)))
                .as("only those dropped strictly before the bound").isEqualTo(1);
        assertThat(findAll("BS-C", "BS-D", "BS-P", "BS-Q")).containsOnlyKeys("BS-C", "BS-P", "BS-Q");
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(30).plusNanos(1_000), 10))).isEqualTo(1);
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(Instant.MAX, 10)))
                .as("pending hints are never pruned").isZero();
        assertThat(findAll("BS-C", "BS-P", "BS-Q")).containsOnlyKeys("BS-P", "BS-Q");
        assertThat(pendingCount()).isEqualTo(2);
        assertThat(due(at(0), 10)).extracting(OrderHint::orderNo).containsExactly("BS-P", "BS-Q");
    }

    @Test
    void pruneDroppedOfManyHintsHonoursTheLimit() {
        List<OrderHint> hints = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            hints.add(dropped(String.format("BS-%03d", i), at(i)));
        }
        write(tx -> tx.hints().saveAll(hints));
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(Instant.MAX, 250))).isEqualTo(250);
        List<String> numbers = hints.stream().map(OrderHint::orderNo).toList();
        assertThat(read((SyncTransaction tx) -> tx.hints().findAll(numbers))).hasSize(50).containsKey("BS-250")
                .doesNotContainKey("BS-249");
    }

    /**
     * The saved times are whole microseconds; the bounds of {@code due} and {@code pruneDropped} may be finer and
     * are compared exactly (a store keeping microseconds rounds the bound the right way).
     */
    @Test
    void boundsFinerThanAMicrosecondAreComparedExactly() {
        OrderHint pending = hint("BS-1", at(10));
        save(pending, dropped("BS-2", at(20)));
        assertThat(due(at(10).minusNanos(1), 10)).isEmpty();
        assertThat(due(at(10).plusNanos(1), 10)).containsExactly(pending);
        assertThat(due(at(10).plusNanos(999), 10)).containsExactly(pending);
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(20), 10))).isZero();
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(20).minusNanos(1), 10))).isZero();
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(20).plusNanos(1), 10))).isEqualTo(1);
    }

    // ---------------------------------------------------------------- findAll

    @Test
    void findAllReadsTheHintsThatExistOnceEach() {
        OrderHint a = hint("BS-A", at(1));
        OrderHint b = dropped("BS-B", at(2));
        save(a, b);
        Map<String, OrderHint> found = read(tx -> tx.hints().findAll(List.of("BS-A", "BS-MISSING", "BS-B", "BS-A",
                "bs-a")));
        assertThat(found).containsOnly(Map.entry("BS-A", a), Map.entry("BS-B", b));
        assertThat(findAll("BS-MISSING")).isEmpty();
    }

    @Test
    void findAllReadsMoreNumbersThanOneQueryHolds() {
        List<OrderHint> hints = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            hints.add(i % 3 == 0 ? dropped("BS-" + i, at(i)) : hint("BS-" + i, at(i)));
            numbers.add("NONE-" + i);
            numbers.add("BS-" + i);
            numbers.add("BS-" + (249 - i));
        }
        write(tx -> tx.hints().saveAll(hints));
        Map<String, OrderHint> found = read(tx -> tx.hints().findAll(numbers));
        assertThat(found).hasSize(250);
        for (OrderHint hint : hints) {
            assertThat(found.get(hint.orderNo())).isEqualTo(hint);
        }
        assertThat(pendingCount()).isEqualTo(166);
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void everyReadSeesTheTransactionsOwnWrites() {
        save(hint("BS-OLD", at(5)), dropped("BS-GONE", at(1)));
        write(tx -> {
            OrderHintStore hints = tx.hints();
            hints.saveAll(List.of(hint("BS-1", at(1)), dropped("BS-2", at(2))));
            assertThat(hints.findAll(List.of("BS-1", "BS-2", "BS-OLD"))).hasSize(3);
            assertThat(hints.due(at(10), 10)).containsExactly(hint("BS-1", at(1)), hint("BS-OLD", at(5)));
            assertThat(hints.earliestDue()).contains(at(1));
            assertThat(hints.pendingCount()).isEqualTo(2);

            hints.removeAll(List.of("BS-1"));
            assertThat(hints.findAll(List.of("BS-1"))).isEmpty();
            assertThat(hints.due(at(10), 10)).containsExactly(hint("BS-OLD", at(5)));
            assertThat(hints.earliestDue()).contains(at(5));
            assertThat(hints.pendingCount()).isEqualTo(1);

            assertThat(hints.pruneDropped(at(2), 10)).isEqualTo(1);
            assertThat(hints.findAll(List.of("BS-GONE", "BS-2"))).containsOnlyKeys("BS-2");
            assertThat(hints.pruneDropped(at(3), 10)).isEqualTo(1);
            assertThat(hints.findAll(List.of("BS-2"))).isEmpty();
            assertThat(hints.pruneDropped(Instant.MAX, 10)).isZero();
        });
        assertThat(findAll("BS-1", "BS-2", "BS-OLD", "BS-GONE")).containsOnlyKeys("BS-OLD");
    }

    @Test
    void rollbackUndoesEveryWriteAndItsIndexEntries() {
        OrderHint a = hint("BS-A", at(10));
        OrderHint b = dropped("BS-B", at(5));
        OrderHint c = hint("BS-C", at(20));
        save(a, b, c);
        writeThenFail(tx -> {
            OrderHintStore hints = tx.hints();
            hints.saveAll(List.of(hint("BS-D", at(1)), OrderHint.builder().from(a).droppedAt(at(11)).build(),
                    OrderHint.builder().from(c).dueAt(at(2)).build()));
            hints.removeAll(List.of("BS-C"));
            assertThat(hints.pruneDropped(Instant.MAX, 10)).isEqualTo(2);
            hints.saveAll(List.of(OrderHint.builder().from(b).droppedAt(Optional.empty()).dueAt(at(0)).build()));
            assertThat(hints.pendingCount()).isEqualTo(2);
        });
        assertThat(findAll("BS-A", "BS-B", "BS-C", "BS-D"))
                .containsOnly(Map.entry("BS-A", a), Map.entry("BS-B", b), Map.entry("BS-C", c));
        assertThat(due(Instant.MAX, 10)).containsExactly(a, c);
        assertThat(earliestDue()).contains(at(10));
        assertThat(pendingCount()).isEqualTo(2);
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(5), 10))).isZero();
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(6), 10))).isEqualTo(1);
    }

    @Test
    void aRolledBackPruneKeepsTheHints() {
        save(dropped("BS-1", at(1)), dropped("BS-2", at(2)));
        writeThenFail(tx -> assertThat(tx.hints().pruneDropped(Instant.MAX, 10)).isEqualTo(2));
        assertThat(findAll("BS-1", "BS-2")).hasSize(2);
        assertThat(read((SyncTransaction tx) -> tx.hints().pruneDropped(at(2), 10))).isEqualTo(1);
    }

    /** Transactions saving the same new order numbers at the same time all succeed; each number is one hint. */
    @Test
    @Timeout(120)
    void concurrentSavesOfOneNewNumberAllSucceed() throws Exception {
        int threads = 4;
        int numbers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int t = thread;
                Callable<Integer> task = () -> {
                    start.await();
                    for (int i = 0; i < numbers; i++) {
                        OrderHint mine = OrderHint.builder().from(hint("BS-NEW-" + i, at(i))).timesHinted(t + 1)
                                .build();
                        write(tx -> tx.hints().saveAll(List.of(mine)));
                    }
                    return t;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                future.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(pendingCount()).isEqualTo(numbers);
        List<OrderHint> due = due(Instant.MAX, 100);
        assertThat(due).hasSize(numbers);
        assertThat(due).allSatisfy(h -> assertThat(h.timesHinted()).isBetween(1, threads));
    }

    // ---------------------------------------------------------------- validation and use after the end

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> due(at(1), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read(tx -> tx.hints().pruneDropped(at(1), -1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullsAreRefused() {
        List<ThrowingCallable> calls = List.of(
                () -> read(tx -> tx.hints().findAll(null)),
                () -> read(tx -> tx.hints().findAll(Arrays.asList("BS-1", null))),
                () -> write(tx -> tx.hints().saveAll(null)),
                () -> write(tx -> tx.hints().saveAll(Arrays.asList(hint("BS-1", at(1)), null))),
                () -> write(tx -> tx.hints().removeAll(null)),
                () -> write(tx -> tx.hints().removeAll(Arrays.asList("BS-1", null))),
                () -> due(null, 10),
                () -> read(tx -> tx.hints().pruneDropped(null, 10)));
        for (int i = 0; i < calls.size(); i++) {
            assertThatThrownBy(calls.get(i)).as("call #%d", i).isInstanceOf(NullPointerException.class);
        }
        assertThat(findAll("BS-1")).as("nothing of a refused saveAll was kept").isEmpty();
    }

    @Test
    void theStoreRefusesUseAfterItsTransactionEnded() {
        AtomicReference<SyncTransaction> leaked = new AtomicReference<>();
        AtomicReference<OrderHintStore> store = new AtomicReference<>();
        write(tx -> {
            leaked.set(tx);
            store.set(tx.hints());
        });
        OrderHintStore hints = store.get();
        List<ThrowingCallable> uses = List.of(
                () -> leaked.get().hints(),
                () -> hints.findAll(List.of("BS-1")),
                () -> hints.saveAll(List.of(hint("BS-1", at(1)))),
                () -> hints.removeAll(List.of("BS-1")),
                () -> hints.due(at(1), 10),
                hints::earliestDue,
                hints::pendingCount,
                () -> hints.pruneDropped(at(1), 10));
        for (int i = 0; i < uses.size(); i++) {
            assertThatThrownBy(uses.get(i)).as("use #%d after the transaction ended", i)
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(findAll("BS-1")).isEmpty();
    }
}
