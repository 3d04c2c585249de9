package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link io.github.babyshopsdk.sync.state.OutboxStore}: de-duplicating {@code add}, replacing {@code save},
 * and what is due per flow, oldest {@code createdAt} first.
 */
public abstract class OutboxStoreContract extends StoreContractSupport {

    /** An entry with every optional field present and non-default values. */
    protected static OutboxEntry fullEntry(String id) {
        return OutboxEntry.builder()
                .id(id)
                .operation(OutboxOperation.CREATE_SHIPMENT)
                .orderNo("BS-1001")
                .putData("transporter", "Aramex")
                .putData("awbNo", "AWB 0042-ع")
                .putData("invoiceNo", "")
                .putData("lines", "[{\"line\":1,\"qty\":\"2.000\"}]")
                .status(OutboxStatus.DEAD)
                .attempts(9)
                .lastError("code 22: invoice already exists")
                .outcomeUnknown(true)
                .notBefore(at(300).plusNanos(1_000))
                .createdAt(T0)
                .updatedAt(at(600).plusNanos(999_000))
                .build();
    }

    @Test
    void emptyWhenNothingAdded() {
        read(tx -> {
            assertThat(tx.outbox().find("evt-1")).isEmpty();
            assertThat(tx.outbox().forOrder("BS-1")).isEmpty();
            for (Flow flow : Flow.values()) {
                assertThat(tx.outbox().due(flow, at(1_000_000), 10)).isEmpty();
            }
            return null;
        });
    }

    @Test
    void everyFieldRoundTrips() {
        OutboxEntry full = fullEntry("evt-1");
        assertThat(read((SyncTransaction tx) -> tx.outbox().add(full))).isTrue();
        OutboxEntry back = read(tx -> tx.outbox().find("evt-1")).orElseThrow();
        assertThat(back).isEqualTo(full);
        assertThat(back.data()).containsExactlyInAnyOrderEntriesOf(full.data());
    }

    @Test
    void defaultsAndEmptyDataRoundTrip() {
        OutboxEntry bare = outbox("evt-2", OutboxOperation.SHIP, "BS-2", at(1));
        write(tx -> tx.outbox().add(bare));
        OutboxEntry back = read(tx -> tx.outbox().find("evt-2")).orElseThrow();
        assertThat(back).isEqualTo(bare);
        assertThat(back.data()).isEmpty();
        assertThat(back.lastError()).isEmpty();
        assertThat(back.attempts()).isZero();
        assertThat(back.outcomeUnknown()).isFalse();
    }

    @Test
    void everyOperationAndStatusRoundTrips() {
        int i = 0;
        for (OutboxOperation operation : OutboxOperation.values()) {
            for (OutboxStatus status : OutboxStatus.values()) {
                OutboxEntry entry = OutboxEntry.builder().from(outbox("evt-" + i, operation, "BS-" + i, at(i)))
                        .status(status).build();
                assertThat(read((SyncTransaction tx) -> tx.outbox().add(entry))).isTrue();
                assertThat(read((SyncTransaction tx) -> tx.outbox().find(entry.id()))).contains(entry);
                i++;
            }
        }
    }

