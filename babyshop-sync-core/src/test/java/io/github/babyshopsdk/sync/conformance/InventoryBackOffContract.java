package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link io.github.babyshopsdk.sync.state.InventoryStore}'s per-state due time (issue 12): a state with a
 * {@link InventoryState#retryAt()} (a moderation refusal's back-off) is due for a push once that time is at or
 * before {@code backOffBy} in {@code pending(retryBy, backOffBy, limit)}, whatever its attempts and
 * {@code retryBy}; the fields {@code retryAt} and {@code moderationRefusals} are stored as saved.
 */
public abstract class InventoryBackOffContract extends StoreContractSupport {

    private List<String> due(Instant retryBy, Instant backOffBy, int limit) {
        return read((SyncTransaction tx) -> tx.inventory().pending(retryBy, backOffBy, limit)).stream()
                .map(InventoryState::vendorSkuCode).toList();
    }

    private static InventoryState fresh(String code, Instant updatedAt) {
        return inventory(code, updatedAt).pendingQuantity(BigDecimal.ONE).build();
    }

    private static InventoryState backedOff(String code, Instant updatedAt, Instant retryAt) {
        return inventory(code, updatedAt).pendingQuantity(new BigDecimal("7")).lastError("moderation status Rejected")
                .retryAt(retryAt).moderationRefusals(2).build();
    }

    @Test
    void aStateInABackOffIsDueOnceItsRetryTimeHasComeWhateverRetryBy() {
        InventoryState fresh = fresh("F", at(30));
        InventoryState failed = inventory("R", at(10)).pendingQuantity(BigDecimal.TEN).attempts(1).lastError("x")
                .build();
        InventoryState soon = backedOff("B1", at(20), at(100));
        InventoryState later = backedOff("B2", at(5), at(200));
        InventoryState failedBackedOff = InventoryState.builder().from(backedOff("B3", at(1), at(150))).attempts(3).build();
        InventoryState dead = InventoryState.builder().from(backedOff("D", at(0), at(0))).deadLettered(true).build();
        write(tx -> List.of(fresh, failed, soon, later, failedBackedOff, dead).forEach(tx.inventory()::save));

        assertThat(due(at(10), at(99), 10)).containsExactly("R", "F");
        assertThat(due(at(10), at(100), 10)).as("by update time, then code").containsExactly("R", "B1", "F");
        assertThat(due(Instant.MIN, at(150), 10)).as("retryBy does not hold a back-off")
                .containsExactly("B3", "B1", "F");
        assertThat(due(at(10), at(200), 10)).containsExactly("B3", "B2", "R", "B1", "F");
        assertThat(due(at(10), Instant.MAX, 10)).containsExactly("B3", "B2", "R", "B1", "F");
        assertThat(due(at(10), at(200), 2)).as("the earliest due back-offs (B3, B1), merged with the rest")
                .containsExactly("B3", "R");
        assertThat(due(at(10), at(200), 0)).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.inventory().pending(at(10), 10))).as("two-argument form: every back-off due")
                .extracting(InventoryState::vendorSkuCode).containsExactly("B3", "B2", "R", "B1", "F");
    }

    @Test
    void whenMoreBackOffsAreDueThanTheLimitTheEarliestDueAreTaken() {
        write(tx -> {
            tx.inventory().save(backedOff("A", at(1), at(30)));
            tx.inventory().save(backedOff("B", at(2), at(10)));
            tx.inventory().save(backedOff("C", at(3), at(20)));
        });
        assertThat(due(Instant.MIN, at(30), 2)).containsExactly("B", "C");
        assertThat(due(Instant.MIN, at(30), 3)).containsExactly("A", "B", "C");
    }

    @Test
    void retryTimeAndRefusalsAreStoredAndFollowUpdates() {
        InventoryState state = backedOff("S", at(1), at(60));
        write(tx -> tx.inventory().save(state));
        assertThat(read((SyncTransaction tx) -> tx.inventory().find("S"))).contains(state);
        assertThat(read((SyncTransaction tx) -> tx.inventory().find(List.of("S"))).get("S")).isEqualTo(state);
        assertThat(due(Instant.MIN, at(59), 10)).isEmpty();

        InventoryState pushedAgain = inventory("S", at(61)).acknowledgedQuantity(new BigDecimal("7"))
                .moderationRefusals(2).build();
        write(tx -> tx.inventory().save(pushedAgain));
        assertThat(due(Instant.MAX, Instant.MAX, 10)).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.inventory().find("S"))).contains(pushedAgain);

        write(tx -> tx.inventory().save(InventoryState.builder().from(backedOff("S", at(62), at(70))).deadLettered(true).build()));
        assertThat(due(Instant.MAX, Instant.MAX, 10)).as("dead-lettered: never due").isEmpty();
        write(tx -> tx.inventory().save(backedOff("S", at(63), at(70))));
        assertThat(due(Instant.MIN, at(70), 10)).containsExactly("S");
    }

    @Test
    void aRolledBackBackOffLeavesDueAsItWas() {
        write(tx -> tx.inventory().save(fresh("A", at(1))));
        writeThenFail(tx -> tx.inventory().save(backedOff("A", at(2), at(100))));
        assertThat(due(Instant.MIN, at(0), 10)).containsExactly("A");
        write(tx -> {
            tx.inventory().save(backedOff("A", at(3), at(100)));
            assertThat(tx.inventory().pending(Instant.MIN, at(99), 10)).isEmpty();
            assertThat(tx.inventory().pending(Instant.MIN, at(100), 10)).extracting(InventoryState::vendorSkuCode)
                    .containsExactly("A");
        });
    }

    @Test
    void nullTimesAndANegativeLimitAreRefused() {
        assertThatThrownBy(() -> due(at(1), at(1), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> due(at(1), null, 1)).isInstanceOf(NullPointerException.class);
    }
}
