package io.github.babyshopsdk.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.HintReceipt;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.state.OrderHint;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of {@code SyncEngine.hint}: receipts, de-duplication, renewal, revival, the bound, order sync off. */
class HintIntakeTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private final EngineOptions options = EngineOptions.builder().instanceId("test").maxPendingHints(5).build();
    private SyncStateStore store;

    @BeforeEach
    void orderSyncOn() {
        store = InMemorySyncStateStore.create();
        store.runInTransaction(tx -> tx.settings().saveSettings(StoreSettings.builder()
                .from(tx.settings().settings()).orderSync(true).build()));
    }

    private HintReceipt hint(Instant at, String... orderNos) {
        return HintIntake.record(store, options, Arrays.asList(orderNos), at);
    }

    private Optional<OrderHint> find(String orderNo) {
        return store.inTransaction(tx -> Optional.ofNullable(tx.hints().findAll(List.of(orderNo)).get(orderNo)));
    }

    private long pending() {
        return store.inTransaction(tx -> tx.hints().pendingCount());
    }

    @Test
    void newNumbersAreAddedDueAfterTheHintDelayAndInvalidOrRepeatedOnesAreCounted() {
        HintReceipt receipt = hint(T0, "A-1", "A-2", "A-1", "", "   ", "A\nB", "x".repeat(129));

        assertThat(receipt.added()).isEqualTo(2);
        assertThat(receipt.renewed()).isZero();
        assertThat(receipt.invalid()).as("one repeat, four invalid").isEqualTo(5);
        assertThat(receipt.refused()).isZero();
        assertThat(receipt.accepted()).isEqualTo(2);
        OrderHint hint = find("A-1").orElseThrow();
        assertThat(hint.firstHintedAt()).isEqualTo(T0);
        assertThat(hint.lastHintedAt()).isEqualTo(T0);
        assertThat(hint.timesHinted()).isOne();
        assertThat(hint.attempts()).isZero();
        assertThat(hint.dueAt()).isEqualTo(T0.plus(options.hintDelay()));
        assertThat(hint.pending()).isTrue();
        assertThat(pending()).isEqualTo(2);
    }

    @Test
    void aPendingHintIsRenewedKeepingItsDueTimeAndAttempts() {
        hint(T0, "A-1");
        HintReceipt again = hint(T0.plusMillis(500), "A-1");

        assertThat(again.renewed()).isOne();
        assertThat(again.added()).isZero();
        OrderHint hint = find("A-1").orElseThrow();
        assertThat(hint.timesHinted()).isEqualTo(2);
        assertThat(hint.lastHintedAt()).isEqualTo(T0.plusMillis(500));
        assertThat(hint.firstHintedAt()).isEqualTo(T0);
        assertThat(hint.dueAt()).as("not pushed back by the renewal").isEqualTo(T0.plus(options.hintDelay()));
        assertThat(pending()).isOne();
    }

    @Test
    void aHintInANotFoundBackOffIsDueAgainAfterTheHintDelayWhenRenewed() {
        store.runInTransaction(tx -> tx.hints().saveAll(List.of(OrderHint.builder().orderNo("A-1").firstHintedAt(T0)
                .lastHintedAt(T0).timesHinted(1).attempts(2).dueAt(T0.plus(Duration.ofMinutes(2)))
                .reason("orderFetch did not return the order (attempt 2 of 3)").build())));
        Instant later = T0.plusSeconds(10);

        assertThat(hint(later, "A-1").renewed()).isOne();

        OrderHint hint = find("A-1").orElseThrow();
        assertThat(hint.dueAt()).isEqualTo(later.plus(options.hintDelay()));
        assertThat(hint.attempts()).as("kept").isEqualTo(2);
        assertThat(hint.timesHinted()).isEqualTo(2);
    }

    @Test
    void aDroppedHintIsRevivedFromTheStart() {
        store.runInTransaction(tx -> tx.hints().saveAll(List.of(OrderHint.builder().orderNo("A-1").firstHintedAt(T0)
                .lastHintedAt(T0).timesHinted(1).attempts(3).dueAt(T0).droppedAt(T0.plusSeconds(300))
                .reason(OrderHints.NOT_FOUND).build())));
        Instant later = T0.plus(Duration.ofHours(1));

        HintReceipt receipt = hint(later, "A-1");

        assertThat(receipt.renewed()).isOne();
        OrderHint hint = find("A-1").orElseThrow();
        assertThat(hint.pending()).isTrue();
        assertThat(hint.attempts()).isZero();
        assertThat(hint.reason()).isEmpty();
        assertThat(hint.dueAt()).isEqualTo(later.plus(options.hintDelay()));
        assertThat(hint.timesHinted()).isEqualTo(2);
        assertThat(pending()).isOne();
    }

    @Test
    void aDroppedHintIsNotRevivedBeyondMaxPendingHints() {
        store.runInTransaction(tx -> tx.hints().saveAll(List.of(OrderHint.builder().orderNo("D-1").firstHintedAt(T0)
                .lastHintedAt(T0).timesHinted(1).attempts(3).dueAt(T0).droppedAt(T0.plusSeconds(300))
                .reason(OrderHints.NOT_FOUND).build())));
        assertThat(hint(T0, "A-1", "A-2", "A-3", "A-4", "A-5").added()).isEqualTo(options.maxPendingHints());

        HintReceipt receipt = hint(T0.plusSeconds(1), "D-1");

        assertThat(receipt.refused()).isOne();
        assertThat(receipt.renewed()).isZero();
        assertThat(find("D-1").orElseThrow().pending()).as("stays dropped").isFalse();
        assertThat(pending()).isEqualTo(options.maxPendingHints());
    }

    @Test
    void newNumbersBeyondMaxPendingHintsAreRefusedWhileRenewalsAreStillAccepted() {
        assertThat(hint(T0, "A-1", "A-2", "A-3").added()).isEqualTo(3);

        HintReceipt receipt = hint(T0.plusSeconds(1), "A-1", "B-1", "B-2", "B-3", "B-4");

        assertThat(receipt.renewed()).isOne();
        assertThat(receipt.added()).isEqualTo(2);
        assertThat(receipt.refused()).isEqualTo(2);
        assertThat(pending()).isEqualTo(options.maxPendingHints());
        assertThat(find("B-3")).isEmpty();
        assertThat(find("B-4")).isEmpty();
        assertThat(hint(T0.plusSeconds(2), "A-2").renewed()).as("at the bound").isOne();
    }

    @Test
    void withOrderSyncOffNothingIsWrittenAndEveryNumberIsRefused() {
        store.runInTransaction(tx -> tx.settings().saveSettings(StoreSettings.builder()
                .from(tx.settings().settings()).orderSync(false).build()));

        HintReceipt receipt = hint(T0, "A-1", "A-1", "A\nB");

        assertThat(receipt.refused()).isEqualTo(3);
        assertThat(receipt.accepted()).isZero();
        assertThat(receipt.invalid()).isZero();
        assertThat(pending()).isZero();
        assertThat(find("A-1")).isEmpty();
    }

    @Test
    void aNullNumberIsRefusedBeforeAnythingIsWritten() {
        List<String> withNull = new ArrayList<>(List.of("A-1"));
        withNull.add(null);

        assertThatThrownBy(() -> HintIntake.record(store, options, withNull, T0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> HintIntake.record(store, options, null, T0))
                .isInstanceOf(NullPointerException.class);
        assertThat(find("A-1")).isEmpty();
    }

    @Test
    void concurrentCallersNeverPassTheBoundAndEveryNumberIsCountedOnce() throws Exception {
        EngineOptions bounded = EngineOptions.builder().instanceId("test").maxPendingHints(250).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HintReceipt>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 50; // each caller's 100 numbers overlap the next caller's by 50
                List<String> numbers = IntStream.range(offset, offset + 100).mapToObj(i -> "N-" + i).toList();
                futures.add(pool.submit(() -> HintIntake.record(store, bounded, numbers, T0)));
            }
            int added = 0;
            int renewed = 0;
            int refused = 0;
            for (Future<HintReceipt> future : futures) {
                HintReceipt receipt = future.get();
                added += receipt.added();
                renewed += receipt.renewed();
                refused += receipt.refused();
                assertThat(receipt.added() + receipt.renewed() + receipt.refused()).isEqualTo(100);
            }
            assertThat(pending()).isEqualTo(250);
            assertThat(added).isEqualTo(250);
            assertThat(added + renewed + refused).isEqualTo(800);
        } finally {
            pool.shutdownNow();
        }
    }
}
