package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link io.github.babyshopsdk.sync.state.InventoryStore}'s queries for a linear inventory run: the states due
 * for a push ({@code pending(retryBy, limit)}: never tried, or failed and last updated at or before
 * {@code retryBy}; least recently updated first) and the batch read of states by code.
 */
public abstract class InventoryDueContract extends StoreContractSupport {

    private List<String> due(Instant retryBy, int limit) {
        return read((SyncTransaction tx) -> tx.inventory().pending(retryBy, limit)).stream()
                .map(InventoryState::vendorSkuCode).toList();
    }

    private static InventoryState fresh(String code, Instant updatedAt) {
        return inventory(code, updatedAt).pendingQuantity(BigDecimal.ONE).build();
    }

    private static InventoryState failed(String code, Instant updatedAt, int attempts) {
        return inventory(code, updatedAt).pendingQuantity(BigDecimal.TEN).attempts(attempts).lastError("timeout")
                .build();
    }

    @Test
    void dueHasTheNeverTriedAndTheFailedUpToRetryByLeastRecentlyUpdatedFirst() {
        InventoryState fresh30 = fresh("F30", at(30));
        InventoryState fresh5 = fresh("F05", at(5));
        InventoryState failed10 = failed("R10", at(10), 2);
        InventoryState failed20 = failed("R20", at(20), 1);
        InventoryState failed40 = failed("R40", at(40), 1);
        InventoryState dead = inventory("DEAD", at(0)).pendingQuantity(BigDecimal.ONE).deadLettered(true).build();
        InventoryState deadFailed = InventoryState.builder().from(failed("DEADF", at(0), 5)).deadLettered(true).build();
        InventoryState nothingPending = inventory("ACK", at(1)).acknowledgedQuantity(BigDecimal.ONE).build();
        write(tx -> List.of(fresh30, failed40, dead, failed10, nothingPending, fresh5, deadFailed, failed20)
                .forEach(tx.inventory()::save));

        assertThat(due(at(20), 10)).containsExactly("F05", "R10", "R20", "F30");
        assertThat(due(at(19), 10)).containsExactly("F05", "R10", "F30");
        assertThat(due(at(0), 10)).containsExactly("F05", "F30");
        assertThat(due(at(40), 10)).containsExactly("F05", "R10", "R20", "F30", "R40");
        assertThat(due(Instant.MAX, 10)).containsExactly("F05", "R10", "R20", "F30", "R40");
        assertThat(due(Instant.MIN, 10)).containsExactly("F05", "F30");
        assertThat(due(at(20), 3)).containsExactly("F05", "R10", "R20");
        assertThat(due(at(20), 1)).containsExactly("F05");
        assertThat(due(at(20), 0)).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.inventory().pending(at(40), 10)))
                .containsExactly(fresh5, failed10, failed20, fresh30, failed40);
    }

    @Test
    void pendingWithoutRetryByCountsEveryFailedStateAsDue() {
        write(tx -> List.of(fresh("F", at(3)), failed("R", at(2), 4)).forEach(tx.inventory()::save));
        assertThat(read((SyncTransaction tx) -> tx.inventory().pending(10))).extracting(InventoryState::vendorSkuCode)
                .containsExactly("R", "F");
    }

    @Test
    void dueFollowsUpdates() {
        write(tx -> {
            tx.inventory().save(fresh("X", at(1)));
            tx.inventory().save(fresh("Y", at(2)));
        });
        write(tx -> tx.inventory().save(failed("X", at(50), 1)));
        assertThat(due(at(49), 10)).containsExactly("Y");
        assertThat(due(at(50), 10)).containsExactly("Y", "X");

        write(tx -> tx.inventory().save(fresh("X", at(51))));
        write(tx -> tx.inventory().save(inventory("Y", at(52)).acknowledgedQuantity(BigDecimal.ONE).build()));
        assertThat(due(at(0), 10)).containsExactly("X");
        write(tx -> tx.inventory().save(InventoryState.builder().from(fresh("X", at(53))).deadLettered(true).build()));
        assertThat(due(Instant.MAX, 10)).isEmpty();
    }

    @Test
    void aRolledBackSaveLeavesDueAsItWas() {
        write(tx -> {
            tx.inventory().save(fresh("A", at(1)));
            tx.inventory().save(failed("B", at(2), 1));
        });
        writeThenFail(tx -> {
            tx.inventory().save(inventory("A", at(3)).acknowledgedQuantity(BigDecimal.ONE).build());
            tx.inventory().save(fresh("B", at(4)));
            tx.inventory().save(fresh("C", at(0)));
            tx.inventory().save(failed("C", at(5), 1));
        });
        assertThat(due(at(1), 10)).containsExactly("A");
        assertThat(due(at(2), 10)).containsExactly("A", "B");
        assertThat(read((SyncTransaction tx) -> tx.inventory().find("C"))).isEmpty();
    }

    @Test
    void dueSeesSavesOfTheSameTransaction() {
        write(tx -> {
            tx.inventory().save(failed("A", at(5), 1));
            tx.inventory().save(fresh("B", at(6)));
            assertThat(tx.inventory().pending(at(4), 10)).extracting(InventoryState::vendorSkuCode)
                    .containsExactly("B");
            assertThat(tx.inventory().pending(at(5), 10)).extracting(InventoryState::vendorSkuCode)
                    .containsExactly("A", "B");
        });
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> due(at(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findOfCodesHasTheStatesOfCodesThatHaveOne() {
        InventoryState a = fresh("VS-A", at(1));
        InventoryState b = inventory("VS-B", at(2)).acknowledgedQuantity(new BigDecimal("2.500")).build();
        write(tx -> {
            tx.inventory().save(a);
            tx.inventory().save(b);
            tx.inventory().save(fresh("VS-C", at(3)));
        });
        assertThat(read((SyncTransaction tx) -> tx.inventory().find(List.of("VS-B", "VS-NONE", "VS-A", "VS-B", "vs-a"))))
                .isEqualTo(Map.of("VS-A", a, "VS-B", b));
        assertThat(read((SyncTransaction tx) -> tx.inventory().find(List.of()))).isEmpty();
        assertThatThrownBy(() -> read((SyncTransaction tx) -> tx.inventory().find(Collections.singletonList(null))))
                .isInstanceOf(NullPointerException.class);
    }

    /** More codes than one statement takes (stores read in chunks of about 500). */
    @Test
    void findOfManyCodesReadsThemAll() {
        List<String> codes = IntStream.range(0, 1_234).mapToObj(i -> String.format("VS-%05d", i)).toList();
        write(tx -> codes.stream().filter(code -> code.hashCode() % 4 != 0)
                .forEach(code -> tx.inventory().save(fresh(code, at(1)))));
        Map<String, InventoryState> found = read((SyncTransaction tx) -> tx.inventory().find(codes));
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(
                codes.stream().filter(code -> code.hashCode() % 4 != 0).toList());
        assertThat(found.values()).allSatisfy(state -> assertThat(state).isEqualTo(fresh(state.vendorSkuCode(), at(1))));
    }

    @Test
    void findOfCodesSeesSavesOfTheSameTransaction() {
        InventoryState state = fresh("VS-1", at(1));
        write(tx -> {
            tx.inventory().save(state);
            assertThat(tx.inventory().find(List.of("VS-1"))).containsExactly(Map.entry("VS-1", state));
        });
    }
}
