package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseLostException;
import io.github.babyshopsdk.sync.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fencing tokens of {@link LeaseStore} and {@link io.github.babyshopsdk.sync.state.SyncTransaction#fence}: every
 * acquisition gets a greater token (also after a release or a takeover, also for the same owner); renewal
 * keeps the token and is refused once the lease changed hands or was released; a transaction fenced with a
 * token that is no longer current (or released) throws {@link LeaseLostException} and keeps none of its
 * writes, even if the work catches the exception and goes on; and a takeover cannot slip between a
 * transaction's fence and its commit.
 */
public abstract class LeaseFencingContract extends StoreContractSupport {

    private static final Duration TTL = Duration.ofSeconds(30);

    private LeaseStore leases() {
        return store.leases();
    }

    private Lease acquire(Flow flow, String owner, Instant now) {
        Optional<Lease> lease = leases().acquire(flow, owner, now, TTL);
        assertThat(lease).as("%s acquires %s at %s", owner, flow, now).isPresent();
        return lease.get();
    }

    @Test
    void anAcquisitionNamesItsHolderTokenAndExpiry() {
        Lease lease = acquire(Flow.ORDERS, "node-a", at(0));
        assertThat(lease.flow()).isEqualTo(Flow.ORDERS);
        assertThat(lease.holder()).isEqualTo("node-a");
        assertThat(lease.token()).isPositive();
        assertThat(lease.expiresAt()).isEqualTo(at(30));
        assertThat(leases().current(Flow.ORDERS)).contains(lease);
        assertThat(leases().current(Flow.CATALOG)).isEmpty();
        assertThat(leases().acquire(Flow.ORDERS, "node-b", at(1), TTL)).isEmpty();
    }

    @Test
    void everyAcquisitionGetsAGreaterToken() {
        Lease first = acquire(Flow.ORDERS, "node-a", at(0));
        Lease again = acquire(Flow.ORDERS, "node-a", at(1));
        assertThat(again.token()).as("the same owner acquiring again").isGreaterThan(first.token());
        Lease takenOver = acquire(Flow.ORDERS, "node-b", at(100));
        assertThat(takenOver.token()).as("a takeover").isGreaterThan(again.token());
        leases().release(takenOver);
        Lease afterRelease = acquire(Flow.ORDERS, "node-a", at(101));
        assertThat(afterRelease.token()).as("after a release").isGreaterThan(takenOver.token());
        leases().release(Flow.ORDERS, "node-a");
        assertThat(acquire(Flow.ORDERS, "node-c", at(102)).token()).isGreaterThan(afterRelease.token());
    }

    @Test
    void renewalKeepsTheTokenAndMovesTheExpiry() {
        Lease lease = acquire(Flow.SHIPMENTS, "node-a", at(0));
        Optional<Lease> renewed = leases().renew(lease, at(20), TTL);
        assertThat(renewed).isPresent();
        assertThat(renewed.get().token()).isEqualTo(lease.token());
        assertThat(renewed.get().expiresAt()).isEqualTo(at(50));
        assertThat(leases().acquire(Flow.SHIPMENTS, "node-b", at(40), TTL)).as("renewed until 50").isEmpty();
        assertThat(leases().acquire(Flow.SHIPMENTS, "node-b", at(50), TTL)).isPresent();
    }

    @Test
    void anExpiredLeaseNobodyTookOverCanStillBeRenewed() {
        Lease lease = acquire(Flow.ORDERS, "node-a", at(0));
        assertThat(leases().renew(lease, at(45), TTL)).map(Lease::expiresAt).contains(at(75));
        assertThat(leases().acquire(Flow.ORDERS, "node-b", at(60), TTL)).isEmpty();
    }

    @Test
    void renewalIsRefusedOnceTheLeaseChangedHandsOrWasReleased() {
        Lease lease = acquire(Flow.ORDERS, "node-a", at(0));
        Lease other = acquire(Flow.ORDERS, "node-b", at(31));
        assertThat(leases().renew(lease, at(32), TTL)).as("taken over").isEmpty();
        assertThat(leases().acquire(Flow.ORDERS, "node-c", at(40), TTL)).as("node-b's lease was not extended by it")
                .isEmpty();
        leases().release(other);
        assertThat(leases().renew(other, at(41), TTL)).as("released").isEmpty();
        Lease same = acquire(Flow.ORDERS, "node-a", at(42));
        Lease superseded = acquire(Flow.ORDERS, "node-a", at(43));
        assertThat(leases().renew(same, at(44), TTL)).as("superseded by its own owner").isEmpty();
        assertThat(leases().renew(superseded, at(44), TTL)).isPresent();
    }

    @Test
    void aStaleReleaseDoesNotFreeTheNewHoldersLease() {
        Lease old = acquire(Flow.INVENTORY, "node-a", at(0));
        acquire(Flow.INVENTORY, "node-b", at(30));
        leases().release(old);
        assertThat(leases().acquire(Flow.INVENTORY, "node-c", at(31), TTL)).isEmpty();
        assertThat(leases().current(Flow.INVENTORY)).map(Lease::holder).contains("node-b");
    }

    @Test
    void aReleasedLeaseIsNotHeld() {
        Lease lease = acquire(Flow.CATALOG, "node-a", at(0));
        leases().release(lease);
        Optional<Lease> current = leases().current(Flow.CATALOG);
        assertThat(current).isPresent();
        assertThat(current.get().heldAt(at(1))).isFalse();
        assertThat(leases().acquire(Flow.CATALOG, "node-b", at(1), TTL)).isPresent();
    }

    @Test
    void aTransactionFencedWithTheCurrentTokenCommits() {
        Lease lease = acquire(Flow.ORDERS, "node-a", at(0));
        write(tx -> {
            tx.fence(lease);
            tx.cursors().put("orders", "1");
        });
        Lease renewed = leases().renew(lease, at(10), TTL).orElseThrow();
        write(tx -> {
            tx.fence(renewed);
            tx.cursors().put("orders", "2");
        });
        write(tx -> {
            tx.fence(lease);
            tx.cursors().put("orders", "3");
        });
        assertThat(cursor("orders")).contains("3");
    }

    @Test
    void aTransactionFencedWithAStaleTokenIsRefusedAndKeepsNothing() {
        Lease old = acquire(Flow.ORDERS, "node-a", at(0));
        Lease current = acquire(Flow.ORDERS, "node-b", at(30));
        write(tx -> tx.cursors().put("orders", "node-b"));

        Throwable refused = catchThrowable(() -> write(tx -> {
            tx.cursors().put("other", "written before the fence");
            tx.fence(old);
            tx.cursors().put("orders", "node-a");
        }));

        assertThat(refused).isInstanceOf(LeaseLostException.class);
        assertThat(((LeaseLostException) refused).flow()).isEqualTo(Flow.ORDERS);
        assertThat(cursor("orders")).contains("node-b");
        assertThat(cursor("other")).isEmpty();
        write(tx -> tx.fence(current));
    }

    @Test
    void aTransactionThatCatchesARefusedFenceAndGoesOnIsNotCommitted() {
        Lease old = acquire(Flow.SHIPMENTS, "node-a", at(0));
        acquire(Flow.SHIPMENTS, "node-b", at(30));

        Throwable refused = catchThrowable(() -> write(tx -> {
            try {
                tx.fence(old);
            } catch (LeaseLostException e) {
                // a careless caller goes on
            }
            tx.cursors().put("shipments", "node-a");
        }));

        assertThat(refused).isInstanceOf(LeaseLostException.class);
        assertThat(cursor("shipments")).isEmpty();
    }

    @Test
    void aTransactionFencedWithAReleasedOrUnknownLeaseIsRefused() {
        Lease lease = acquire(Flow.CANCELLATIONS, "node-a", at(0));
        leases().release(lease);
        assertThat(catchThrowable(() -> write(tx -> tx.fence(lease)))).isInstanceOf(LeaseLostException.class);
        Lease never = Lease.of(Flow.CATALOG, "node-a", 1, at(30));
        assertThat(catchThrowable(() -> write(tx -> tx.fence(never)))).isInstanceOf(LeaseLostException.class);
    }

    @Test
    void fencesAreCheckedPerFlow() {
        Lease orders = acquire(Flow.ORDERS, "node-a", at(0));
        acquire(Flow.CATALOG, "node-b", at(0));
        acquire(Flow.CATALOG, "node-c", at(31));
        write(tx -> {
            tx.fence(orders);
            tx.cursors().put("orders", "ok");
        });
        assertThat(cursor("orders")).contains("ok");
    }

    /**
     * A takeover cannot happen between a transaction's fence and its commit: a node acquiring the expired lease
     * meanwhile gets it only after the fenced transaction ended (its writes are ordered before the takeover).
     */
    @Test
    @Timeout(60)
    void aTakeoverWaitsForAFencedTransactionInProgress() throws Exception {
        Lease old = acquire(Flow.ORDERS, "node-a", at(0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch fenced = new CountDownLatch(1);
            AtomicBoolean workDone = new AtomicBoolean();
            Future<?> holder = pool.submit(() -> write(tx -> {
                tx.fence(old);
                fenced.countDown();
                pause(300);
                tx.cursors().put("orders", "node-a");
                workDone.set(true);
            }));
            assertThat(fenced.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> takeover = pool.submit(() -> {
                Optional<Lease> lease = leases().acquire(Flow.ORDERS, "node-b", at(31), TTL);
                return lease.isPresent() && workDone.get();
            });
            holder.get(30, TimeUnit.SECONDS);
            assertThat(takeover.get(30, TimeUnit.SECONDS))
                    .as("node-b got the lease, and only after node-a's fenced transaction ended").isTrue();
            assertThat(cursor("orders")).contains("node-a");
            assertThat(catchThrowable(() -> write(tx -> tx.fence(old)))).isInstanceOf(LeaseLostException.class);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Optional<String> cursor(String key) {
        Optional<String> value = read(tx -> tx.cursors().get(key));
        return value;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
