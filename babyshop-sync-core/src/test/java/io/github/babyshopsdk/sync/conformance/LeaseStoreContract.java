package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LeaseStore}: one holder per flow; taken over once expired ({@code expiry <= now}); extended by its
 * holder; released only by its holder.
 */
public abstract class LeaseStoreContract extends StoreContractSupport {

    private static final Duration TTL = Duration.ofSeconds(30);

    private LeaseStore leases() {
        return store.leases();
    }

    @Test
    void aFreeLeaseIsAcquired() {
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
    }

    @Test
    void aHeldLeaseIsRefusedToAnotherOwnerUntilItExpires() {
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(0), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(29), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(30).minusNanos(1_000), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(1), TTL)).as("still held by node-a").isTrue();
    }

    @Test
    void anExpiredLeaseIsTakenOverAtItsExpiry() {
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(30), TTL)).as("expiry <= now").isTrue();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(31), TTL)).as("node-b holds it now").isFalse();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(59), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(60), TTL)).isTrue();
    }

    @Test
    void aLongExpiredLeaseIsTakenOver() {
        assertThat(leases().tryAcquire(Flow.INVENTORY, "node-a", at(0), TTL)).isTrue();
        assertThat(leases().tryAcquire(Flow.INVENTORY, "node-b", at(86_400), TTL)).isTrue();
        assertThat(leases().tryAcquire(Flow.INVENTORY, "node-a", at(86_401), TTL)).isFalse();
    }

    @Test
    void theHolderExtendsItsLease() {
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(20), TTL)).as("extended to 50").isTrue();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(40), TTL)).as("past the first expiry").isFalse();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(49), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(50), TTL)).isTrue();
    }

    @Test
    void theHolderReacquiresItsExpiredLease() {
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(100), TTL)).isTrue();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(120), TTL)).isFalse();
    }

    @Test
    void theTtlOfEachAcquisitionCounts() {
        assertThat(leases().tryAcquire(Flow.SHIPMENTS, "node-a", at(0), Duration.ofMinutes(10))).isTrue();
        assertThat(leases().tryAcquire(Flow.SHIPMENTS, "node-b", at(599), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.SHIPMENTS, "node-b", at(600), Duration.ofMillis(1))).isTrue();
        assertThat(leases().tryAcquire(Flow.SHIPMENTS, "node-a", at(600).plusNanos(999_000), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.SHIPMENTS, "node-a", at(600).plusMillis(1), TTL)).isTrue();
    }

    @Test
    void releaseByTheHolderFreesTheLease() {
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
        leases().release(Flow.ORDERS, "node-a");
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(1), TTL)).isTrue();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(2), TTL)).isFalse();
    }

    @Test
    void releaseByAnotherOwnerIsIgnored() {
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
        leases().release(Flow.ORDERS, "node-b");
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(1), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(2), TTL)).isTrue();
    }

    @Test
    void releaseOfAFreeLeaseOrAnotherFlowIsIgnored() {
        leases().release(Flow.CATALOG, "node-a");
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
        leases().release(Flow.CATALOG, "node-a");
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(1), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.CATALOG, "node-b", at(1), TTL)).isTrue();
    }

    @Test
    void eachFlowHasItsOwnLease() {
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
        for (Flow flow : Flow.values()) {
            if (flow != Flow.ORDERS) {
                assertThat(leases().tryAcquire(flow, "node-b", at(0), TTL)).as(flow.name()).isTrue();
            }
        }
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(1), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.CATALOG, "node-a", at(1), TTL)).isFalse();
    }

    @Test
    void ownersAreExact() {
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
        assertThat(leases().tryAcquire(Flow.ORDERS, "NODE-A", at(1), TTL)).isFalse();
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a ", at(1), TTL)).isFalse();
    }

    @Test
    void leasesAreIndependentOfTransactions() {
        write(tx -> tx.cursors().put("x", "1"));
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-a", at(0), TTL)).isTrue();
        writeThenFail(tx -> tx.cursors().put("x", "2"));
        assertThat(leases().tryAcquire(Flow.ORDERS, "node-b", at(1), TTL)).isFalse();
    }

    /** Of eight owners racing for one free lease at the same instant, exactly one gets it. */
    @Test
    @Timeout(60)
    void exactlyOneOfManyConcurrentOwnersAcquires() throws Exception {
        int owners = 8;
        for (int round = 0; round < 20; round++) {
            Flow flow = Flow.values()[round % Flow.values().length];
            Instant now = at(round * 1_000L);
            ExecutorService pool = Executors.newFixedThreadPool(owners);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < owners; i++) {
                    String owner = "node-" + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        return leases().tryAcquire(flow, owner, now, TTL);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> result : results) {
                    if (result.get(30, TimeUnit.SECONDS)) {
                        winners++;
                    }
                }
                assertThat(winners).as("owners holding the %s lease in round %d", flow, round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}
