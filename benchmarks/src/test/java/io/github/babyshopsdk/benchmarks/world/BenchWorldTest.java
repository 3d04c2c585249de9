package io.github.babyshopsdk.benchmarks.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.NotificationRecord;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderNotifications;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchWorldTest {
    private static final RunSettings NO_POSTGRES = new RunSettings(true, Optional.empty(), "postgres", "");

    @Test
    void onH2StateTheHostLoopImportsAnOrderPlacedBetweenPollsAtTheNextOrdersRun() {
        try (BenchWorld world = BenchWorld.builder(Fixture.of(3, 20, 30)).state(StateKind.H2_MEMORY, NO_POSTGRES)
                .build()) {
            Instant start = world.now();
            world.runFor(Duration.ofMinutes(5));
            SimOrder[] placed = new SimOrder[1];
            world.at(start.plus(Duration.ofMinutes(7)), () -> placed[0] = world.simulator().store().generateOrder());

            world.runFor(Duration.ofMinutes(30));

            assertThat(world.reports(Flow.ORDERS)).extracting(r -> r.outcome())
                    .containsExactly(FlowOutcome.COMPLETED, FlowOutcome.COMPLETED);
            // placed at +7 min, the orders flow (every 30 min) runs again at +30 min
            assertThat(world.host().orderCreatedAt(placed[0].orderNo()))
                    .contains(start.plus(Duration.ofMinutes(30)));
            CallCounts calls = world.callCounts();
            assertThat(calls.of(Operation.AUTH_TOKEN)).isEqualTo(1);
            // the two orders runs, and the first (daily) reconciliation's listing of the window
            assertThat(calls.of(Operation.ORDER_LIST)).isEqualTo(3);
            assertThat(calls.quotaExceeded()).isZero();
            assertThat(world.simulator().requests().size()).as("taken over from the simulator").isZero();
        }
    }

    @Test
    void backToBackStretchesCountEveryCallOnce() {
        try (BenchWorld world = BenchWorld.builder(Fixture.of(4, 10, 30)).build()) {
            Instant start = world.now();
            Instant middle = start.plus(Duration.ofMinutes(30));
            world.runFor(Duration.ofMinutes(30));
            // the orders flow (every 30 min) is due exactly at the end of the stretch: that run is the next one's
            assertThat(world.reports(Flow.ORDERS)).hasSize(1);
            world.runFor(Duration.ofMinutes(30));

            assertThat(world.reports(Flow.ORDERS)).extracting(r -> r.startedAt()).containsExactly(start, middle);
            int first = world.callCounts(start, middle).total();
            int second = world.callCounts(middle, world.now()).total();

            assertThat(world.callCounts(middle, world.now()).of(Operation.ORDER_LIST)).isEqualTo(1);
            assertThat(first + second).isEqualTo(world.callCounts().total());
        }
    }

    @Test
    void withOrderNotificationsAnOrderPlacedBetweenPollsIsInTheHostSecondsLater() {
        try (BenchWorld world = BenchWorld.builder(Fixture.of(3, 20, 30)).tick(Duration.ofSeconds(1))
                .notifications(receiver -> OrderNotifications.builder().sink(receiver).build()).build()) {
            Instant start = world.now();
            world.runFor(Duration.ofMinutes(5));
            SimOrder[] placed = new SimOrder[1];
            Instant at = start.plus(Duration.ofMinutes(7));
            world.at(at, () -> placed[0] = world.simulator().store().generateOrder());

            world.runFor(Duration.ofMinutes(10));

            // notified at once, pushed at the next tick (+1 s), hinted, fetched when the hint is due (+1 s)
            Instant inHost = world.host().orderCreatedAt(placed[0].orderNo()).orElseThrow();
            assertThat(inHost).isBetween(at.plusSeconds(1), at.plusSeconds(3));
            assertThat(world.simulator().notifications().log()).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo(NotificationRecord.Outcome.DELIVERED));
            // the polls did not move: the orders run at the start only (and the reconciliation's listing)
            assertThat(world.callCounts().of(Operation.ORDER_LIST)).isEqualTo(2);
        }
    }
}
