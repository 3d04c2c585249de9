package io.github.babyshopsdk.client.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.auth.AuthToken;
import io.github.babyshopsdk.client.auth.TokenStore;
import io.github.babyshopsdk.client.error.MalformedResponseException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.error.TransientException;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Duration;
import java.time.Instant;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 3: a server that drips a valid body slowly (one byte every 50 ms, well inside the read
 * timeout) cannot hold a call beyond the call timeout. Without it each of these calls would succeed after
 * about 30 s; the assertions are on the outcome, never on elapsed time.
 */
class CallTimeoutEndsDrippingAnswersTest {
    private static final String EMPTY_LIST = "{\"responseCode\":0,\"orderList\":[]}" + " ".repeat(600);
    private static final String CANCELLED = "{\"responseCode\":0,\"responseMessage\":\"Success\"}" + " ".repeat(600);
    private final MockSellerPanel panel = new MockSellerPanel();
    /** Requests as they arrive (the server records a request only once its dripped answer is written). */
    private final AtomicInteger arrived = new AtomicInteger();

    @BeforeEach
    void countArrivals() {
        panel.server().setDispatcher(new QueueDispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.incrementAndGet();
                return super.dispatch(request);
            }
        });
    }

    @AfterEach
    void close() {
        panel.close();
    }

    /**
     * A valid answer whose body is written one byte every 50 ms. (MockWebServer's {@code throttleBody} also
     * throttles reading the request body, which would delay the request rather than drip the answer.)
     */
    private static MockResponse dripping(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return bytes.length;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        for (byte b : bytes) {
                            sink.writeByte(b);
                            sink.flush();
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new InterruptedIOException();
                            }
                        }
                    }
                }).build();
    }

    /** A client with a short deadline and a stored key, so only the dripped operation itself is called. */
    private BabyshopClient.Builder shortDeadline() {
        TokenStore stored = TokenStore.inMemory();
        stored.save(MockSellerPanel.USERNAME, AuthToken.of(MockSellerPanel.API_KEY, null, Instant.EPOCH));
        return panel.clientBuilder().tokenStore(stored).callTimeout(Duration.ofMillis(1500))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).random(() -> 0.5).build());
    }

    @Test
    void aDrippedReadIsATransientFailureAfterThePolicysRetries() {
                panel.server().enqueue(dripping(EMPTY_LIST));
        panel.server().enqueue(dripping(EMPTY_LIST));

        assertThatThrownBy(() -> shortDeadline().build().orders()
                .listPage(Queries.ORDERS))
                .isExactlyInstanceOf(TransientException.class)
                .hasMessageContaining("I/O failure")
                .satisfies(e -> assertThat(((TransientException) e).isRetryable()).isTrue());
        assertThat(arrived.get()).as("2 attempts").isEqualTo(2);
    }

    @Test
    void aDrippedWriteIsAnUnknownOutcomeAndIsSentOnce() {
                panel.server().enqueue(dripping(CANCELLED));

        assertThatThrownBy(() -> shortDeadline().build().fulfilment().cancelOrder("AB1883884"))
                .isExactlyInstanceOf(OutcomeUnknownException.class)
                .hasCauseExactlyInstanceOf(TransientException.class);
        assertThat(arrived.get()).isEqualTo(1);
    }

    @Test
    void theDeadlineAppliesToACallerSuppliedOkHttpClientToo() {
        OkHttpClient shared = new OkHttpClient.Builder().callTimeout(Duration.ZERO).build();
                panel.server().enqueue(dripping(CANCELLED));

        assertThatThrownBy(() -> shortDeadline().okHttpClient(shared).build().fulfilment().cancelOrder("AB1"))
                .isExactlyInstanceOf(OutcomeUnknownException.class)
                .hasCauseExactlyInstanceOf(TransientException.class)
                .rootCause().isNotInstanceOf(MalformedResponseException.class);
        assertThat(arrived.get()).isEqualTo(1);
    }

    @Test
    void aCallTimeoutThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> panel.clientBuilder().callTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("callTimeout");
        assertThatThrownBy(() -> panel.clientBuilder().callTimeout(null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("callTimeout");
    }
}
