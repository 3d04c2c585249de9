package io.github.babyshopsdk.sync.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What {@link InMemorySyncStateStore} does beyond the SPI conformance suite. */
class InMemorySyncStateStoreTest {

    private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    private final InMemorySyncStateStore store = InMemorySyncStateStore.create();

    private <T> T read(Function<SyncTransaction, T> work) {
        return store.inTransaction(work);
    }

    private void write(Consumer<SyncTransaction> work) {
        store.runInTransaction(work);
    }

    @Test
    void storesAreIndependent() {
        InMemorySyncStateStore other = InMemorySyncStateStore.create();
        write(tx -> tx.cursors().put("k", "v"));
        assertThat(store.leases().tryAcquire(Flow.ORDERS, "a", T0, Duration.ofMinutes(1))).isTrue();

        Optional<String> seen = other.inTransaction(tx -> tx.cursors().get("k"));
        assertThat(seen).isEmpty();
        assertThat(other.leases().tryAcquire(Flow.ORDERS, "b", T0, Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void aNestedTransactionIsRefusedAndTheOuterOneRollsBack() {
        Consumer<SyncTransaction> outer = tx -> {
            tx.cursors().put("k", "outer");
            write(inner -> inner.cursors().put("k", "inner"));
        };
        assertThatThrownBy(() -> store.runInTransaction(outer)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a transaction");
        assertThat(read((SyncTransaction tx) -> tx.cursors().get("k"))).isEmpty();
    }

    @Test
    void aTransactionIsConfinedToItsThread() {
        Consumer<SyncTransaction> work = tx -> {
            CompletableFuture<Object> elsewhere = CompletableFuture.supplyAsync(() -> tx.cursors());
            assertThatThrownBy(() -> elsewhere.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class);
        };
        write(work);
    }

    /** Leases change hands only between transactions, so that a transaction's fence holds until it commits. */
    @Test
    void aLeaseChangesHandsOnlyAfterARunningTransactionEnds() throws Exception {
        CompletableFuture<Boolean> lease = new CompletableFuture<>();
        Consumer<SyncTransaction> work = tx -> {
            CompletableFuture.supplyAsync(() -> store.leases().tryAcquire(Flow.ORDERS, "a", T0, Duration.ofMinutes(1)))
                    .whenComplete((acquired, failure) -> lease.complete(acquired));
            assertThatThrownBy(() -> lease.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        };
        write(work);
        assertThat(lease.get(10, TimeUnit.SECONDS)).isTrue();
        write(tx -> store.leases().tryAcquire(Flow.CATALOG, "a", T0, Duration.ofMinutes(1)));
    }

    @Test
    void listsAreUnmodifiable() {
        write(tx -> {
            tx.orders().save(OrderRecord.builder().orderNo("BS-1")
                    .state(OrderState.HELD).reason(OrderReason.NO_HUB)
                    .updatedAt(T0).build());
            tx.catalog().saveLink(SkuLink.of("VS-1", "S-1", T0));
        });
        List<OrderRecord> held = read(tx -> tx.orders().inState(OrderState.HELD, 10));
        List<SkuLink> links = read(tx -> tx.catalog().links());
        assertThatThrownBy(held::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> links.add(SkuLink.of("VS-2", "S-2", T0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void savingAnOutboxEntryThatWasNeverAddedIsRefused() {
        OutboxEntry entry = OutboxEntry.builder().id("evt-1").operation(OutboxOperation.SHIP).orderNo("BS-1")
                .status(OutboxStatus.PENDING).notBefore(T0).createdAt(T0).updatedAt(T0).build();
        assertThatThrownBy(() -> write(tx -> tx.outbox().save(entry))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evt-1");
        assertThat(read((SyncTransaction tx) -> tx.outbox().find("evt-1"))).isEmpty();
    }

    @Test
    void aNegativeLimitIsRefusedAndZeroGivesNothing() {
        write(tx -> tx.quarantine().save(QuarantineEntry.builder()
                .flow(Flow.ORDERS).key("k").reason("r").attempts(1).deadLettered(false).firstFailedAt(T0)
                .lastFailedAt(T0).build()));
        assertThatThrownBy(() -> read(tx -> tx.quarantine().retryable(Flow.ORDERS, -1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(read((SyncTransaction tx) -> tx.quarantine().retryable(Flow.ORDERS, 0))).isEmpty();
    }

    @Test
    void aLeaseNeedsAPositiveTtl() {
        assertThatThrownBy(() -> store.leases().tryAcquire(Flow.ORDERS, "a", T0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.leases().tryAcquire(Flow.ORDERS, "a", T0, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatThrownBy(() -> store.inTransaction((Function<SyncTransaction, Object>) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> write(tx -> tx.cursors().put("k", null))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.leases().tryAcquire(Flow.ORDERS, null, T0, Duration.ofMinutes(1)))
                .isInstanceOf(NullPointerException.class);
    }
}
