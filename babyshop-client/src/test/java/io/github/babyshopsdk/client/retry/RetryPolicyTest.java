package io.github.babyshopsdk.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void transientBackoffIsFullJitterUnderAnExponentialCeiling() {
        RetryPolicy highest = RetryPolicy.builder().random(() -> 0.999999).build();
        RetryPolicy lowest = RetryPolicy.builder().random(() -> 0.0).build();

        assertThat(highest.transientBackoff(1)).isLessThan(Duration.ofSeconds(1)).isGreaterThan(Duration.ofMillis(999));
        assertThat(highest.transientBackoff(2)).isLessThan(Duration.ofSeconds(2)).isGreaterThan(Duration.ofMillis(1999));
        assertThat(highest.transientBackoff(4)).isLessThan(Duration.ofSeconds(8));
        assertThat(highest.transientBackoff(10)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(highest.transientBackoff(200)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(lowest.transientBackoff(3)).isZero();
    }

    @Test
    void quotaBackoffEscalatesAndStaysWithinItsJitter() {
        RetryPolicy middle = RetryPolicy.builder().random(() -> 0.5).build();
        assertThat(middle.quotaBackoff(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(middle.quotaBackoff(2)).isEqualTo(Duration.ofSeconds(120));
        assertThat(middle.quotaBackoff(3)).isEqualTo(Duration.ofSeconds(300));
        assertThat(middle.quotaBackoff(9)).isEqualTo(Duration.ofSeconds(300));

        RetryPolicy high = RetryPolicy.builder().random(() -> 1.0).build();
        RetryPolicy low = RetryPolicy.builder().random(() -> 0.0).build();
        assertThat(high.quotaBackoff(1)).isEqualTo(Duration.ofSeconds(72));
        assertThat(low.quotaBackoff(1)).isEqualTo(Duration.ofSeconds(48));
    }

    @Test
    void rejectsInvalidSettingsWithTheirNames() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().quotaJitter(1.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quotaJitter");
    }
}
