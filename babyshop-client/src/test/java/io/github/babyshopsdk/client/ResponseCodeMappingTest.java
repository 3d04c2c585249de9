package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.ApiException;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.InvalidRequestException;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.error.ResponseCode;
import io.github.babyshopsdk.client.error.TransientException;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every documented responseCode becomes the documented outcome (reference §3.1). */
class ResponseCodeMappingTest {
    private static final Map<ResponseCode.Kind, Class<? extends BabyshopException>> EXPECTED = Map.of(
            ResponseCode.Kind.AUTHENTICATION, AuthenticationException.class,
            ResponseCode.Kind.INVALID_REQUEST, InvalidRequestException.class,
            ResponseCode.Kind.NOT_FOUND, NotFoundException.class,
            ResponseCode.Kind.REJECTED, ApiException.class);
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    private static InvoiceRequest invoice() {
        return InvoiceRequest.builder().orderNo("AB123456").addLines(InvoiceLineRequest.builder().lineNo("2")
                .transporterName("ECOM").trackingNo("123456").build()).build();
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.Kind.class, names = {"AUTHENTICATION", "INVALID_REQUEST", "NOT_FOUND", "REJECTED"})
    void finalCodesBecomeTheirTypedExceptionWithoutRetry(ResponseCode.Kind kind) {
        for (ResponseCode code : ResponseCode.values()) {
            if (code.kind() != kind) {
                continue;
            }
            panel.enqueueToken();
            panel.server().enqueue(MockSellerPanel.code(code.code(), "message for " + code.code()));
            BabyshopClient client = panel.client();
            int before = panel.server().getRequestCount();

            assertThatThrownBy(() -> client.fulfilment().generateInvoice(invoice()))
                    .as("code %s", code.code())
                    .isInstanceOf(EXPECTED.get(kind))
                    .hasMessageContaining("generateInvoice")
                    .satisfies(e -> {
                        BabyshopException exception = (BabyshopException) e;
                        assertThat(exception.code()).hasValue(code.code());
                        assertThat(exception.responseCode()).hasValue(code);
                        assertThat(exception.operation()).hasValue(Operation.GENERATE_INVOICE);
                        assertThat(exception.serverMessage()).hasValue("message for " + code.code());
                        assertThat(exception.isRetryable()).isFalse();
                    });
            assertThat(panel.server().getRequestCount() - before).as("no retry for %s", code.code()).isEqualTo(2);
        }
    }

    @Test
    void anUndocumentedCodeIsAnApiExceptionThatKeepsTheCode() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(4711, "something new"));

        assertThatThrownBy(() -> panel.client().catalog().backOrders())
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).hasValue(4711))
                .satisfies(e -> assertThat(((ApiException) e).responseCode()).isEmpty());
    }

    @Test
    void genericErrorOnAReadIsRetriedWithBackoffAndThenSucceeds() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(9, "Generic Error"));
        panel.server().enqueue(MockSellerPanel.code(309, "The server encountered an internal error"));
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"productList\":[]}"));
        BabyshopClient client = panel.client();

        assertThat(client.catalog().productPage(ProductQuery.builder()
                .updatedSince(Instant.parse("2026-01-01T00:00:00Z")).build()).records()).isEmpty();
        assertThat(panel.server().getRequestCount()).isEqualTo(4);
        assertThat(panel.clock().sleeps()).isEqualTo(2);
        assertThat(client.metrics().retries()).isEqualTo(2);
    }

    @Test
    void persistentTransientFailureOnAReadEndsAfterMaxAttempts() {
        panel.enqueueToken();
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(new mockwebserver3.MockResponse.Builder().code(502)
                    .body("<html><body>Bad Gateway</body></html>").build());
        }

        assertThatThrownBy(() -> panel.client().catalog().backOrders())
                .isInstanceOf(TransientException.class)
                .satisfies(e -> assertThat(((TransientException) e).httpStatus()).hasValue(502))
                .hasMessageContaining("HTML");
        assertThat(panel.server().getRequestCount()).isEqualTo(4);
    }

    @Test
    void genericErrorOnANonIdempotentWriteIsReportedAsUnknownOutcomeAndNotRepeated() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(9, "Generic Error"));

        assertThatThrownBy(() -> panel.client().fulfilment().generateInvoice(invoice()))
                .isInstanceOf(OutcomeUnknownException.class)
                .satisfies(e -> assertThat(((OutcomeUnknownException) e).code()).hasValue(9))
                .hasMessageContaining("read the state back");
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void quotaCodeIsRetryableAndTransientCodesAreRetryable() {
        assertThat(ResponseCode.of(13)).hasValue(ResponseCode.QUOTA_EXCEEDED);
        assertThat(ResponseCode.QUOTA_EXCEEDED.kind()).isEqualTo(ResponseCode.Kind.QUOTA);
        assertThat(ResponseCode.GENERIC_ERROR.kind()).isEqualTo(ResponseCode.Kind.TRANSIENT);
        assertThat(ResponseCode.INTERNAL_ERROR.kind()).isEqualTo(ResponseCode.Kind.TRANSIENT);
        assertThat(ResponseCode.TOKEN_EXPIRED.kind()).isEqualTo(ResponseCode.Kind.TOKEN_EXPIRED);
        assertThat(new QuotaExceededException(null, 13, null, "x", java.time.Duration.ZERO, 0).isRetryable()).isTrue();
    }

    @Test
    void noRetryPolicyMeansOneAttempt() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(9, "Generic Error"));

        assertThatThrownBy(() -> panel.clientBuilder().retryPolicy(RetryPolicy.none()).build().catalog().backOrders())
                .isInstanceOf(TransientException.class);
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }
}
