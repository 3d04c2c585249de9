package io.github.babyshopsdk.client.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.UnexpectedRedirectException;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 5: a 3xx is a typed, non-retryable failure; exactly one request reaches the server and the
 * host a redirect names receives nothing (so neither the ApiKey header nor the password leaves).
 */
class RedirectsAreNeverFollowedTest {
    private final MockSellerPanel panel = new MockSellerPanel();
    private final MockWebServer elsewhere = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        elsewhere.start(0);
        for (int i = 0; i < 5; i++) {
            elsewhere.enqueue(MockSellerPanel.json("{\"responseCode\":0,\"status\":\"SUCCESS\",\"apiKey\":\"K\","
                    + "\"orderList\":[]}"));
        }
    }

    @AfterEach
    void close() {
        panel.close();
        elsewhere.close();
    }

    private MockResponse redirect(int status) {
        String location = elsewhere.url("/steal").newBuilder().username("intruder").password("hunter2")
                .addQueryParameter("token", "Q-SECRET").build().toString();
        return new MockResponse.Builder().code(status).setHeader("Location", location).build();
    }

    @Test
    void a307OnCancelOrderIsOneRequestAndNothingReachesTheOtherHost() {
        panel.enqueueToken();
        panel.server().enqueue(redirect(307));

        assertThatThrownBy(() -> panel.client().fulfilment().cancelOrder("AB1883884"))
                .isExactlyInstanceOf(UnexpectedRedirectException.class)
                .satisfies(e -> {
                    UnexpectedRedirectException redirect = (UnexpectedRedirectException) e;
                    assertThat(redirect.httpStatus()).isEqualTo(307);
                    assertThat(redirect.locationHost()).hasValue(elsewhere.getHostName());
                    assertThat(redirect.isRetryable()).isFalse();
                    assertThat(redirect.getMessage()).doesNotContain("intruder", "hunter2", "Q-SECRET", "steal");
                });
        assertThat(panel.server().getRequestCount()).as("authToken + one cancellation").isEqualTo(2);
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aRedirectedReadIsNotRetriedAndNotFollowed() {
        panel.enqueueToken();
        panel.server().enqueue(redirect(302));

        assertThatThrownBy(() -> panel.client().orders()
                .listPage(Queries.ORDERS))
                .isExactlyInstanceOf(UnexpectedRedirectException.class);
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aRedirectedAuthTokenNeverCarriesThePasswordElsewhere() {
        panel.server().enqueue(redirect(301));

        assertThatThrownBy(() -> panel.client().authenticate())
                .isInstanceOf(UnexpectedRedirectException.class);
        assertThat(panel.server().getRequestCount()).isEqualTo(1);
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aRedirectOfFetchDocumentsIsTypedToo() {
        panel.enqueueToken();
        panel.server().enqueue(new MockResponse.Builder().code(308).build());

        assertThatThrownBy(() -> panel.client().fulfilment().fetchDocument("INV1", DocumentType.SHIPPING_LABEL))
                .isExactlyInstanceOf(UnexpectedRedirectException.class)
                .satisfies(e -> assertThat(((UnexpectedRedirectException) e).locationHost()).isEmpty())
                .isInstanceOf(BabyshopException.class);
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }
}
