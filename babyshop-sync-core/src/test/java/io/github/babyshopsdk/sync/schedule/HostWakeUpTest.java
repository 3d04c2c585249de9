package io.github.babyshopsdk.sync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.spi.SyncScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a host needs to wake at the right time: the interval scheduler says when each flow is next due (agreeing
 * with {@code isDue}), a scheduler that cannot tell says nothing, and the runner's wait is until the next due
 * instant, within a second and the tick.
 */
class HostWakeUpTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration TICK = Duration.ofMinutes(1);

    @Test
    void theIntervalSchedulerSaysWhenAFlowIsNextDueAndAgreesWithIsDue() {
        IntervalSyncScheduler scheduler = IntervalSyncScheduler.defaults();
        Optional<Instant> last = Optional.of(T0);

        Instant due = scheduler.nextDue(Flow.CATALOG, last, T0).orElseThrow();

        assertThat(due).isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(scheduler.isDue(Flow.CATALOG, last, due.minusMillis(1))).isFalse();
        assertThat(scheduler.isDue(Flow.CATALOG, last, due)).isTrue();
        assertThat(scheduler.nextDue(Flow.ORDERS, Optional.empty(), T0)).as("never ran: due now").hasValue(T0);
    }

    @Test
    void aSchedulerThatCannotTellSaysNothing() {
        SyncScheduler custom = (flow, lastRun, now) -> true;

        assertThat(custom.nextDue(Flow.ORDERS, Optional.of(T0), T0)).isEmpty();
    }

    @Test
    void theRunnerWaitsUntilTheNextDueInstantWithinASecondAndTheTick() {
        assertThat(ExecutorSyncRunner.delay(Optional.of(T0.plusSeconds(20)), T0, TICK)).isEqualTo(Duration.ofSeconds(20));
        assertThat(ExecutorSyncRunner.delay(Optional.of(T0.plus(Duration.ofHours(6))), T0, TICK)).isEqualTo(TICK);
        assertThat(ExecutorSyncRunner.delay(Optional.empty(), T0, TICK)).as("cannot tell: a tick").isEqualTo(TICK);
        assertThat(ExecutorSyncRunner.delay(Optional.of(T0.minusSeconds(5)), T0, TICK)).as("due already")
                .isEqualTo(ExecutorSyncRunner.MIN_DELAY);
        assertThat(ExecutorSyncRunner.delay(Optional.of(T0), T0, Duration.ofMillis(200))).as("tick below a second")
                .isEqualTo(Duration.ofMillis(200));
        assertThatThrownBy(() -> ExecutorSyncRunner.delay(Optional.empty(), T0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
