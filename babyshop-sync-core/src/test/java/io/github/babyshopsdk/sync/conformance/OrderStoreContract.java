package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link io.github.babyshopsdk.sync.state.OrderStore}: records by order number, and by state oldest first. */
public abstract class OrderStoreContract extends StoreContractSupport {

    /** A record with every optional field present. */
    protected static OrderRecord fullRecord(String orderNo) {
        return OrderRecord.builder()
                .orderNo(orderNo)
                .masterOrderNo("M-" + orderNo)
                .state(OrderState.IMPORTED)
                .reason(OrderReason.IMPORTED)
                .detail("imported to hub الرياض with 3 lines")
                .hostOrderId("HOST-" + orderNo)
                .hub("HUB-RUH")
                .stage("NEW")
                .channelStatusCode("5")
                .channelUpdatedAt(Instant.parse("2024-04-30T21:59:58.000001Z"))
                .lineSignature("sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f0")
                .invoiceNo("INV-2024-0001")
                .updatedAt(at(1).plusNanos(654_321_000L))
                .build();
    }

    @Test
    void emptyWhenNeverSaved() {
        read(tx -> {
            assertThat(tx.orders().find("BS-1")).isEmpty();
            for (OrderState state : OrderState.values()) {
                assertThat(tx.orders().inState(state, 10)).isEmpty();
            }
            return null;
        });
    }

    @Test
    void everyFieldRoundTrips() {
        OrderRecord full = fullRecord("BS-1001");
        write(tx -> tx.orders().save(full));
        OrderRecord back = read(tx -> tx.orders().find("BS-1001")).orElseThrow();
        assertThat(back).isEqualTo(full);
        assertThat(back.isLinked()).isTrue();
    }

    @Test
    void emptyOptionalsRoundTripAsEmpty() {
        OrderRecord bare = order("BS-1002", OrderState.SKIPPED, at(2));
        write(tx -> tx.orders().save(bare));
        OrderRecord back = read(tx -> tx.orders().find("BS-1002")).orElseThrow();
        assertThat(back).isEqualTo(bare);
        assertThat(back.masterOrderNo()).isEmpty();
        assertThat(back.detail()).isEmpty();
        assertThat(back.hostOrderId()).isEmpty();
        assertThat(back.hub()).isEmpty();
        assertThat(back.stage()).isEmpty();
        assertThat(back.channelStatusCode()).isEmpty();
        assertThat(back.channelUpdatedAt()).isEmpty();
        assertThat(back.lineSignature()).isEmpty();
        assertThat(back.invoiceNo()).isEmpty();
        assertThat(back.isLinked()).isFalse();
    }

    @Test
    void everyStateAndReasonRoundTrips() {
        OrderState[] states = OrderState.values();
        OrderReason[] reasons = OrderReason.values();
        int count = Math.max(states.length, reasons.length);
        for (int i = 0; i < count; i++) {
            OrderRecord record = OrderRecord.builder().orderNo("BS-" + i).state(states[i % states.length])
                    .reason(reasons[i % reasons.length]).updatedAt(at(i)).build();
            write(tx -> tx.orders().save(record));
            assertThat(read((SyncTransaction tx) -> tx.orders().find(record.orderNo()))).contains(record);
        }
    }

