package io.github.babyshopsdk.client.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 9 (low): user info in a base URL is refused, and no message or toString ever shows it. */
class BaseUrlUserInfoIsNeverShownTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://user:s3cr3t-pw@tenant.example/RestWS/api/sellerPanel/v3/",
            "https://user:s3cr3t-pw@tenant.example", "https://s3cr3t-pw@tenant.example/x/",
            "https://user:s3cr3t-pw@/no host", "ftp://user:s3cr3t-pw@tenant.example/",
            "https://user:s3cr3t-pw@tenant.example:99999/"})
    void aBaseUrlWithUserInfoIsRefusedWithoutEchoingIt(String url) {
        assertThatThrownBy(() -> BabyshopClient.builder().baseUrl(url)
                .credentials(Credentials.of("seller", "pw")).build())
                .isInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw").doesNotContain("user:s3"));
    }

    @Test
    void toStringNeverShowsUserInfoOrAQuery() {
        try (MockSellerPanel panel = new MockSellerPanel(); BabyshopClient client = panel.client()) {
            assertThat(client.toString()).doesNotContain("@").doesNotContain(MockSellerPanel.PASSWORD)
                    .contains(panel.server().getHostName());
        }
    }
}
