package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuotaTest {

    private static final String LIST = "{\"updateDate\":\"01/01/2015 00:00:00\",\"limit\":1}";

    @Test
    void the41stCallWithinFiveMinutesAnswers13AndTheWindowRolls() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().build().start()) {
            Http http = new Http(sim);
            for (int i = 1; i <= 40; i++) {
                assertThat(http.call("orderList", LIST).code()).as("call %d", i).isZero();
            }
            Http.Reply over = http.call("orderList", LIST);
            assertThat(over.status()).isEqualTo(200);
            assertThat(over.code()).isEqualTo(13);
            assertThat(over.json().get("responseMessage").asText()).isEqualTo("API Hit Quota Exceeded");
            assertThat(http.call("productFetch", "{\"updatedDate\":\"01/01/2015 00:00:00\"}").code()).isEqualTo(13);

            sim.simulatedClock().advance(Duration.ofMinutes(5).minusSeconds(1));
            assertThat(http.call("orderList", LIST).code()).isEqualTo(13);
            sim.simulatedClock().advance(Duration.ofSeconds(1));
            assertThat(http.call("orderList", LIST).code()).isZero();
            assertThat(sim.quotaUsed(SellerPanelSimulator.DEFAULT_USERNAME)).isEqualTo(1);
        }
    }

    @Test
    void theWindowIsRollingAndRejectedCallsDoNotCount() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().build().start()) {
            Http http = new Http(sim);
            for (int i = 0; i < 20; i++) {
                assertThat(http.call("orderList", LIST).code()).isZero();
            }
            sim.simulatedClock().advance(Duration.ofMinutes(3));
            for (int i = 0; i < 20; i++) {
                assertThat(http.call("orderList", LIST).code()).isZero();
            }
            for (int i = 0; i < 5; i++) {
                assertThat(http.call("orderList", LIST).code()).isEqualTo(13);
            }
            sim.simulatedClock().advance(Duration.ofMinutes(2));
            for (int i = 0; i < 20; i++) {
                assertThat(http.call("orderList", LIST).code()).as("freed slot %d", i).isZero();
            }
            assertThat(http.call("orderList", LIST).code()).isEqualTo(13);
        }
    }

    @Test
    void authTokenCountsAgainstTheCredential() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().quota(3, Duration.ofMinutes(5)).build().start()) {
            Http http = new Http(sim);
            assertThat(http.authToken().json().get("status").asText()).isEqualTo("SUCCESS");
            assertThat(http.authToken(SellerPanelSimulator.DEFAULT_USERNAME, "wrong").code()).isEqualTo(11);
            assertThat(http.call("orderList", LIST).code()).isZero();
            Http.Reply blocked = http.authToken();
            assertThat(blocked.code()).isEqualTo(13);
            assertThat(blocked.json().get("status").asText()).isEqualTo("FAILURE");
            assertThat(http.call("orderList", LIST).code()).isEqualTo(13);
        }
    }

    @Test
    void quotaIsPerCredentialAndUnknownKeysDoNotCount() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().credentials("a", "1").credentials("b", "2")
                .quota(2, Duration.ofMinutes(5)).build().start()) {
            Http http = new Http(sim);
            for (int i = 0; i < 5; i++) {
                assertThat(http.post("orderList", "unknown", LIST).code()).isEqualTo(2000);
            }
            assertThat(http.post("orderList", sim.apiKey("a"), LIST).code()).isZero();
            assertThat(http.post("orderList", sim.apiKey("a"), LIST).code()).isZero();
            assertThat(http.post("orderList", sim.apiKey("a"), LIST).code()).isEqualTo(13);
            assertThat(http.post("orderList", sim.apiKey("b"), LIST).code()).isZero();
            sim.resetQuota();
            assertThat(http.post("orderList", sim.apiKey("a"), LIST).code()).isZero();
        }
    }

    @Test
    void quotaCanBeDisabled() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().build().start()) {
            Http http = new Http(sim);
            for (int i = 0; i < 60; i++) {
                assertThat(http.call("orderList", LIST).code()).isZero();
            }
        }
    }
}
