package io.github.babyshopsdk.client.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuotaLimitsTest {

    @Test
    void theDefaultIsVinculums40Per5MinutesWith5KeptPerTier() {
        QuotaLimits limits = QuotaLimits.vinculumDefault();

        assertThat(limits.limit()).isEqualTo(40);
        assertThat(limits.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(limits.reservePerTier()).isEqualTo(5);
        assertThat(limits.shareOf(0)).isEqualTo(40);
        assertThat(limits.shareOf(1)).isEqualTo(35);
        assertThat(limits.shareOf(2)).isEqualTo(30);
        assertThat(limits).isEqualTo(QuotaLimits.of(40, Duration.ofMinutes(5)));
    }

    @Test
    void theDefaultReserveIsAtMostAnEighthOfTheLimit() {
        assertThat(QuotaLimits.of(16, Duration.ofMinutes(1)).reservePerTier()).isEqualTo(2);
        assertThat(QuotaLimits.of(7, Duration.ofMinutes(1)).reservePerTier()).isZero();
        assertThat(QuotaLimits.of(1000, Duration.ofMinutes(1)).reservePerTier()).isEqualTo(5);
    }

    @Test
    void everyTierKeepsAtLeastOneCallPerWindow() {
        QuotaLimits limits = QuotaLimits.builder().limit(10).reservePerTier(5).build();

        assertThat(limits.reserveFor(3)).isEqualTo(9);
        assertThat(limits.shareOf(3)).isEqualTo(1);
        assertThat(limits.shareOf(Integer.MAX_VALUE)).isEqualTo(1);
    }

    @Test
    void nonsenseIsRefusedWithTheFieldsName() {
        assertThatThrownBy(() -> QuotaLimits.of(0, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> QuotaLimits.of(40, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> QuotaLimits.of(40, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> QuotaLimits.builder().reservePerTier(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reservePerTier");
        assertThatThrownBy(() -> QuotaLimits.vinculumDefault().reserveFor(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier");
        assertThatThrownBy(() -> RollingWindowQuotaBudget.vinculumDefault().tryAcquire(-1, java.time.Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSnapshotsRemainingForATierLeavesOutItsReserve() {
        QuotaSnapshot snapshot = QuotaSnapshot.of(QuotaLimits.vinculumDefault(), 12, Duration.ZERO);

        assertThat(snapshot.remainingFor(0)).isEqualTo(12);
        assertThat(snapshot.remainingFor(1)).isEqualTo(7);
        assertThat(snapshot.remainingFor(2)).isEqualTo(2);
        assertThat(snapshot.remainingFor(3)).isZero();
    }
}
