package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link io.github.babyshopsdk.sync.state.InventoryStore}: the ledger by Vendor SKU Code, what is pending
 * (least recently updated first) and what awaits moderation. Quantities must come back with the scale they
 * were saved with.
 */
public abstract class InventoryStoreContract extends StoreContractSupport {

    /** A state with every optional field present. */
    protected static InventoryState fullState(String vendorSkuCode) {
        return inventory(vendorSkuCode, at(42).plusNanos(123_000))
                .sku("BBS-" + vendorSkuCode + "-ع")
                .pendingQuantity(new BigDecimal("11.500"))
                .acknowledgedQuantity(new BigDecimal("7"))
                .attempts(3)
                .lastError("code 13: quota exhausted; retry after 2024-05-01 08:05")
                .deadLettered(true)
                .moderationId("MOD-998877")
                .moderationStatus("Rejected")
                .moderationSince(at(40).plusNanos(5_000))
                .moderationCheckAt(at(4_000).plusNanos(7_000))
                .build();
    }

    @Test
    void emptyWhenNothingSaved() {
        read(tx -> {
            assertThat(tx.inventory().find("VS-1")).isEmpty();
            assertThat(tx.inventory().pending(10)).isEmpty();
            return null;
        });
    }

    @Test
    void everyFieldRoundTripsWithQuantityScaleKept() {
        InventoryState full = fullState("VS-1");
        write(tx -> tx.inventory().save(full));
        InventoryState back = read(tx -> tx.inventory().find("VS-1")).orElseThrow();
        assertThat(back).isEqualTo(full);
        assertThat(back.pendingQuantity()).contains(new BigDecimal("11.500"));
        assertThat(back.pendingQuantity().orElseThrow().scale()).isEqualTo(3);
        assertThat(back.acknowledgedQuantity().orElseThrow().scale()).isZero();
        assertThat(back.updatedAt()).isEqualTo(at(42).plusNanos(123_000));
    }

    @Test
    void emptyOptionalsAndDefaultsRoundTrip() {
        InventoryState bare = inventory("VS-2", at(1)).build();
        write(tx -> tx.inventory().save(bare));
        InventoryState back = read(tx -> tx.inventory().find("VS-2")).orElseThrow();
        assertThat(back).isEqualTo(bare);
        assertThat(back.pendingQuantity()).isEmpty();
        assertThat(back.acknowledgedQuantity()).isEmpty();
        assertThat(back.lastError()).isEmpty();
        assertThat(back.moderationId()).isEmpty();
        assertThat(back.moderationStatus()).isEmpty();
        assertThat(back.attempts()).isZero();
        assertThat(back.deadLettered()).isFalse();
        assertThat(back.moderationSince()).isEmpty();
        assertThat(back.moderationCheckAt()).isEmpty();
    }

    @Test
    void zeroAndLargeQuantitiesRoundTrip() {
        InventoryState zero = inventory("VS-0", at(1)).pendingQuantity(BigDecimal.ZERO)
                .acknowledgedQuantity(new BigDecimal("0.000")).build();
        InventoryState large = inventory("VS-L", at(2)).pendingQuantity(new BigDecimal("123456789012.345"))
                .acknowledgedQuantity(new BigDecimal("250")).build();
        write(tx -> {
            tx.inventory().save(zero);
            tx.inventory().save(large);
        });
        assertThat(read((SyncTransaction tx) -> tx.inventory().find("VS-0"))).contains(zero);
        assertThat(read((SyncTransaction tx) -> tx.inventory().find("VS-L"))).contains(large);
    }

    @Test
    void saveReplacesTheStateWithTheSameCode() {
        write(tx -> tx.inventory().save(fullState("VS-1")));
        InventoryState acknowledged = inventory("VS-1", at(100)).acknowledgedQuantity(new BigDecimal("11.500"))
                .moderationId("MOD-1").build();
        write(tx -> tx.inventory().save(acknowledged));
        assertThat(read((SyncTransaction tx) -> tx.inventory().find("VS-1"))).contains(acknowledged);
    }

