package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Encoding-level answers: codes 5 and 9 and the non-API paths. */
class RequestValidationTest {

    @RegisterExtension
    final SellerPanelExtension ext = SellerPanelExtension.create(b -> b.noQuota());

    @Test
    void missingOrEmptyRequestBodyAnswers5(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        String key = sim.apiKey();
        assertThat(http.post("orderList", key, null).code()).isEqualTo(5);
        assertThat(http.post("orderList", key, "").code()).isEqualTo(5);
        assertThat(http.post("orderList", key, "   ").code()).isEqualTo(5);
        assertThat(http.post("orderList", key, "{}").code()).isEqualTo(5);
        assertThat(http.post("orderList", key, "null").code()).isEqualTo(5);
        assertThat(http.post("fetchInvoice", key, "{}").json().get("responseMessage").asText())
                .isEqualTo("Empty Request");
    }

    @Test
    void aJsonBodyInsteadOfTheFormFieldAnswers5(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        Http.Reply r = http.postRaw("orderList", sim.apiKey(), "application/json",
                "{\"updateDate\":\"01/01/2015 00:00:00\"}");
        assertThat(r.code()).isEqualTo(5);
    }

    @Test
    void unparseableJsonOrNonObjectAnswers9(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        String key = sim.apiKey();
        assertThat(http.post("orderList", key, "{\"updateDate\":").code()).isEqualTo(9);
        assertThat(http.post("orderList", key, "{\"a\":1} trailing").code()).isEqualTo(9);
        assertThat(http.post("orderList", key, "[1,2]").code()).isEqualTo(9);
        assertThat(http.post("orderList", key, "\"text\"").code()).isEqualTo(9);
        assertThat(http.post("orderList", key, "{\"updateDate\":\"2015-01-01\"}").code()).isEqualTo(9);
        assertThat(http.post("orderList", key, "{\"pageNumber\":1}").code()).isEqualTo(9);
        assertThat(http.post("orderList", key, "{\"updateDate\":\"01/01/2015 00:00:00\",\"limit\":\"x\"}").code())
                .isEqualTo(9);
        assertThat(http.post("orderList", key, "{\"filterStatusList\":\"1,x\"}").code()).isEqualTo(9);
    }

    @Test
    void formFieldIsUrlDecodedAsUtf8(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        Http.Reply r = http.postRaw("orderFetch", sim.apiKey(), "application/x-www-form-urlencoded",
                "other=1&RequestBody=" + Http.enc("{\"orderNo\":[\"nope\",\"مرحبا\"]}"));
        assertThat(r.code()).isZero();
        assertThat(sim.requests().last().orElseThrow().requestBody()).contains("مرحبا");
    }

    @Test
    void nonApiPathsAndWrongMethodsAreHttpErrors(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        assertThat(http.post("noSuchOperation", sim.apiKey(), "{}").status()).isEqualTo(404);
        Http.Reply outside = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + sim.port() + "/elsewhere")).GET());
        assertThat(outside.status()).isEqualTo(404);
        assertThat(http.get("orderList").status()).isEqualTo(405);
        assertThat(http.post("authToken", null, "{}").status()).isEqualTo(405);
        assertThat(sim.requests().last().orElseThrow().operation()).isEqualTo(Operation.AUTH_TOKEN);
    }
}
