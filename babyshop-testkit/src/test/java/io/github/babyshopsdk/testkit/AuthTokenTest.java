package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthTokenTest {

    private static final String LIST = "{\"updateDate\":\"01/01/2015 00:00:00\",\"pageNumber\":1,\"limit\":5}";

    private static SellerPanelSimulator start(SellerPanelSimulator.Builder b) {
        return b.build().start();
    }

    @Test
    void authTokenAnswersTheDocumentedShapeAndAStaticKey() {
        try (SellerPanelSimulator sim = start(SellerPanelSimulator.builder())) {
            Http http = new Http(sim);
            Http.Reply r = http.authToken();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            JsonNode json = r.json();
            assertThat(json.fieldNames()).toIterable().containsExactly("status", "apiKey", "apiOwner");
            assertThat(json.get("status").asText()).isEqualTo("SUCCESS");
            assertThat(json.get("apiKey").asText()).hasSize(64);
            assertThat(json.get("apiOwner").asText()).isEqualTo("BS0001");
            assertThat(http.authToken().json().get("apiKey")).isEqualTo(json.get("apiKey"));

            Http.Reply list = http.post("orderList", json.get("apiKey").asText(), LIST);
            assertThat(list.code()).isZero();
        }
    }

    @Test
    void wrongCredentialsAnswer11() {
        try (SellerPanelSimulator sim = start(SellerPanelSimulator.builder().credentials("u1", "p1"))) {
            Http http = new Http(sim);
            Http.Reply wrong = http.authToken("u1", "nope");
            assertThat(wrong.code()).isEqualTo(11);
            assertThat(wrong.json().get("responseMessage").asText()).isEqualTo("Invalid API credentials");
            assertThat(wrong.json().has("apiKey")).isFalse();
            assertThat(http.authToken("stranger", "p1").code()).isEqualTo(11);
            assertThat(http.authToken("u1", "p1").json().get("status").asText()).isEqualTo("SUCCESS");
        }
    }

    @Test
    void missingUsernameOrPasswordAnswers2001() {
        try (SellerPanelSimulator sim = start(SellerPanelSimulator.builder())) {
            Http http = new Http(sim);
            assertThat(http.authToken(null, "x").code()).isEqualTo(2001);
            assertThat(http.authToken(SellerPanelSimulator.DEFAULT_USERNAME, null).code()).isEqualTo(2001);
            assertThat(http.authToken("", "").code()).isEqualTo(2001);
            assertThat(http.get("authToken").json().get("responseMessage").asText())
                    .isEqualTo("UserName / Password are Mandatory.");
        }
    }

    @Test
    void missingOrUnknownApiKeyAnswers2000() {
        try (SellerPanelSimulator sim = start(SellerPanelSimulator.builder())) {
            Http http = new Http(sim);
            Http.Reply missing = http.post("orderList", null, LIST);
            assertThat(missing.status()).isEqualTo(200);
            assertThat(missing.code()).isEqualTo(2000);
            assertThat(missing.json().get("responseMessage").asText()).isEqualTo("authToken expired/Invalid authToken.");
            assertThat(http.post("orderList", "not-a-key", LIST).code()).isEqualTo(2000);
            assertThat(sim.requests().last().orElseThrow().credential()).isNull();
        }
    }

    @Test
    void expiredTokenAnswers2000AndAFreshAuthTokenWorks() {
        try (SellerPanelSimulator sim = start(SellerPanelSimulator.builder().tokenTtl(Duration.ofHours(1)))) {
            Http http = new Http(sim);
            String key = http.authToken().json().get("apiKey").asText();
            assertThat(http.post("orderList", key, LIST).code()).isZero();

            sim.simulatedClock().advance(Duration.ofMinutes(59));
            assertThat(http.post("orderList", key, LIST).code()).isZero();
            sim.simulatedClock().advance(Duration.ofMinutes(1));
            assertThat(http.post("orderList", key, LIST).code()).isEqualTo(2000);

            String fresh = http.authToken().json().get("apiKey").asText();
            assertThat(fresh).isNotEqualTo(key);
            assertThat(http.post("orderList", fresh, LIST).code()).isZero();
            assertThat(http.post("orderList", key, LIST).code()).isEqualTo(2000);
        }
    }

    @Test
    void expireTokensForcesA2000OnTheNextCall() {
        try (SellerPanelSimulator sim = start(SellerPanelSimulator.builder())) {
            Http http = new Http(sim);
            String key = http.authToken().json().get("apiKey").asText();
            sim.expireTokens();
            assertThat(http.post("orderList", key, LIST).code()).isEqualTo(2000);
            String fresh = http.authToken().json().get("apiKey").asText();
            assertThat(fresh).isNotEqualTo(key);
            assertThat(http.post("orderList", fresh, LIST).code()).isZero();
        }
    }

    @Test
    void eachCredentialHasItsOwnKeyAndOwner() {
        try (SellerPanelSimulator sim = start(SellerPanelSimulator.builder().credentials("a", "1").credentials("b", "2"))) {
            Http http = new Http(sim);
            JsonNode a = http.authToken("a", "1").json();
            JsonNode b = http.authToken("b", "2").json();
            assertThat(a.get("apiKey")).isNotEqualTo(b.get("apiKey"));
            assertThat(b.get("apiOwner").asText()).isEqualTo("BS0002");
            http.post("orderList", b.get("apiKey").asText(), LIST);
            assertThat(sim.requests().last().orElseThrow().credential()).isEqualTo("b");
            assertThat(sim.usernames()).containsExactly("a", "b");
        }
    }

    @Test
    void sameSeedGivesTheSameKeys() {
        try (SellerPanelSimulator one = start(SellerPanelSimulator.builder().seed(5));
             SellerPanelSimulator two = start(SellerPanelSimulator.builder().seed(5))) {
            assertThat(one.apiKey()).isEqualTo(two.apiKey());
        }
    }
}