    @Test
    void saveReplacesTheRecordWithTheSameOrderNumber() {
        write(tx -> tx.orders().save(fullRecord("BS-7")));
        OrderRecord held = order("BS-7", OrderState.HELD, at(10));
        write(tx -> tx.orders().save(held));

        assertThat(read((SyncTransaction tx) -> tx.orders().find("BS-7"))).contains(held);
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.IMPORTED, 10))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.HELD, 10))).containsExactly(held);
    }

    @Test
    void orderNumbersAreExact() {
        write(tx -> {
            tx.orders().save(order("bs-1", OrderState.HELD, at(1)));
            tx.orders().save(order("BS-1", OrderState.SKIPPED, at(2)));
        });
        read(tx -> {
            assertThat(tx.orders().find("bs-1").orElseThrow().state()).isEqualTo(OrderState.HELD);
            assertThat(tx.orders().find("BS-1").orElseThrow().state()).isEqualTo(OrderState.SKIPPED);
            assertThat(tx.orders().find("BS-1 ")).isEmpty();
            return null;
        });
    }

    @Test
    void inStateFiltersByStateLeastRecentlyUpdatedFirst() {
        OrderRecord h3 = order("A-3", OrderState.HELD, at(30));
        OrderRecord h1 = order("C-1", OrderState.HELD, at(10));
        OrderRecord h2 = order("B-2", OrderState.HELD, at(20));
        OrderRecord i1 = order("D-1", OrderState.IMPORTED, at(5));
        OrderRecord s1 = order("E-1", OrderState.SKIPPED, at(1));
        write(tx -> List.of(h3, i1, h1, s1, h2).forEach(tx.orders()::save));

        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.HELD, 10))).containsExactly(h1, h2, h3);
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.IMPORTED, 10))).containsExactly(i1);
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.SKIPPED, 10))).containsExactly(s1);
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.CANCELLED, 10))).isEmpty();
    }

    @Test
    void inStateOrdersBySubMillisecondTimes() {
        OrderRecord later = order("A", OrderState.HELD, T0.plusNanos(2_000));
        OrderRecord earlier = order("B", OrderState.HELD, T0.plusNanos(1_000));
        write(tx -> {
            tx.orders().save(later);
            tx.orders().save(earlier);
        });
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.HELD, 10))).containsExactly(earlier, later);
    }

    @Test
    void inStateReturnsAtMostLimit() {
        write(tx -> {
            for (int i = 0; i < 5; i++) {
                tx.orders().save(order("BS-" + i, OrderState.HELD, at(10 - i)));
            }
        });
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.HELD, 2))).extracting(OrderRecord::orderNo)
                .containsExactly("BS-4", "BS-3");
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.HELD, 5))).hasSize(5);
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.HELD, 100))).hasSize(5);
    }

    @Test
    void inStateFollowsUpdates() {
        write(tx -> {
            tx.orders().save(order("X", OrderState.HELD, at(1)));
            tx.orders().save(order("Y", OrderState.HELD, at(2)));
        });
        write(tx -> tx.orders().save(order("X", OrderState.HELD, at(3))));
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.HELD, 10))).extracting(OrderRecord::orderNo)
                .containsExactly("Y", "X");
    }

    @Test
    void saveIsVisibleLaterInTheSameTransaction() {
        OrderRecord record = fullRecord("BS-9");
        write(tx -> {
            tx.orders().save(record);
            assertThat(tx.orders().find("BS-9")).contains(record);
            assertThat(tx.orders().inState(OrderState.IMPORTED, 10)).containsExactly(record);
        });
    }

    @Test
    void findAllReadsTheRecordsThatExistByOrderNumber() {
        OrderRecord a = fullRecord("BS-A");
        OrderRecord b = order("BS-B", OrderState.HELD, at(2));
        write(tx -> {
            tx.orders().save(a);
            tx.orders().save(b);
            tx.orders().save(order("BS-C", OrderState.SKIPPED, at(3)));
        });
        Map<String, OrderRecord> found = read(tx -> tx.orders().findAll(List.of("BS-A", "BS-MISSING", "BS-B", "BS-A",
                "bs-a")));
        assertThat(found).containsOnly(Map.entry("BS-A", a), Map.entry("BS-B", b));
        assertThat(read((SyncTransaction tx) -> tx.orders().findAll(List.of()))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.orders().findAll(List.of("BS-MISSING")))).isEmpty();
    }

    @Test
    void findAllReadsMoreKeysThanOneQueryHolds() {
        List<OrderRecord> records = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            records.add(order("BS-" + i, OrderState.values()[i % OrderState.values().length], at(i)));
            keys.add("BS-" + i);
            keys.add("NONE-" + i);
        }
        write(tx -> records.forEach(tx.orders()::save));
        Map<String, OrderRecord> found = read(tx -> tx.orders().findAll(keys));
        assertThat(found).hasSize(250);
        for (OrderRecord record : records) {
            assertThat(found.get(record.orderNo())).isEqualTo(record);
        }
    }

    @Test
    void findAllSeesWritesOfTheSameTransaction() {
        write(tx -> {
            tx.orders().save(order("BS-1", OrderState.HELD, at(1)));
            assertThat(tx.orders().findAll(List.of("BS-1"))).containsOnlyKeys("BS-1");
        });
    }

    @Test
    void saveAllSavesEveryRecordAndALaterOneWins() {
        OrderRecord first = order("BS-1", OrderState.HELD, at(1));
        OrderRecord other = fullRecord("BS-2");
        OrderRecord replaced = fullRecord("BS-1");
        write(tx -> tx.orders().save(order("BS-2", OrderState.SKIPPED, at(0))));
        write(tx -> tx.orders().saveAll(List.of(first, other, replaced)));
        assertThat(read((SyncTransaction tx) -> tx.orders().find("BS-1"))).contains(replaced);
        assertThat(read((SyncTransaction tx) -> tx.orders().find("BS-2"))).contains(other);
        write(tx -> tx.orders().saveAll(List.of()));
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.IMPORTED, 10))).hasSize(2);
    }

    @Test
    void saveAllOfManyRecordsIsVisibleInTheSameTransactionAndKeptAfterIt() {
        List<OrderRecord> records = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            records.add(order("BS-" + i, OrderState.HELD, at(i)));
        }
        write(tx -> {
            tx.orders().saveAll(records);
            assertThat(tx.orders().inState(OrderState.HELD, 200)).hasSize(150);
        });
        assertThat(read((SyncTransaction tx) -> tx.orders().inState(OrderState.HELD, 200))).isEqualTo(records);
    }

    @Test
    void saveAllIsRolledBackWithItsTransaction() {
        writeThenFail(tx -> tx.orders().saveAll(List.of(order("BS-1", OrderState.HELD, at(1)),
                order("BS-2", OrderState.HELD, at(2)))));
        assertThat(read((SyncTransaction tx) -> tx.orders().findAll(List.of("BS-1", "BS-2")))).isEmpty();
    }

    @Test
    void findAllAndSaveAllRefuseNull() {
        assertThatThrownBy(() -> read(tx -> tx.orders().findAll(Arrays.asList("BS-1", null))))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> read(tx -> tx.orders().findAll(null))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> write(tx -> tx.orders().saveAll(null))).isInstanceOf(NullPointerException.class);
    }
}
