package io.github.babyshopsdk.benchmarks.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.quota.QuotaLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaFiguresTest {

    @Test
    void theShortestQuotaSafeOrdersIntervalForTheDefaultQuotaIsTwoMinutes() {
        // 2 calls per run within the 5 calls per 5 minutes kept for the most urgent tier
        assertThat(LatencySuite.shortestQuotaSafeInterval(QuotaLimits.vinculumDefault(), Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMinutes(2));
        // rounded up to whole ticks
        assertThat(LatencySuite.shortestQuotaSafeInterval(QuotaLimits.vinculumDefault(), Duration.ofSeconds(90)))
                .isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void floorsCountOneCallPerHundredRecordsAndSpreadThemOverTheWindow() {
        assertThat(Floors.pages(0)).isZero();
        assertThat(Floors.pages(100)).isEqualTo(1);
        assertThat(Floors.pages(101)).isEqualTo(2);
        // the figures: 81 calls at 40 per 5 minutes, 101 catalog calls at the catalog's 25
        assertThat(Floors.minutes(81, 40, QuotaLimits.vinculumDefault())).isEqualTo(10.125);
        assertThat(Floors.minutes(101, 25, QuotaLimits.vinculumDefault())).isEqualTo(20.2);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> sample = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(Percentiles.of(sample, 50)).isEqualTo(5.0);
        assertThat(Percentiles.of(sample, 95)).isEqualTo(10.0);
        assertThat(Percentiles.of(List.of(3.0), 95)).isEqualTo(3.0);
    }
}