    @Test
    void pendingHasAPendingQuantityAndIsNotDeadLetteredLeastRecentlyUpdatedFirst() {
        InventoryState p3 = inventory("A", at(30)).pendingQuantity(BigDecimal.ONE).build();
        InventoryState p1 = inventory("B", at(10)).pendingQuantity(BigDecimal.TEN).attempts(2)
                .lastError("timeout").build();
        InventoryState p2 = inventory("C", at(20)).pendingQuantity(BigDecimal.ZERO)
                .acknowledgedQuantity(BigDecimal.ONE).build();
        InventoryState dead = inventory("D", at(0)).pendingQuantity(BigDecimal.ONE).deadLettered(true)
                .lastError("SKU unknown to Babyshop").build();
        InventoryState nothingPending = inventory("E", at(1)).acknowledgedQuantity(BigDecimal.ONE).build();
        write(tx -> List.of(p3, p1, dead, p2, nothingPending).forEach(tx.inventory()::save));

        assertThat(read((SyncTransaction tx) -> tx.inventory().pending(10))).containsExactly(p1, p2, p3);
        assertThat(read((SyncTransaction tx) -> tx.inventory().pending(2))).containsExactly(p1, p2);
        assertThat(read((SyncTransaction tx) -> tx.inventory().pending(1))).containsExactly(p1);
    }

    @Test
    void pendingFollowsUpdates() {
        write(tx -> {
            tx.inventory().save(inventory("X", at(1)).pendingQuantity(BigDecimal.ONE).build());
            tx.inventory().save(inventory("Y", at(2)).pendingQuantity(BigDecimal.ONE).build());
        });
        write(tx -> tx.inventory().save(inventory("X", at(3)).pendingQuantity(BigDecimal.TEN).build()));
        assertThat(read((SyncTransaction tx) -> tx.inventory().pending(10))).extracting(InventoryState::vendorSkuCode)
                .containsExactly("Y", "X");
        write(tx -> tx.inventory().save(inventory("Y", at(4)).acknowledgedQuantity(BigDecimal.ONE).build()));
        assertThat(read((SyncTransaction tx) -> tx.inventory().pending(10))).extracting(InventoryState::vendorSkuCode)
                .containsExactly("X");
    }

    @Test
    void saveIsVisibleLaterInTheSameTransaction() {
        InventoryState state = inventory("VS-1", at(1)).pendingQuantity(new BigDecimal("2.50"))
                .moderationId("M").moderationCheckAt(at(5)).build();
        write(tx -> {
            tx.inventory().save(state);
            assertThat(tx.inventory().find("VS-1")).contains(state);
            assertThat(tx.inventory().pending(10)).containsExactly(state);
            assertThat(tx.inventory().awaitingModeration(at(5), 10)).containsExactly(state);
        });
    }

    // ---- awaitingModeration(dueBy, limit): the due-based read of issue 16 ----------------------------------

    private static InventoryState awaiting(String code, long checkAtSeconds) {
        return inventory(code, at(1)).moderationId("M-" + code).moderationStatus("Pending")
                .moderationSince(at(0)).moderationCheckAt(at(checkAtSeconds)).build();
    }

