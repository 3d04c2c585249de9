package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.auth.AuthToken;
import io.github.babyshopsdk.client.auth.TokenStore;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenRefreshIsSingleFlightTest {
    private static final String EMPTY_LIST = "{\"responseCode\":0,\"responseMessage\":\"Success\",\"orderList\":[]}";
    private final MockSellerPanel panel = new MockSellerPanel();
    private final AtomicInteger authCalls = new AtomicInteger();

    @AfterEach
    void close() {
        panel.close();
    }

    @Test
    void manyThreadsHittingAnExpiredKeyCauseExactlyOneAuthTokenCall() throws Exception {
        int threads = 16;
        CountDownLatch allStaleAnswered = new CountDownLatch(threads);
        panel.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().endsWith("/authToken")) {
                    return MockSellerPanel.token("FRESH-KEY-" + authCalls.incrementAndGet());
                }
                if ("STALE-KEY".equals(request.getHeaders().get("ApiKey"))) {
                    allStaleAnswered.countDown();
                    // hold every stale answer until all threads have one, so they all refresh at once
                    allStaleAnswered.await(5, TimeUnit.SECONDS);
                    return MockSellerPanel.code(2000, "authToken expired/Invalid authToken.");
                }
                return MockSellerPanel.json(EMPTY_LIST);
            }
        });
        TokenStore store = TokenStore.inMemory();
        store.save(MockSellerPanel.USERNAME, AuthToken.of("STALE-KEY", "50JUCH", Instant.EPOCH));
        BabyshopClient client = panel.clientBuilder().tokenStore(store).build();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            Callable<Integer> call = () -> client.orders()
                    .listPage(OrderListQuery.builder().updatedSince(Instant.parse("2026-11-01T00:00:00Z")).build())
                    .records().size();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(call));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(authCalls.get()).isEqualTo(1);
        assertThat(client.token().apiKey()).isEqualTo("FRESH-KEY-1");
        assertThat(store.load(MockSellerPanel.USERNAME)).map(AuthToken::apiKey).hasValue("FRESH-KEY-1");
        assertThat(client.metrics().reauthentications()).isEqualTo(1);
        assertThat(client.metrics().requestsByOperation().get(Operation.AUTH_TOKEN)).isEqualTo(1);
    }

    @Test
    void aStoredKeySavesTheAuthTokenCallAfterARestart() {
        panel.server().enqueue(MockSellerPanel.json(EMPTY_LIST));
        TokenStore store = TokenStore.inMemory();
        store.save(MockSellerPanel.USERNAME, AuthToken.of("KEPT-KEY", null, Instant.EPOCH));

        panel.clientBuilder().tokenStore(store).build().orders()
                .listPage(OrderListQuery.builder().addStatusCodes("1").build());

        assertThat(panel.server().getRequestCount()).isEqualTo(1);
        assertThat(panel.take().getHeaders().get("ApiKey")).isEqualTo("KEPT-KEY");
    }

    @Test
    void aKeyRejectedAgainRightAfterRefreshFailsInsteadOfLooping() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(2000, "authToken expired/Invalid authToken."));
        panel.server().enqueue(MockSellerPanel.token("SECOND-KEY"));
        panel.server().enqueue(MockSellerPanel.code(2000, "authToken expired/Invalid authToken."));
        BabyshopClient client = panel.client();

        assertThatThrownBy(() -> client.orders().listPage(OrderListQuery.builder().addStatusCodes("1").build()))
                .isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((AuthenticationException) e).code()).hasValue(2000));
        assertThat(panel.server().getRequestCount()).isEqualTo(4);
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailureWithTheCode() {
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":11,\"responseMessage\":\"Invalid API credentials\"}"));

        assertThatThrownBy(() -> panel.client().authenticate())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("authToken")
                .satisfies(e -> assertThat(((AuthenticationException) e).code()).hasValue(11))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(MockSellerPanel.PASSWORD));
        assertThat(panel.server().getRequestCount()).isEqualTo(1);
    }
}
