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
}
