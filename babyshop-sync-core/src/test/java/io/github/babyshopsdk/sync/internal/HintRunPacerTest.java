package io.github.babyshopsdk.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.EngineOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pace of hint-only runs: a burst back to back, then one per interval, on the engine's time. */
class HintRunPacerTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static HintRunPacer pacer(int burst, Duration interval) {
        return new HintRunPacer(EngineOptions.builder().hintRunBurst(burst).hintRunInterval(interval).build());
    }

    @Test
    void aBurstRunsBackToBackThenOneRunPerInterval() {
        HintRunPacer pacer = pacer(3, Duration.ofSeconds(30));

        assertThat(pacer.tryTake(T0)).isTrue();
        assertThat(pacer.tryTake(T0)).isTrue();
        assertThat(pacer.tryTake(T0)).isTrue();
        assertThat(pacer.tryTake(T0)).as("the burst is spent").isFalse();
        assertThat(pacer.availableAt(T0)).isEqualTo(T0.plusSeconds(30));
        assertThat(pacer.tryTake(T0.plusSeconds(29))).isFalse();
        assertThat(pacer.tryTake(T0.plusSeconds(30))).isTrue();
        assertThat(pacer.availableAt(T0.plusSeconds(30))).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aQuietSpellRefillsTheBurstButNoMore() {
        HintRunPacer pacer = pacer(2, Duration.ofSeconds(30));
        pacer.tryTake(T0);
        pacer.tryTake(T0);

        Instant later = T0.plus(Duration.ofHours(5));
        assertThat(pacer.tryTake(later)).isTrue();
        assertThat(pacer.tryTake(later)).isTrue();
        assertThat(pacer.tryTake(later)).as("capacity is the burst").isFalse();
    }

    @Test
    void timeGoingBackwardsRefillsNothing() {
        HintRunPacer pacer = pacer(1, Duration.ofSeconds(30));
        assertThat(pacer.tryTake(T0)).isTrue();

        assertThat(pacer.tryTake(T0.minusSeconds(60))).isFalse();
        assertThat(pacer.tryTake(T0.plusSeconds(29))).isFalse();
        assertThat(pacer.tryTake(T0.plusSeconds(30))).isTrue();
    }

    @Test
    void aZeroIntervalDoesNotPace() {
        HintRunPacer pacer = pacer(1, Duration.ZERO);
        for (int i = 0; i < 100; i++) {
            assertThat(pacer.tryTake(T0)).isTrue();
        }
        assertThat(pacer.availableAt(T0)).isEqualTo(T0);
    }
}
