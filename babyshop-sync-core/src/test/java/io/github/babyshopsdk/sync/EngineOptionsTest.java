package io.github.babyshopsdk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The engine options' defaults and validation. */
class EngineOptionsTest {

    @Test
    void theDependencyWaitDefaultsTo72Hours() {
        assertThat(EngineOptions.defaults().dependencyWait()).isEqualTo(Duration.ofHours(72));
        assertThat(EngineOptions.builder().dependencyWait(Duration.ofMinutes(1)).build().dependencyWait())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aDependencyWaitThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> EngineOptions.builder().dependencyWait(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dependencyWait");
        assertThatThrownBy(() -> EngineOptions.builder().dependencyWait(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dependencyWait");
    }

    @Test
    void theMaxQuotaWaitDefaultsTo15MinutesAndMayBeZeroButNotNegative() {
        assertThat(EngineOptions.defaults().maxQuotaWait()).isEqualTo(Duration.ofMinutes(15));
        assertThat(EngineOptions.builder().maxQuotaWait(Duration.ZERO).build().maxQuotaWait()).isZero();
        assertThatThrownBy(() -> EngineOptions.builder().maxQuotaWait(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQuotaWait");
    }

    @Test
    void theModerationScheduleDefaultsTo10MinutesAndOneHour() {
        assertThat(EngineOptions.defaults().moderationCheckDelay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(EngineOptions.defaults().moderationMaxWait()).isEqualTo(Duration.ofHours(1));
        EngineOptions legacy = EngineOptions.builder().moderationCheckDelay(Duration.ZERO)
                .moderationMaxWait(Duration.ZERO).build();
        assertThat(legacy.moderationCheckDelay()).isZero();
        assertThat(legacy.moderationMaxWait()).isZero();
    }

    @Test
    void aNegativeCheckDelayOrAMaxWaitShorterThanItIsRefused() {
        assertThatThrownBy(() -> EngineOptions.builder().moderationCheckDelay(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moderationCheckDelay");
        assertThatThrownBy(() -> EngineOptions.builder().moderationCheckDelay(Duration.ofHours(2)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moderationMaxWait");
    }

    @Test
    void theFirstRunAndReconciliationWindowsDefaultToSevenDaysAndMustBePositive() {
        EngineOptions defaults = EngineOptions.defaults();
        assertThat(defaults.orderImportWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.reconciliationWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.importOrdersCancelledBeforeFirstSeen()).isFalse();
        assertThat(defaults.orderImportFrom()).isEmpty();
        assertThatThrownBy(() -> EngineOptions.builder().orderImportWindow(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderImportWindow");
        assertThatThrownBy(() -> EngineOptions.builder().reconciliationWindow(Duration.ofDays(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reconciliationWindow");
    }

    @Test
    void theHintOptionsDefaultToOneSecondThreeAttemptsOneMinuteAndTenThousand() {
        EngineOptions defaults = EngineOptions.defaults();
        assertThat(defaults.hintDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.hintAttempts()).isEqualTo(3);
        assertThat(defaults.hintRetryDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.maxPendingHints()).isEqualTo(10_000);
        EngineOptions set = EngineOptions.builder().hintDelay(Duration.ZERO).hintAttempts(1)
                .hintRetryDelay(Duration.ofSeconds(10)).maxPendingHints(1).build();
        assertThat(set.hintDelay()).isZero();
        assertThat(set.hintAttempts()).isOne();
        assertThat(set.hintRetryDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(set.maxPendingHints()).isOne();
    }

    @Test
    void hintOptionsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> EngineOptions.builder().hintDelay(Duration.ofMillis(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hintDelay");
        assertThatThrownBy(() -> EngineOptions.builder().hintRetryDelay(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hintRetryDelay");
        assertThatThrownBy(() -> EngineOptions.builder().hintRetryDelay(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hintRetryDelay");
        assertThatThrownBy(() -> EngineOptions.builder().hintAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hintAttempts");
        assertThatThrownBy(() -> EngineOptions.builder().maxPendingHints(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPendingHints");
        assertThatThrownBy(() -> EngineOptions.builder().hintRunBurst(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hintRunBurst");
        assertThatThrownBy(() -> EngineOptions.builder().hintRunInterval(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hintRunInterval");
    }

    @Test
    void hintOnlyRunsArePacedTenBackToBackThenOnePerThirtySecondsByDefault() {
        EngineOptions defaults = EngineOptions.defaults();
        assertThat(defaults.hintRunBurst()).isEqualTo(10);
        assertThat(defaults.hintRunInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(EngineOptions.builder().hintRunInterval(Duration.ZERO).build().hintRunInterval()).isZero();
    }
}
