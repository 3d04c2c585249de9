package io.github.babyshopsdk.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.quota.QuotaWait;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The continuation rule: a run that stopped for quota goes on when the budget said its tier gets the next permit
 * (the waiter remembers the last refusal it did not wait for), else a minute after it ended; any other outcome has
 * no continuation; a completed catalog run that imported SKUs feeds the inventory flow; the cursor text.
 */
class FlowContinuationTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static FlowReport report(Flow flow, FlowOutcome outcome, int imported) {
        return FlowReport.builder().flow(flow).outcome(outcome).startedAt(T0).finishedAt(T0.plusSeconds(3))
                .imported(imported).build();
    }

    @Test
    void theWaiterRemembersTheLastRefusalItDidNotWaitFor() throws Exception {
        LeaseStore leases = InMemorySyncStateStore.create().leases();
        Lease lease = leases.acquire(Flow.CATALOG, "node-a", T0, Duration.ofSeconds(30)).orElseThrow();
        OutboundFixture.MovableClock clock = new OutboundFixture.MovableClock(T0);
        FlowQuotaWaiter waiter = new FlowQuotaWaiter(Flow.CATALOG,
                new LeaseKeeper(leases, lease, clock, Duration.ofSeconds(30)), SyncListener.none(),
                Duration.ofSeconds(10), Duration.ofMinutes(15));
        assertThat(waiter.refusedUntil()).isEmpty();

        waiter.await(QuotaWait.of(Operation.PRODUCT_FETCH, 3, T0, Duration.ofMinutes(4), Duration.ZERO, d -> { }));
        waiter.await(QuotaWait.of(Operation.PRODUCT_FETCH, 3, T0.plusSeconds(1), Duration.ofMinutes(2),
                Duration.ZERO, d -> { }));

        assertThat(waiter.refusedUntil()).as("the last refusal").hasValue(T0.plusSeconds(1).plus(Duration.ofMinutes(2)));
    }

    @Test
    void aRunStoppedForQuotaContinuesWhenItsTierNextGetsAPermit() {
        Instant until = T0.plus(Duration.ofMinutes(5));

        FlowReport settled = FlowContinuation.settle(report(Flow.CATALOG, FlowOutcome.WAITING_ON_QUOTA, 10),
                Optional.of(until));

        assertThat(settled.continueAt()).hasValue(until);
        assertThat(FlowContinuation.text(settled)).isEqualTo(until.toString());
        assertThat(FlowContinuation.parse(Optional.of(FlowContinuation.text(settled)))).hasValue(until);
    }

    @Test
    void withoutARefusalSeenItContinuesAMinuteAfterItEnded() {
        FlowReport settled = FlowContinuation.settle(report(Flow.INVENTORY, FlowOutcome.WAITING_ON_QUOTA, 0),
                Optional.empty());

        assertThat(settled.continueAt()).hasValue(T0.plusSeconds(3).plus(FlowContinuation.FALLBACK));
    }

    @Test
    void everyOtherOutcomeHasNoContinuationAndClearsTheCursor() {
        for (FlowOutcome outcome : FlowOutcome.values()) {
            if (outcome == FlowOutcome.WAITING_ON_QUOTA) {
                continue;
            }
            FlowReport settled = FlowContinuation.settle(FlowReport.builder().from(report(Flow.ORDERS, outcome, 0))
                    .continueAt(T0).build(), Optional.of(T0.plusSeconds(60)));
            assertThat(settled.continueAt()).as(outcome.name()).isEmpty();
            assertThat(FlowContinuation.text(settled)).isEmpty();
        }
        assertThat(FlowContinuation.parse(Optional.of(""))).isEmpty();
        assertThat(FlowContinuation.parse(Optional.of("not an instant"))).isEmpty();
        assertThat(FlowContinuation.parse(Optional.empty())).isEmpty();
    }

    @Test
    void onlyACompletedCatalogRunThatImportedSkusFeedsTheInventoryFlow() {
        assertThat(FlowContinuation.fedBy(report(Flow.CATALOG, FlowOutcome.COMPLETED, 3))).hasValue(Flow.INVENTORY);
        assertThat(FlowContinuation.fedBy(report(Flow.CATALOG, FlowOutcome.COMPLETED, 0))).isEmpty();
        assertThat(FlowContinuation.fedBy(report(Flow.CATALOG, FlowOutcome.WAITING_ON_QUOTA, 3))).isEmpty();
        assertThat(FlowContinuation.fedBy(report(Flow.ORDERS, FlowOutcome.COMPLETED, 3))).isEmpty();
    }
}
