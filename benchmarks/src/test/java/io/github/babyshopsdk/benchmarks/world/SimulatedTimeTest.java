package io.github.babyshopsdk.benchmarks.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedTimeTest {
    private static final Instant T0 = Instant.parse("2026-03-02T04:30:00Z");

    @Test
    void aClientWaitMovesTheClockAndFiresActionsDueMeanwhileAtTheirOwnInstants() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(T0);
        SimulatedTime time = new SimulatedTime(clock);
        List<String> fired = new ArrayList<>();
        time.at(T0.plusSeconds(90), () -> fired.add("b@" + clock.instant()));
        time.at(T0.plusSeconds(30), () -> fired.add("a@" + clock.instant()));
        time.at(T0.plusSeconds(90), () -> fired.add("c@" + clock.instant()));
        time.at(T0.plusSeconds(400), () -> fired.add("late"));

        time.sleep(Duration.ofMinutes(5));

        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(fired).containsExactly("a@" + T0.plusSeconds(30), "b@" + T0.plusSeconds(90),
                "c@" + T0.plusSeconds(90));
        assertThat(time.slept()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void movingToAnInstantAlreadyPassedLeavesTheClockWhereItIs() {
        SimulatedClock clock = new SimulatedClock(T0);
        SimulatedTime time = new SimulatedTime(clock);
        time.advance(Duration.ofMinutes(2));

        time.moveTo(T0.plusSeconds(60));

        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void anActionMayNotMoveTheClock() {
        SimulatedClock clock = new SimulatedClock(T0);
        SimulatedTime time = new SimulatedTime(clock);
        time.at(T0.plusSeconds(1), () -> time.advance(Duration.ofSeconds(5)));

        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(2))).isInstanceOf(IllegalStateException.class);
    }
}