    @Test
    void addDoesNothingForAnExistingId() {
        OutboxEntry original = outbox("evt-1", OutboxOperation.SHIP, "BS-1", at(1));
        assertThat(read((SyncTransaction tx) -> tx.outbox().add(original))).isTrue();

        OutboxEntry duplicate = fullEntry("evt-1");
        assertThat(read((SyncTransaction tx) -> tx.outbox().add(duplicate))).isFalse();
        assertThat(read((SyncTransaction tx) -> tx.outbox().add(original))).isFalse();

        assertThat(read((SyncTransaction tx) -> tx.outbox().find("evt-1"))).contains(original);
        assertThat(read((SyncTransaction tx) -> tx.outbox().forOrder("BS-1001"))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.outbox().forOrder("BS-1"))).containsExactly(original);
    }

    @Test
    void addDoesNothingForAnExistingIdWhateverItsStatus() {
        OutboxEntry done = OutboxEntry.builder().from(outbox("evt-1", OutboxOperation.CANCEL, "BS-1", at(1)))
                .status(OutboxStatus.DONE).build();
        write(tx -> tx.outbox().add(done));
        assertThat(read((SyncTransaction tx) -> tx.outbox().add(outbox("evt-1", OutboxOperation.CANCEL, "BS-1", at(2))))).isFalse();
        assertThat(read((SyncTransaction tx) -> tx.outbox().find("evt-1"))).contains(done);
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.CANCELLATIONS, at(10), 10))).isEmpty();
    }

    @Test
    void addDeDuplicatesWithinOneTransaction() {
        OutboxEntry first = outbox("evt-1", OutboxOperation.SHIP, "BS-1", at(1));
        List<Boolean> added = read(tx -> List.of(tx.outbox().add(first),
                tx.outbox().add(outbox("evt-1", OutboxOperation.CANCEL, "BS-2", at(2)))));
        assertThat(added).containsExactly(true, false);
        assertThat(read((SyncTransaction tx) -> tx.outbox().find("evt-1"))).contains(first);
    }

    @Test
    void idsAreExact() {
        write(tx -> {
            tx.outbox().add(outbox("evt-a", OutboxOperation.SHIP, "BS-1", at(1)));
            tx.outbox().add(outbox("EVT-A", OutboxOperation.SHIP, "BS-1", at(2)));
        });
        assertThat(read((SyncTransaction tx) -> tx.outbox().forOrder("BS-1"))).extracting(OutboxEntry::id)
                .containsExactly("evt-a", "EVT-A");
    }

    @Test
    void saveReplacesTheEntryWithTheSameId() {
        OutboxEntry entry = outbox("evt-1", OutboxOperation.SHIP, "BS-1", at(1));
        write(tx -> tx.outbox().add(entry));
        OutboxEntry failed = OutboxEntry.builder().from(entry).attempts(1).lastError("timeout")
                .outcomeUnknown(true).notBefore(at(61)).updatedAt(at(2)).putData("awbNo", "A1").build();
        write(tx -> tx.outbox().save(failed));
        assertThat(read((SyncTransaction tx) -> tx.outbox().find("evt-1"))).contains(failed);

        OutboxEntry done = OutboxEntry.builder().from(failed).status(OutboxStatus.DONE).outcomeUnknown(false)
                .data(Map.of()).updatedAt(at(70)).build();
        write(tx -> tx.outbox().save(done));
        OutboxEntry back = read(tx -> tx.outbox().find("evt-1")).orElseThrow();
        assertThat(back).isEqualTo(done);
        assertThat(back.data()).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.outbox().forOrder("BS-1"))).containsExactly(done);
    }

    @Test
    void dueIsPendingOfTheFlowWithNotBeforeReachedOldestFirst() {
        OutboxEntry ship2 = outbox("s2", OutboxOperation.SHIP, "BS-2", at(20));
        OutboxEntry create1 = outbox("s1", OutboxOperation.CREATE_SHIPMENT, "BS-1", at(10));
        OutboxEntry ship3 = outbox("s3", OutboxOperation.SHIP, "BS-3", at(30));
        OutboxEntry later = OutboxEntry.builder().from(outbox("s4", OutboxOperation.SHIP, "BS-4", at(5)))
                .notBefore(at(101)).build();
        OutboxEntry exactlyNow = OutboxEntry.builder().from(outbox("s5", OutboxOperation.SHIP, "BS-5", at(40)))
                .notBefore(at(100)).build();
        OutboxEntry done = OutboxEntry.builder().from(outbox("s6", OutboxOperation.SHIP, "BS-6", at(0)))
                .status(OutboxStatus.DONE).build();
        OutboxEntry skipped = OutboxEntry.builder().from(outbox("s7", OutboxOperation.SHIP, "BS-7", at(0)))
                .status(OutboxStatus.SKIPPED).build();
        OutboxEntry dead = OutboxEntry.builder().from(outbox("s8", OutboxOperation.CREATE_SHIPMENT, "BS-8", at(0)))
                .status(OutboxStatus.DEAD).build();
        OutboxEntry cancel = outbox("c1", OutboxOperation.CANCEL, "BS-9", at(1));
        write(tx -> List.of(ship3, later, create1, done, cancel, exactlyNow, skipped, ship2, dead)
                .forEach(tx.outbox()::add));

        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.SHIPMENTS, at(100), 10)))
                .containsExactly(create1, ship2, ship3, exactlyNow);
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.SHIPMENTS, at(100), 2))).containsExactly(create1, ship2);
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.SHIPMENTS, at(101), 10)))
                .containsExactly(later, create1, ship2, ship3, exactlyNow);
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.SHIPMENTS, at(15), 10))).containsExactly(create1);
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.CANCELLATIONS, at(100), 10))).containsExactly(cancel);
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.CANCELLATIONS, at(0), 10))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.ORDERS, at(100), 10))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.INVENTORY, at(100), 10))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.CATALOG, at(100), 10))).isEmpty();
    }

    @Test
    void dueComparesNotBeforeWithMicrosecondPrecision() {
        OutboxEntry entry = OutboxEntry.builder().from(outbox("e", OutboxOperation.SHIP, "BS-1", at(0)))
                .notBefore(at(10).plusNanos(1_000)).build();
        write(tx -> tx.outbox().add(entry));
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.SHIPMENTS, at(10), 10))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.SHIPMENTS, at(10).plusNanos(1_000), 10))).containsExactly(entry);
    }

    @Test
    void dueFollowsSave() {
        OutboxEntry entry = outbox("e", OutboxOperation.CANCEL, "BS-1", at(0));
        write(tx -> tx.outbox().add(entry));
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.CANCELLATIONS, at(1), 10))).containsExactly(entry);

        OutboxEntry backedOff = OutboxEntry.builder().from(entry).attempts(1).notBefore(at(60)).build();
        write(tx -> tx.outbox().save(backedOff));
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.CANCELLATIONS, at(1), 10))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.CANCELLATIONS, at(60), 10))).containsExactly(backedOff);

        write(tx -> tx.outbox().save(OutboxEntry.builder().from(backedOff).status(OutboxStatus.DONE).build()));
        assertThat(read((SyncTransaction tx) -> tx.outbox().due(Flow.CANCELLATIONS, at(1000), 10))).isEmpty();
    }

    @Test
    void forOrderListsEveryEntryOfTheOrderOldestFirst() {
        OutboxEntry cancel = OutboxEntry.builder().from(outbox("c", OutboxOperation.CANCEL, "BS-1", at(30)))
                .status(OutboxStatus.SKIPPED).lastError("partial cancellation refused").build();
        OutboxEntry create = OutboxEntry.builder().from(outbox("a", OutboxOperation.CREATE_SHIPMENT, "BS-1", at(10)))
                .status(OutboxStatus.DONE).build();
        OutboxEntry ship = OutboxEntry.builder().from(outbox("b", OutboxOperation.SHIP, "BS-1", at(20)))
                .notBefore(at(9999)).build();
        OutboxEntry other = outbox("d", OutboxOperation.SHIP, "BS-2", at(5));
        write(tx -> List.of(cancel, other, ship, create).forEach(tx.outbox()::add));

        assertThat(read((SyncTransaction tx) -> tx.outbox().forOrder("BS-1"))).containsExactly(create, ship, cancel);
        assertThat(read((SyncTransaction tx) -> tx.outbox().forOrder("BS-2"))).containsExactly(other);
        assertThat(read((SyncTransaction tx) -> tx.outbox().forOrder("BS-3"))).isEmpty();
    }

    @Test
    void writesAreVisibleLaterInTheSameTransaction() {
        OutboxEntry entry = outbox("e", OutboxOperation.SHIP, "BS-1", at(0));
        OutboxEntry done = OutboxEntry.builder().from(entry).status(OutboxStatus.DONE).build();
        write(tx -> {
            assertThat(tx.outbox().add(entry)).isTrue();
            assertThat(tx.outbox().find("e")).contains(entry);
            assertThat(tx.outbox().due(Flow.SHIPMENTS, at(0), 10)).containsExactly(entry);
            assertThat(tx.outbox().forOrder("BS-1")).containsExactly(entry);
            tx.outbox().save(done);
            assertThat(tx.outbox().find("e")).contains(done);
            assertThat(tx.outbox().due(Flow.SHIPMENTS, at(0), 10)).isEmpty();
        });
        assertThat(read((SyncTransaction tx) -> tx.outbox().find("e"))).contains(done);
    }
}
