package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link io.github.babyshopsdk.sync.state.QuarantineStore}: entries keyed by flow and key; retryable ones
 * oldest failure first. "Oldest failure" is read as the earliest {@link QuarantineEntry#lastFailedAt()}
 * (least recently failed first), so that a retry limit rotates through every entry.
 */
public abstract class QuarantineStoreContract extends StoreContractSupport {

    @Test
    void emptyWhenNothingQuarantined() {
        read(tx -> {
            for (Flow flow : Flow.values()) {
                assertThat(tx.quarantine().find(flow, "BS-1")).isEmpty();
                assertThat(tx.quarantine().retryable(flow, 10)).isEmpty();
                assertThat(tx.quarantine().all(flow)).isEmpty();
            }
            return null;
        });
    }

    @Test
    void everyFieldRoundTripsInEveryFlow() {
        for (Flow flow : Flow.values()) {
            QuarantineEntry entry = QuarantineEntry.builder().flow(flow).key("KEY-" + flow)
                    .reason("orderDate '31/02/2024 25:00:00' is not a date; المدينة unreadable")
                    .attempts(7).deadLettered(true)
                    .firstFailedAt(T0.plusNanos(1_000)).lastFailedAt(at(3600).plusNanos(999_999_000L))
                    .build();
            write(tx -> tx.quarantine().save(entry));
            assertThat(read((SyncTransaction tx) -> tx.quarantine().find(flow, "KEY-" + flow))).contains(entry);
        }
        QuarantineEntry live = quarantined(Flow.CATALOG, "SKU-1", at(5));
        write(tx -> tx.quarantine().save(live));
        QuarantineEntry back = read(tx -> tx.quarantine().find(Flow.CATALOG, "SKU-1")).orElseThrow();
        assertThat(back).isEqualTo(live);
        assertThat(back.deadLettered()).isFalse();
    }

    @Test
    void theSameKeyInTwoFlowsIsTwoEntries() {
        QuarantineEntry orders = quarantined(Flow.ORDERS, "K", at(1));
        QuarantineEntry catalog = quarantined(Flow.CATALOG, "K", at(2));
        write(tx -> {
            tx.quarantine().save(orders);
            tx.quarantine().save(catalog);
        });
        read(tx -> {
            assertThat(tx.quarantine().find(Flow.ORDERS, "K")).contains(orders);
            assertThat(tx.quarantine().find(Flow.CATALOG, "K")).contains(catalog);
            assertThat(tx.quarantine().find(Flow.INVENTORY, "K")).isEmpty();
            assertThat(tx.quarantine().all(Flow.ORDERS)).containsExactly(orders);
            assertThat(tx.quarantine().retryable(Flow.CATALOG, 10)).containsExactly(catalog);
            return null;
        });
        write(tx -> tx.quarantine().remove(Flow.ORDERS, "K"));
        assertThat(read((SyncTransaction tx) -> tx.quarantine().find(Flow.ORDERS, "K"))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.quarantine().find(Flow.CATALOG, "K"))).contains(catalog);
    }

    @Test
    void saveReplacesTheEntryWithTheSameFlowAndKey() {
        write(tx -> tx.quarantine().save(quarantined(Flow.ORDERS, "BS-1", at(1))));
        QuarantineEntry again = QuarantineEntry.builder().from(quarantined(Flow.ORDERS, "BS-1", at(1)))
                .attempts(2).lastFailedAt(at(60)).reason("still unreadable").build();
        write(tx -> tx.quarantine().save(again));
        assertThat(read((SyncTransaction tx) -> tx.quarantine().find(Flow.ORDERS, "BS-1"))).contains(again);
        assertThat(read((SyncTransaction tx) -> tx.quarantine().all(Flow.ORDERS))).containsExactly(again);
    }

    @Test
    void removeDeletesTheEntryAndIgnoresAbsentOnes() {
        write(tx -> {
            tx.quarantine().save(quarantined(Flow.ORDERS, "BS-1", at(1)));
            tx.quarantine().save(quarantined(Flow.ORDERS, "BS-2", at(2)));
        });
        write(tx -> {
            tx.quarantine().remove(Flow.ORDERS, "BS-1");
            tx.quarantine().remove(Flow.ORDERS, "BS-404");
            tx.quarantine().remove(Flow.CATALOG, "BS-2");
        });
        assertThat(read((SyncTransaction tx) -> tx.quarantine().find(Flow.ORDERS, "BS-1"))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.quarantine().all(Flow.ORDERS))).extracting(QuarantineEntry::key)
                .containsExactly("BS-2");
    }

    @Test
    void retryableExcludesDeadLetteredOldestFailureFirst() {
        QuarantineEntry third = quarantined(Flow.ORDERS, "A", at(30));
        QuarantineEntry first = quarantined(Flow.ORDERS, "B", at(10));
        QuarantineEntry dead = QuarantineEntry.builder().from(quarantined(Flow.ORDERS, "C", at(0)))
                .deadLettered(true).attempts(5).build();
        QuarantineEntry second = quarantined(Flow.ORDERS, "D", at(20));
        QuarantineEntry otherFlow = quarantined(Flow.CATALOG, "E", at(1));
        write(tx -> List.of(third, first, dead, second, otherFlow).forEach(tx.quarantine()::save));

        assertThat(read((SyncTransaction tx) -> tx.quarantine().retryable(Flow.ORDERS, 10))).containsExactly(first, second, third);
        assertThat(read((SyncTransaction tx) -> tx.quarantine().retryable(Flow.ORDERS, 2))).containsExactly(first, second);
        assertThat(read((SyncTransaction tx) -> tx.quarantine().retryable(Flow.CATALOG, 10))).containsExactly(otherFlow);
        assertThat(read((SyncTransaction tx) -> tx.quarantine().all(Flow.ORDERS)))
                .containsExactlyInAnyOrder(first, second, third, dead);
    }

    /** The entry that failed least recently comes first, whenever it first failed. */
    @Test
    void retryableOrdersByLastFailure() {
        QuarantineEntry oldButRecentlyRetried = QuarantineEntry.builder().from(quarantined(Flow.ORDERS, "OLD", at(0)))
                .attempts(3).lastFailedAt(at(100)).build();
        QuarantineEntry newer = quarantined(Flow.ORDERS, "NEW", at(50));
        write(tx -> {
            tx.quarantine().save(oldButRecentlyRetried);
            tx.quarantine().save(newer);
        });
        assertThat(read((SyncTransaction tx) -> tx.quarantine().retryable(Flow.ORDERS, 10)))
                .containsExactly(newer, oldButRecentlyRetried);
    }

    @Test
    void deadLetteringTakesAnEntryOutOfRetryable() {
        QuarantineEntry entry = quarantined(Flow.ORDERS, "BS-1", at(1));
        write(tx -> tx.quarantine().save(entry));
        write(tx -> tx.quarantine().save(QuarantineEntry.builder().from(entry).deadLettered(true).build()));
        assertThat(read((SyncTransaction tx) -> tx.quarantine().retryable(Flow.ORDERS, 10))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.quarantine().all(Flow.ORDERS))).hasSize(1);
    }

    @Test
    void writesAreVisibleLaterInTheSameTransaction() {
        QuarantineEntry entry = quarantined(Flow.ORDERS, "BS-1", at(1));
        write(tx -> {
            tx.quarantine().save(entry);
            assertThat(tx.quarantine().find(Flow.ORDERS, "BS-1")).contains(entry);
            assertThat(tx.quarantine().retryable(Flow.ORDERS, 10)).containsExactly(entry);
            tx.quarantine().remove(Flow.ORDERS, "BS-1");
            assertThat(tx.quarantine().find(Flow.ORDERS, "BS-1")).isEmpty();
            assertThat(tx.quarantine().all(Flow.ORDERS)).isEmpty();
        });
        assertThat(read((SyncTransaction tx) -> tx.quarantine().all(Flow.ORDERS))).isEmpty();
    }

    @Test
    void findAllReadsTheEntriesOfOneFlowThatExist() {
        QuarantineEntry a = quarantined(Flow.ORDERS, "BS-A", at(1));
        QuarantineEntry b = quarantined(Flow.ORDERS, "BS-B", at(2));
        write(tx -> {
            tx.quarantine().save(a);
            tx.quarantine().save(b);
            tx.quarantine().save(quarantined(Flow.CATALOG, "BS-C", at(3)));
        });
        Map<String, QuarantineEntry> found = read(tx -> tx.quarantine().findAll(Flow.ORDERS,
                List.of("BS-A", "BS-C", "BS-B", "BS-A", "BS-MISSING")));
        assertThat(found).containsOnly(Map.entry("BS-A", a), Map.entry("BS-B", b));
        assertThat(read((SyncTransaction tx) -> tx.quarantine().findAll(Flow.CATALOG, List.of("BS-A", "BS-C"))))
                .containsOnlyKeys("BS-C");
        assertThat(read((SyncTransaction tx) -> tx.quarantine().findAll(Flow.ORDERS, List.of()))).isEmpty();
    }

    @Test
    void findAllReadsMoreKeysThanOneQueryHolds() {
        List<String> keys = new ArrayList<>();
        write(tx -> {
            for (int i = 0; i < 230; i++) {
                tx.quarantine().save(quarantined(Flow.ORDERS, "BS-" + i, at(i)));
                keys.add("BS-" + i);
                keys.add("NONE-" + i);
            }
        });
        Map<String, QuarantineEntry> found = read(tx -> tx.quarantine().findAll(Flow.ORDERS, keys));
        assertThat(found).hasSize(230);
        assertThat(found.get("BS-229")).isEqualTo(quarantined(Flow.ORDERS, "BS-229", at(229)));
    }
}
