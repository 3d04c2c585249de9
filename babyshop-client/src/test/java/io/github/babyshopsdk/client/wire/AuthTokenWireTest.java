package io.github.babyshopsdk.client.wire;

import static io.github.babyshopsdk.client.wire.WireAssertions.assertAuthTokenGet;
import static io.github.babyshopsdk.client.wire.WireAssertions.assertKeyedFormPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.auth.AuthToken;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** authToken on the wire (reference §1.3, §2.1): a GET with query parameters, and its three codes. */
class AuthTokenWireTest {
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    @Test
    void authenticateIsAGetWithUsernameAndPasswordQueryParametersNoApiKeyAndNoBody() {
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.AUTH_TOKEN));

        panel.client().authenticate();

        // the password holds '!' and '&': it must arrive intact as one parameter, not split the query
        assertAuthTokenGet(panel.take(), MockSellerPanel.USERNAME, MockSellerPanel.PASSWORD);
        assertThat(panel.server().getRequestCount()).isEqualTo(1);
    }

    @Test
    void theReferenceAnswerGivesTheKeyAndOwner() {
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.AUTH_TOKEN));

        AuthToken token = panel.client().authenticate();

        assertThat(token.apiKey()).isEqualTo("NTfmU5MWY4MTI3Nzc3YzQ5YzYFmYjlmM2M0YTlhNGU3OGZmYzQwNDE1NmEzMGFi");
        assertThat(token.apiOwner()).hasValue("50JUCH");
        assertThat(token.obtainedAt()).isEqualTo(panel.clock().instant());
    }

    @Test
    void theApiKeyFromAuthTokenIsTheApiKeyHeaderOfLaterCallsWithoutAnotherAuthTokenCall() {
        panel.server().enqueue(MockSellerPanel.token("KEY-FROM-AUTH-TOKEN"));
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ENVELOPE_ONLY));
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ENVELOPE_ONLY));
        BabyshopClient client = panel.client();

        client.fulfilment().cancelOrder("AB1883884");
        client.fulfilment().cancelOrder("AB1883885");

        assertAuthTokenGet(panel.take(), MockSellerPanel.USERNAME, MockSellerPanel.PASSWORD);
        assertKeyedFormPost(panel.take(), "orderCancellation", "KEY-FROM-AUTH-TOKEN");
        assertKeyedFormPost(panel.take(), "orderCancellation", "KEY-FROM-AUTH-TOKEN");
        assertThat(panel.server().getRequestCount()).isEqualTo(3);
    }

    @Test
    void aKeyIsFetchedLazilyBeforeTheFirstDataCallOnly() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ENVELOPE_ONLY));
        BabyshopClient client = panel.client();
        assertThat(panel.server().getRequestCount()).isZero();

        client.fulfilment().cancelOrder("AB1883884");

        assertThat(panel.take().getUrl().encodedPath()).endsWith("/authToken");
        assertThat(panel.take().getUrl().encodedPath()).endsWith("/orderCancellation");
    }

    @Test
    void anArrayHoldingTheTokenObjectIsReadToo() {
        panel.server().enqueue(MockSellerPanel.json("[" + ReferenceResponses.AUTH_TOKEN + "]"));

        assertThat(panel.client().authenticate().apiKey())
                .isEqualTo("NTfmU5MWY4MTI3Nzc3YzQ5YzYFmYjlmM2M0YTlhNGU3OGZmYzQwNDE1NmEzMGFi");
    }

    @ParameterizedTest(name = "code {0}")
    @CsvSource(delimiter = '|', value = {
            "11   | Invalid API credentials",
            "2001 | UserName / Password are Mandatory.",
            "2002 | API Key Not Found / Configured in the system."})
    void eachDocumentedCodeIsAnAuthenticationExceptionAndIsNotRetried(int code, String message) {
        panel.server().enqueue(MockSellerPanel.code(code, message));

        assertThatThrownBy(() -> panel.client().authenticate())
                .isExactlyInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertFailure((BabyshopException) e, code, message));
        assertThat(panel.server().getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "code {0}")
    @CsvSource(delimiter = '|', value = {
            "11   | Invalid API credentials",
            "2001 | UserName / Password are Mandatory.",
            "2002 | API Key Not Found / Configured in the system."})
    void aRefusedLoginFailsTheDataCallThatNeededItBeforeTheDataRequestIsSent(int code, String message) {
        panel.server().enqueue(MockSellerPanel.code(code, message));

        assertThatThrownBy(() -> panel.client().fulfilment().cancelOrder("AB1883884"))
                .isExactlyInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertFailure((BabyshopException) e, code, message));
        assertThat(panel.server().getRequestCount()).isEqualTo(1);
        assertThat(panel.take().getUrl().encodedPath()).endsWith("/authToken");
    }

    @Test
    void aCodeTogetherWithAFailureStatusIsStillTheCodesFailure() {
        panel.server().enqueue(MockSellerPanel.json(
                "{\"status\":\"FAILURE\",\"responseCode\":11,\"responseMessage\":\"Invalid API credentials\"}"));

        assertThatThrownBy(() -> panel.client().authenticate())
                .isExactlyInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertFailure((BabyshopException) e, 11, "Invalid API credentials"));
    }

    @Test
    void aStatusOtherThanSuccessOrABlankKeyIsRefusedWithoutACode() {
        panel.server().enqueue(MockSellerPanel.json("{\"status\":\"FAILED\",\"apiKey\":\"\",\"apiOwner\":\"50JUCH\"}"));

        assertThatThrownBy(() -> panel.client().authenticate())
                .isExactlyInstanceOf(AuthenticationException.class)
                .satisfies(e -> {
                    BabyshopException failure = (BabyshopException) e;
                    assertThat(failure.operation()).hasValue(Operation.AUTH_TOKEN);
                    assertThat(failure.code()).isEmpty();
                });
        assertThat(panel.server().getRequestCount()).isEqualTo(1);
    }

    private static void assertFailure(BabyshopException failure, int code, String message) {
        assertThat(failure.code()).hasValue(code);
        assertThat(failure.operation()).hasValue(Operation.AUTH_TOKEN);
        assertThat(failure.serverMessage()).hasValue(message);
        assertThat(failure.isRetryable()).isFalse();
    }
}
