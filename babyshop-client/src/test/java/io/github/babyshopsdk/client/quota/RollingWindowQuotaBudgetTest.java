package io.github.babyshopsdk.client.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingWindowQuotaBudgetTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void grantsUpToTheLimitThenSaysHowLongToWait() {
        RollingWindowQuotaBudget budget = RollingWindowQuotaBudget.of(3, Duration.ofMinutes(5));
        assertThat(budget.tryAcquire(0, T0).isGranted()).isTrue();
        assertThat(budget.tryAcquire(0, T0.plusSeconds(60)).isGranted()).isTrue();
        assertThat(budget.tryAcquire(0, T0.plusSeconds(120)).isGranted()).isTrue();

        QuotaDecision refused = budget.tryAcquire(0, T0.plusSeconds(130));

        assertThat(refused.isGranted()).isFalse();
        assertThat(refused.waitTime()).isEqualTo(Duration.ofSeconds(170));
    }

    @Test
    void aCallLeavesTheWindowExactlyOneWindowAfterItStarted() {
        RollingWindowQuotaBudget budget = RollingWindowQuotaBudget.of(1, Duration.ofMinutes(5));
        budget.tryAcquire(0, T0);

        assertThat(budget.tryAcquire(0, T0.plus(Duration.ofMinutes(5)).minusNanos(1)).isGranted()).isFalse();
        assertThat(budget.tryAcquire(0, T0.plus(Duration.ofMinutes(5))).isGranted()).isTrue();
    }

    @Test
    void snapshotReportsRemainingAndNextPermitWithoutTakingOne() {
        RollingWindowQuotaBudget budget = RollingWindowQuotaBudget.of(2, Duration.ofMinutes(5));
        budget.tryAcquire(0, T0);

        QuotaSnapshot one = budget.snapshot(T0.plusSeconds(10));
        assertThat(one.remaining()).isEqualTo(1);
        assertThat(one.nextPermitIn()).isZero();
        assertThat(budget.snapshot(T0.plusSeconds(10)).remaining()).isEqualTo(1);

        budget.tryAcquire(0, T0.plusSeconds(20));
        QuotaSnapshot none = budget.snapshot(T0.plusSeconds(30));
        assertThat(none.remaining()).isZero();
        assertThat(none.nextPermitIn()).isEqualTo(Duration.ofSeconds(270));
        assertThat(none.limit()).isEqualTo(2);
        assertThat(none.window()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aServerQuotaAnswerBlocksEveryPermitUntilTheBackoffEnds() {
        RollingWindowQuotaBudget budget = RollingWindowQuotaBudget.of(40, Duration.ofMinutes(5));
        budget.block(T0.plusSeconds(60));

        assertThat(budget.tryAcquire(0, T0.plusSeconds(1)).waitTime()).isEqualTo(Duration.ofSeconds(59));
        assertThat(budget.snapshot(T0.plusSeconds(1)).remaining()).isZero();
        assertThat(budget.tryAcquire(0, T0.plusSeconds(60)).isGranted()).isTrue();
    }

    @Test
    void neverGrantsMoreThanTheLimitInAnyWindowUnderRandomArrivals() {
        Duration window = Duration.ofMinutes(5);
        RollingWindowQuotaBudget budget = RollingWindowQuotaBudget.of(40, window);
        Random random = new Random(42);
        List<Instant> granted = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 20_000; i++) {
            now = now.plusMillis(random.nextInt(20_000));
            if (budget.tryAcquire(0, now).isGranted()) {
                granted.add(now);
            }
        }
        assertThat(granted).hasSizeGreaterThan(1000);
        for (int i = 40; i < granted.size(); i++) {
            // the 41st call after any call must start at least one window later
            assertThat(Duration.between(granted.get(i - 40), granted.get(i))).isGreaterThanOrEqualTo(window);
        }
    }

    @Test
    void rejectsNonsenseLimits() {
        assertThatThrownBy(() -> RollingWindowQuotaBudget.of(0, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RollingWindowQuotaBudget.of(40, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
