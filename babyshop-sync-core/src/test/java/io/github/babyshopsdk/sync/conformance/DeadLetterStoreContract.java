package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dead letters of the three stores that keep them: {@link io.github.babyshopsdk.sync.state.OutboxStore#dead(int)},
 * {@link io.github.babyshopsdk.sync.state.QuarantineStore#deadLettered(int)} and
 * {@link io.github.babyshopsdk.sync.state.InventoryStore#deadLettered(int)}: only dead letters, the oldest last
 * failure first, bounded by the limit, seeing the transaction's own writes; and the first-failure times of outbox
 * and inventory entries round-trip.
 */
public abstract class DeadLetterStoreContract extends StoreContractSupport {

    private static OutboxEntry deadOutbox(String id, OutboxOperation operation, Instant failedAt) {
        return OutboxEntry.builder().from(outbox(id, operation, "BS-" + id, T0)).status(OutboxStatus.DEAD)
                .attempts(5).lastError("code 22: refused").firstFailedAt(T0.plusNanos(1_000)).updatedAt(failedAt)
                .build();
    }

    private static QuarantineEntry deadQuarantine(Flow flow, String key, Instant lastFailedAt) {
        return QuarantineEntry.builder().from(quarantined(flow, key, T0)).attempts(5).deadLettered(true)
                .lastFailedAt(lastFailedAt).build();
    }

    private static InventoryState deadInventory(String code, Instant failedAt) {
        return inventory(code, failedAt).pendingQuantity(new BigDecimal("4.500")).attempts(2).lastError("unknown SKU")
                .deadLettered(true).firstFailedAt(T0.plusNanos(2_000)).build();
    }

    @Test
    void nothingIsListedWhenNothingIsDead() {
        write(tx -> {
            tx.outbox().add(outbox("live", OutboxOperation.SHIP, "BS-1", T0));
            tx.outbox().add(OutboxEntry.builder().from(outbox("done", OutboxOperation.SHIP, "BS-1", T0))
                    .status(OutboxStatus.DONE).build());
            tx.outbox().add(OutboxEntry.builder().from(outbox("skipped", OutboxOperation.CANCEL, "BS-1", T0))
                    .status(OutboxStatus.SKIPPED).lastError("no operation").build());
            tx.quarantine().save(quarantined(Flow.ORDERS, "BS-2", T0));
            tx.inventory().save(inventory("V-1", T0).pendingQuantity(BigDecimal.ONE).attempts(3).lastError("timeout")
                    .build());
        });
        read(tx -> {
            assertNoDeadLetters(tx);
            return null;
        });
    }

    @Test
    void deadOutboxEntriesOfEveryFlowOldestLastFailureFirstAndBounded() {
        write(tx -> {
            tx.outbox().add(deadOutbox("b", OutboxOperation.CANCEL, at(30)));
            tx.outbox().add(deadOutbox("a", OutboxOperation.CREATE_SHIPMENT, at(10)));
            tx.outbox().add(deadOutbox("c", OutboxOperation.SHIP, at(10)));
            tx.outbox().add(outbox("pending", OutboxOperation.SHIP, "BS-9", at(1)));
        });
        assertThat(read((SyncTransaction tx) -> tx.outbox().dead(10))).extracting(OutboxEntry::id)
                .containsExactly("a", "c", "b");
        assertThat(read((SyncTransaction tx) -> tx.outbox().dead(2))).extracting(OutboxEntry::id)
                .containsExactly("a", "c");
        assertThat(read((SyncTransaction tx) -> tx.outbox().dead(0))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.outbox().dead(1)).get(0))
                .isEqualTo(deadOutbox("a", OutboxOperation.CREATE_SHIPMENT, at(10)));
    }

    @Test
    void theOutboxFirstFailureRoundTripsAndMayBeAbsent() {
        OutboxEntry failed = OutboxEntry.builder().from(outbox("e", OutboxOperation.SHIP, "BS-1", T0))
                .attempts(1).lastError("timeout").firstFailedAt(at(5).plusNanos(7_000)).build();
        write(tx -> tx.outbox().add(failed));
        assertThat(read(tx -> tx.outbox().find("e")).orElseThrow()).isEqualTo(failed);
        OutboxEntry redriven = OutboxEntry.builder().from(failed).attempts(0).firstFailedAt(Optional.empty()).build();
        write(tx -> tx.outbox().save(redriven));
        assertThat(read(tx -> tx.outbox().find("e")).orElseThrow().firstFailedAt()).isEmpty();
    }

    @Test
    void deadQuarantineEntriesOfEveryFlowOldestLastFailureFirstAndBounded() {
        write(tx -> {
            tx.quarantine().save(deadQuarantine(Flow.CATALOG, "SKU-1", at(20)));
            tx.quarantine().save(deadQuarantine(Flow.ORDERS, "BS-2", at(10)));
            tx.quarantine().save(deadQuarantine(Flow.ORDERS, "BS-1", at(30)));
            tx.quarantine().save(quarantined(Flow.ORDERS, "BS-3", at(1)));
        });
        assertThat(read((SyncTransaction tx) -> tx.quarantine().deadLettered(10)))
                .extracting(e -> e.flow() + "/" + e.key()).containsExactly("ORDERS/BS-2", "CATALOG/SKU-1", "ORDERS/BS-1");
        assertThat(read((SyncTransaction tx) -> tx.quarantine().deadLettered(1)))
                .containsExactly(deadQuarantine(Flow.ORDERS, "BS-2", at(10)));
    }

    @Test
    void deadInventoryOldestLastFailureFirstBoundedWithItsFirstFailure() {
        write(tx -> {
            tx.inventory().save(deadInventory("V-2", at(20)));
            tx.inventory().save(deadInventory("V-1", at(20)));
            tx.inventory().save(deadInventory("V-0", at(40)));
            tx.inventory().save(inventory("V-3", at(1)).pendingQuantity(BigDecimal.ONE).build());
        });
        assertThat(read((SyncTransaction tx) -> tx.inventory().deadLettered(10)))
                .extracting(InventoryState::vendorSkuCode).containsExactly("V-1", "V-2", "V-0");
        List<InventoryState> first = read((SyncTransaction tx) -> tx.inventory().deadLettered(1));
        assertThat(first).containsExactly(deadInventory("V-1", at(20)));
        assertThat(first.get(0).firstFailedAt()).contains(T0.plusNanos(2_000));
    }

    @Test
    void anInventoryFirstFailureFollowsTheAttempts() {
        InventoryState failedOnce = inventory("V-1", at(9)).pendingQuantity(BigDecimal.ONE).attempts(1).build();
        assertThat(failedOnce.firstFailedAt()).as("taken from the update time").contains(at(9));
        write(tx -> tx.inventory().save(failedOnce));
        assertThat(read(tx -> tx.inventory().find("V-1")).orElseThrow()).isEqualTo(failedOnce);
        InventoryState cleared = InventoryState.builder().from(failedOnce).attempts(0).updatedAt(at(12)).build();
        assertThat(cleared.firstFailedAt()).isEmpty();
        write(tx -> tx.inventory().save(cleared));
        assertThat(read(tx -> tx.inventory().find("V-1")).orElseThrow().firstFailedAt()).isEmpty();
    }

    @Test
    void aTransactionSeesItsOwnReDrives() {
        write(tx -> {
            tx.outbox().add(deadOutbox("a", OutboxOperation.SHIP, at(10)));
            tx.quarantine().save(deadQuarantine(Flow.ORDERS, "BS-1", at(10)));
            tx.inventory().save(deadInventory("V-1", at(10)));
        });
        write(tx -> {
            tx.outbox().save(OutboxEntry.builder().from(tx.outbox().find("a").orElseThrow())
                    .status(OutboxStatus.PENDING).attempts(0).build());
            tx.quarantine().save(QuarantineEntry.builder().from(deadQuarantine(Flow.ORDERS, "BS-1", at(10)))
                    .deadLettered(false).attempts(0).build());
            tx.inventory().save(InventoryState.builder().from(deadInventory("V-1", at(10))).deadLettered(false)
                    .attempts(0).build());
            assertNoDeadLetters(tx);
        });
        read(tx -> {
            assertNoDeadLetters(tx);
            return null;
        });
    }

    private static void assertNoDeadLetters(SyncTransaction tx) {
        assertThat(tx.outbox().dead(10)).isEmpty();
        assertThat(tx.quarantine().deadLettered(10)).isEmpty();
        assertThat(tx.inventory().deadLettered(10)).isEmpty();
    }

    @Test
    void aNegativeLimitIsRefused() {
        read(tx -> {
            assertThatThrownBy(() -> tx.outbox().dead(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tx.quarantine().deadLettered(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tx.inventory().deadLettered(-1)).isInstanceOf(IllegalArgumentException.class);
            return null;
        });
    }
}
