package io.github.babyshopsdk.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.client.quota.QuotaWait;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseLostException;
import io.github.babyshopsdk.sync.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's quota waiter: the top tier waits visibly (the listener hears until when), in slices no longer
 * than the lease renewal interval, keeping its lease; a lost lease ends the wait; less urgent tiers and waits
 * beyond {@code maxQuotaWait} do not wait at all. On a movable clock, through a recording sleeper.
 */
class FlowQuotaWaiterTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration SLICE = Duration.ofSeconds(10);
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private final OutboundFixture.MovableClock clock = new OutboundFixture.MovableClock(T0);
    private final LeaseStore leases = InMemorySyncStateStore.create().leases();
    private final List<String> heard = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SyncListener listener = new SyncListener() {
        @Override
        public void waitingForQuota(Flow flow, Instant until) {
            heard.add(flow + " until " + until);
        }
    };

    private LeaseKeeper keeper(Flow flow) {
        Lease lease = leases.acquire(flow, "node-a", T0, TTL).orElseThrow();
        return new LeaseKeeper(leases, lease, clock, TTL);
    }

    private FlowQuotaWaiter waiter(Flow flow, LeaseKeeper keeper) {
        return new FlowQuotaWaiter(flow, keeper, listener, SLICE, MAX_WAIT);
    }

    private QuotaWait wait(int tier, Duration waitFor, Duration waited, Sleeper sleeper) {
        return QuotaWait.of(Operation.ORDER_LIST, tier, clock.instant(), waitFor, waited, sleeper);
    }

    /** A sleeper that moves the clock and records every sleep, then runs {@code during} (the world meanwhile). */
    private Sleeper sleeper(Runnable during) {
        return duration -> {
            sleeps.add(duration);
            clock.advance(duration);
            during.run();
        };
    }

    /**
     * Rule: the top tier waits the whole window, told to the listener once with until when, in slices no longer
     * than the renewal interval; its lease is renewed after every slice, so another node is refused the flow
     * throughout, also long after the lease's first expiry.
     */
    @Test
    void theTopTierWaitsVisiblyInSlicesAndKeepsItsLease() throws Exception {
        LeaseKeeper keeper = keeper(Flow.ORDERS);
        List<Boolean> otherNodeGotIt = new ArrayList<>();
        Sleeper sleeper = sleeper(() -> otherNodeGotIt.add(leases.acquire(Flow.ORDERS, "node-b", clock.instant(), TTL)
                .isPresent()));

        boolean waited = waiter(Flow.ORDERS, keeper).await(wait(0, Duration.ofSeconds(95), Duration.ZERO, sleeper));

        assertThat(waited).isTrue();
        assertThat(heard).containsExactly("ORDERS until " + T0.plusSeconds(95));
        assertThat(sleeps).hasSize(10).allSatisfy(slice -> assertThat(slice).isLessThanOrEqualTo(SLICE));
        assertThat(sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(95));
        assertThat(otherNodeGotIt).hasSize(10).containsOnly(false);
        assertThat(keeper.isLost()).isFalse();
        assertThat(leases.current(Flow.ORDERS).orElseThrow().expiresAt()).isEqualTo(T0.plusSeconds(95).plus(TTL));
    }

    /** Rule: cancellations share the top tier: they wait too. */
    @Test
    void cancellationsWaitAsOrdersDo() throws Exception {
        boolean waited = waiter(Flow.CANCELLATIONS, keeper(Flow.CANCELLATIONS))
                .await(wait(0, Duration.ofSeconds(5), Duration.ZERO, sleeper(() -> { })));

        assertThat(waited).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
        assertThat(heard).containsExactly("CANCELLATIONS until " + T0.plusSeconds(5));
    }

    /** Rule: a less urgent tier never waits: no sleep, no listener call; the call fails and the flow stops. */
    @Test
    void aLessUrgentTierNeverWaits() throws Exception {
        for (Flow flow : List.of(Flow.SHIPMENTS, Flow.INVENTORY, Flow.CATALOG)) {
            boolean waited = waiter(flow, keeper(flow)).await(wait(flow.priority(), Duration.ofSeconds(1),
                    Duration.ZERO, sleeper(() -> { })));

            assertThat(waited).as("%s", flow).isFalse();
        }
        assertThat(sleeps).isEmpty();
        assertThat(heard).isEmpty();
    }

    /** Rule: one call's total wait is bounded by maxQuotaWait: a wait that would pass it is refused without sleeping. */
    @Test
    void aWaitBeyondMaxQuotaWaitIsRefused() throws Exception {
        FlowQuotaWaiter waiter = waiter(Flow.ORDERS, keeper(Flow.ORDERS));

        assertThat(waiter.await(wait(0, Duration.ofMinutes(10), Duration.ofMinutes(6), sleeper(() -> { })))).isFalse();
        assertThat(sleeps).isEmpty();
        assertThat(heard).isEmpty();
        assertThat(waiter.await(wait(0, Duration.ofMinutes(9), Duration.ofMinutes(6), sleeper(() -> { }))))
                .as("exactly maxQuotaWait in all").isTrue();
    }

    /** Rule: a lease lost during the wait (taken over, released) ends it after the slice in which it was lost. */
    @Test
    void aLeaseLostDuringTheWaitEndsIt() {
        LeaseKeeper keeper = keeper(Flow.ORDERS);
        Sleeper sleeper = sleeper(() -> {
            if (sleeps.size() == 2) {
                leases.release(keeper.lease()); // e.g. an operator freed the flow, or the engine closed
            }
        });

        assertThatThrownBy(() -> waiter(Flow.ORDERS, keeper).await(wait(0, Duration.ofMinutes(2), Duration.ZERO,
                sleeper))).isInstanceOf(LeaseLostException.class);

        assertThat(sleeps).hasSize(2);
        assertThat(keeper.isLost()).isTrue();
    }

    /** Rule: a run whose lease is already lost does not start waiting. */
    @Test
    void aRunThatLostItsLeaseDoesNotWait() {
        LeaseKeeper keeper = keeper(Flow.ORDERS);
        keeper.markLost("taken over");

        assertThatThrownBy(() -> waiter(Flow.ORDERS, keeper).await(wait(0, Duration.ofSeconds(30), Duration.ZERO,
                sleeper(() -> { })))).isInstanceOf(LeaseLostException.class);

        assertThat(sleeps).isEmpty();
        assertThat(heard).isEmpty();
    }
}