    @Test
    void moderationDueIsEmptyWhenNothingSaved() {
        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(1_000_000), 10))).isEmpty();
    }

    @Test
    void moderationDueListsStatesDueByTheTimeEarliestCheckFirstThenByCode() {
        InventoryState late = awaiting("A", 300);
        InventoryState early = awaiting("B", 100);
        InventoryState sameTimeLowerCode = awaiting("0", 200);
        InventoryState sameTime = awaiting("C", 200);
        InventoryState notYet = awaiting("D", 301);
        write(tx -> List.of(late, early, sameTime, notYet, sameTimeLowerCode).forEach(tx.inventory()::save));

        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(300), 10)))
                .containsExactly(early, sameTimeLowerCode, sameTime, late);
        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(299), 10)))
                .containsExactly(early, sameTimeLowerCode, sameTime);
        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(300), 2)))
                .containsExactly(early, sameTimeLowerCode);
        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(99), 10))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(300), 0))).isEmpty();
    }

    @Test
    void moderationDueNeedsAnIdAPendingOrAbsentStatusAndACheckTime() {
        InventoryState noStatus = inventory("A", at(1)).moderationId("M-A").moderationCheckAt(at(10)).build();
        InventoryState pendingUpper = inventory("B", at(1)).moderationId("M-B").moderationStatus("PENDING")
                .moderationCheckAt(at(11)).build();
        InventoryState pendingLower = inventory("H", at(1)).moderationId("M-H").moderationStatus("pending")
                .moderationCheckAt(at(16)).build();
        InventoryState rejected = inventory("I", at(1)).moderationId("M-I").moderationStatus("Rejected")
                .moderationCheckAt(at(17)).build();
        InventoryState approved = inventory("C", at(1)).moderationId("M-C").moderationStatus("Approved")
                .moderationCheckAt(at(12)).build();
        InventoryState noId = inventory("D", at(1)).moderationStatus("Pending").moderationCheckAt(at(13)).build();
        InventoryState noCheck = inventory("E", at(1)).moderationId("M-E").moderationStatus("Pending").build();
        InventoryState pendingPrefix = inventory("F", at(1)).moderationId("M-F").moderationStatus("Pending review")
                .moderationCheckAt(at(14)).build();
        InventoryState deadLettered = inventory("G", at(1)).moderationId("M-G").pendingQuantity(BigDecimal.ONE)
                .deadLettered(true).moderationCheckAt(at(15)).build();
        write(tx -> List.of(noStatus, pendingUpper, pendingLower, approved, rejected, noId, noCheck, pendingPrefix,
                deadLettered).forEach(tx.inventory()::save));

        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(1_000), 100)))
                .as("a dead-lettered state with a pending quantity is still read")
                .containsExactly(noStatus, pendingUpper, deadLettered, pendingLower);
    }

    @Test
    void moderationDueFollowsSavesAndRollbacks() {
        write(tx -> {
            tx.inventory().save(awaiting("A", 10));
            tx.inventory().save(awaiting("B", 20));
        });
        // a Pending answer moves A's check later; a final status takes B out; a new push of C is due later
        write(tx -> {
            tx.inventory().save(InventoryState.builder().from(awaiting("A", 30)).build());
            tx.inventory().save(InventoryState.builder().from(awaiting("B", 20)).moderationStatus("Approved")
                    .moderationCheckAt(Optional.empty()).build());
            tx.inventory().save(awaiting("C", 25));
            assertThat(tx.inventory().awaitingModeration(at(100), 10)).extracting(InventoryState::vendorSkuCode)
                    .containsExactly("C", "A");
        });
        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(100), 10)))
                .extracting(InventoryState::vendorSkuCode).containsExactly("C", "A");

        writeThenFail(tx -> {
            tx.inventory().save(awaiting("A", 5));
            tx.inventory().save(awaiting("D", 1));
            tx.inventory().save(InventoryState.builder().from(awaiting("C", 25)).moderationStatus("Rejected").build());
        });
        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(100), 10)))
                .extracting(InventoryState::vendorSkuCode).as("a rolled back transaction changes nothing")
                .containsExactly("C", "A");
        assertThat(read((SyncTransaction tx) -> tx.inventory().awaitingModeration(at(100), 10)))
                .containsExactly(awaiting("C", 25), awaiting("A", 30));
    }

    @Test
    void moderationDueRefusesANegativeLimit() {
        assertThatThrownBy(() -> read((SyncTransaction tx) ->
                tx.inventory().awaitingModeration(at(1), -1))).isInstanceOf(IllegalArgumentException.class);
    }
}
