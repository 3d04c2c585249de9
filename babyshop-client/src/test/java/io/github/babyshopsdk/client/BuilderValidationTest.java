package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BuilderValidationTest {
    private static final Credentials CREDENTIALS = Credentials.of("seller", "secret-password");

    @Test
    void aMissingBaseUrlFailsInBuildSayingWhatToSet() {
        assertThatThrownBy(() -> BabyshopClient.builder().credentials(CREDENTIALS).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseUrl is required");
    }

    @Test
    void missingCredentialsFailInBuild() {
        assertThatThrownBy(() -> BabyshopClient.builder().baseUrl("https://tenant.example/RestWS/api/sellerPanel/v3/").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials are required");
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> BabyshopClient.builder().credentials(CREDENTIALS)
                .baseUrl("http://tenant.example/RestWS/api/sellerPanel/v3/").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must use https")
                .hasMessageContaining("allowInsecureHttp");
        assertThat(BabyshopClient.builder().credentials(CREDENTIALS).allowInsecureHttp()
                .baseUrl("http://127.0.0.1:1/RestWS/api/sellerPanel/v3/").build().baseUrl())
                .startsWith("http://127.0.0.1:1/");
    }

    @Test
    void aMissingTrailingSlashIsAddedAndTheDefaultZoneIsIst() {
        BabyshopClient client = BabyshopClient.builder().credentials(CREDENTIALS)
                .baseUrl("https://tenant.example/RestWS/api/sellerPanel/v3").build();
        assertThat(client.baseUrl()).isEqualTo("https://tenant.example/RestWS/api/sellerPanel/v3/");
        assertThat(client.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(client.quota().limit()).isEqualTo(40);
        assertThat(client.quota().window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(client.quota().limits()).isEqualTo(QuotaLimits.vinculumDefault());
    }

    @Test
    void quotaLimitsAreTakenAsGivenAndTheLastQuotaSettingWins() {
        BabyshopClient.Builder base = BabyshopClient.builder().credentials(CREDENTIALS)
                .baseUrl("https://tenant.example/RestWS/api/sellerPanel/v3/");
        QuotaLimits limits = QuotaLimits.builder().limit(20).window(Duration.ofMinutes(1)).reservePerTier(3).build();

        assertThat(base.quota(limits).build().quota().limits()).isEqualTo(limits);
        assertThat(base.quota(10, Duration.ofMinutes(2)).build().quota().limits())
                .isEqualTo(QuotaLimits.of(10, Duration.ofMinutes(2)));
        RollingWindowQuotaBudget shared = RollingWindowQuotaBudget.of(7, Duration.ofMinutes(1));
        assertThat(base.quota(limits).quotaBudget(shared).build().quota().limits())
                .as("a given budget's limits win").isEqualTo(shared.limits());
        assertThatThrownBy(() -> base.quota((QuotaLimits) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> base.quotaWaiter(null).build()).hasMessageContaining("quotaWaiter");
    }

    @Test
    void badValuesFailInBuildWithTheirNames() {
        BabyshopClient.Builder base = BabyshopClient.builder().credentials(CREDENTIALS)
                .baseUrl("https://tenant.example/RestWS/api/sellerPanel/v3/");
        assertThatThrownBy(() -> base.quota(0, Duration.ofMinutes(5)).build()).hasMessageContaining("quota limit");
        assertThatThrownBy(() -> base.quota(40, Duration.ZERO).build()).hasMessageContaining("quota window");
        base.quota(40, Duration.ofMinutes(5));
        assertThatThrownBy(() -> base.readTimeout(Duration.ZERO).build()).hasMessageContaining("readTimeout");
        base.readTimeout(Duration.ofSeconds(5));
        assertThatThrownBy(() -> base.maxPages(0).build()).hasMessageContaining("maxPages");
        base.maxPages(10);
        assertThatThrownBy(() -> base.zone(null).build()).hasMessageContaining("zone");
        assertThatThrownBy(() -> BabyshopClient.builder().credentials(CREDENTIALS).baseUrl("ftp://x/").build())
                .hasMessageContaining("not an http(s) URL");
    }

    @Test
    void credentialsRefuseBlankValuesAndNeverPrintThePassword() {
        assertThatThrownBy(() -> Credentials.of(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("username");
        assertThatThrownBy(() -> Credentials.of("u", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password");
        assertThat(CREDENTIALS.toString()).contains("seller").doesNotContain("secret-password");
    }
}
