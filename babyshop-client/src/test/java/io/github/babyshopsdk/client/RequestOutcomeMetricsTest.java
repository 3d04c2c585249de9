package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.InvalidRequestException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ClientMetrics#requestOutcomes()}: every HTTP request the client sends ends with exactly one outcome
 * (retries and re-authentication included), so per operation the outcomes add up to
 * {@link ClientMetrics#requestsByOperation()} and to what the server received.
 */
class RequestOutcomeMetricsTest {
    private static final ProductQuery PRODUCTS = ProductQuery.builder()
            .updatedSince(Instant.parse("2026-01-01T00:00:00Z")).build();
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    @Test
    void eachRequestEndsWithOneOutcomeAndTheyAddUpToTheRequestsSent() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(9, "Generic Error"));                  // transient, retried
        panel.server().enqueue(new MockResponse.Builder().code(502).body("Bad Gateway").build()); // transient, retried
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"productList\":[]}"));
        panel.server().enqueue(MockSellerPanel.code(2000, "token expired"));                // re-authenticate once
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"productList\":[]}"));
        panel.server().enqueue(MockSellerPanel.code(5, "empty request"));                   // final API error
        BabyshopClient client = panel.client();

        client.catalog().productPage(PRODUCTS);
        client.catalog().productPage(PRODUCTS);
        assertThatThrownBy(() -> client.catalog().productPage(PRODUCTS)).isInstanceOf(InvalidRequestException.class);

        ClientMetrics metrics = client.metrics();
        assertThat(outcomes(metrics, Operation.PRODUCT_FETCH)).containsExactlyInAnyOrderEntriesOf(Map.of(
                RequestOutcome.SUCCESS, 2L, RequestOutcome.TRANSIENT_ERROR, 2L, RequestOutcome.AUTH_ERROR, 1L,
                RequestOutcome.API_ERROR, 1L, RequestOutcome.QUOTA_EXCEEDED, 0L));
        assertThat(outcomes(metrics, Operation.AUTH_TOKEN).get(RequestOutcome.SUCCESS)).isEqualTo(2);
        for (Operation operation : Operation.values()) {
            long ended = outcomes(metrics, operation).values().stream().mapToLong(Long::longValue).sum();
            assertThat(ended).as("%s", operation).isEqualTo(metrics.requestsByOperation().get(operation));
        }
        assertThat(metrics.requests()).isEqualTo(panel.server().getRequestCount()).isEqualTo(8);
    }

    @Test
    void aQuotaAnswerIsCountedAsQuotaExceeded() {
        panel.enqueueToken();
        for (int i = 0; i < 5; i++) {
            panel.server().enqueue(MockSellerPanel.code(13, "quota exceeded"));
        }
        BabyshopClient client = panel.clientBuilder()
                .retryPolicy(io.github.babyshopsdk.client.retry.RetryPolicy.builder().maxAttempts(2).build()).build();

        assertThatThrownBy(() -> client.catalog().productPage(PRODUCTS)).isInstanceOf(QuotaExceededException.class);

        ClientMetrics metrics = client.metrics();
        assertThat(metrics.requests(Operation.PRODUCT_FETCH, RequestOutcome.QUOTA_EXCEEDED))
                .isEqualTo(metrics.quotaRejections()).isEqualTo(2);
        assertThat(metrics.requests(Operation.PRODUCT_FETCH, RequestOutcome.SUCCESS)).isZero();
        assertThat(metrics.requests(Operation.ORDER_LIST, RequestOutcome.SUCCESS)).isZero();
    }

    private static Map<RequestOutcome, Long> outcomes(ClientMetrics metrics, Operation operation) {
        Map<RequestOutcome, Long> counts = new EnumMap<>(RequestOutcome.class);
        for (RequestOutcome outcome : RequestOutcome.values()) {
            counts.put(outcome, metrics.requests(operation, outcome));
        }
        return counts;
    }
}
