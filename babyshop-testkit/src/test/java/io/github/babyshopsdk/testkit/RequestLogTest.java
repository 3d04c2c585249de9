package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestLogTest {

    @RegisterExtension
    final SellerPanelExtension ext = SellerPanelExtension.create(b -> b.noQuota());

    @Test
    void recordsWhatWasReceivedAndAnswered(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        String key = http.authToken().json().get("apiKey").asText();
        sim.simulatedClock().advance(Duration.ofSeconds(10));
        String body = "{\"updateDate\":\"01/01/2015 00:00:00\",\"limit\":2}";
        http.post("orderList", key, body);

        assertThat(sim.requests().size()).isEqualTo(2);
        RecordedRequest auth = sim.requests().of(Operation.AUTH_TOKEN).get(0);
        assertThat(auth.method()).isEqualTo("GET");
        assertThat(auth.query()).containsEntry("username", SellerPanelSimulator.DEFAULT_USERNAME)
                .containsEntry("password", RecordedRequest.REDACTED);
        assertThat(auth.responseCode()).isZero();
        assertThat(auth.credential()).isEqualTo(SellerPanelSimulator.DEFAULT_USERNAME);

        RecordedRequest list = sim.requests().last(Operation.ORDER_LIST).orElseThrow();
        assertThat(list.sequence()).isEqualTo(2);
        assertThat(list.method()).isEqualTo("POST");
        assertThat(list.path()).isEqualTo("/RestWS/api/sellerPanel/v3/orderList");
        assertThat(list.requestBody()).isEqualTo(body);
        assertThat(list.apiKey()).contains(key);
        assertThat(list.header("apikey")).contains(key);
        assertThat(list.header("Content-Type")).contains("application/x-www-form-urlencoded");
        assertThat(list.httpStatus()).isEqualTo(200);
        assertThat(list.answered(0)).isTrue();
        assertThat(list.receivedAt()).isEqualTo(SellerPanelSimulator.DEFAULT_START.plusSeconds(10));
        assertThat(list.fault()).isNull();
        assertThat(sim.requests().count(Operation.ORDER_LIST)).isEqualTo(1);
    }

    @Test
    void toStringRedactsTheApiKeyAndThePassword(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        http.authToken();
        String key = sim.apiKey();
        http.post("orderFetch", key, "{\"orderNo\":[\"1\"]}");
        String all = sim.requests().all().toString();
        assertThat(all).doesNotContain(key).doesNotContain(SellerPanelSimulator.DEFAULT_PASSWORD)
                .contains(RecordedRequest.REDACTED).contains("orderFetch");
    }

    @Test
    void clearForgetsRequests(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        http.call("orderFetch", "{\"orderNo\":[\"1\"]}");
        http.call("orderFetch", "{\"orderNo\":[\"2\"]}");
        assertThat(sim.requests().count(Operation.ORDER_FETCH)).isEqualTo(2);
        sim.requests().clear();
        assertThat(sim.requests().all()).isEmpty();
        assertThat(sim.requests().last()).isEmpty();
        http.call("orderFetch", "{\"orderNo\":[\"3\"]}");
        assertThat(sim.requests().last().orElseThrow().sequence()).isEqualTo(3);
    }
}
