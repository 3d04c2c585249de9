package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.client.quota.testing.RecordingBudget;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuotaBudgetIsNeverExceededTest {
    private static final String EMPTY = "{\"responseCode\":0,\"responseMessage\":\"Success\",\"orderList\":[]}";
    private static final OrderListQuery QUERY = OrderListQuery.builder().addStatusCodes("1").build();
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    private void answerEverything() {
        panel.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().endsWith("/authToken")
                        ? MockSellerPanel.token(MockSellerPanel.API_KEY) : MockSellerPanel.json(EMPTY);
            }
        });
    }

    @Test
    void neverMoreThanTheBudgetInAnyWindowAcrossThreads() throws Exception {
        answerEverything();
        Duration window = Duration.ofMinutes(5);
        RecordingBudget budget = RecordingBudget.inArrivalOrder(RollingWindowQuotaBudget.of(40, window));
        BabyshopClient client = panel.clientBuilder().quotaBudget(budget)
                .quotaWaiter(QuotaWaiter.upTo(Duration.ofHours(1))).build();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                futures.add(pool.submit(() -> {
                    for (int call = 0; call < 30; call++) {
                        client.orders().listPage(QUERY);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Instant> grants = budget.grants().stream().map(RecordingBudget.Decision::at).toList();
        assertThat(grants).hasSize(121); // 120 calls and one authToken
        assertThat(panel.server().getRequestCount()).isEqualTo(121);
        List<Instant> sorted = new ArrayList<>(grants);
        Collections.sort(sorted);
        for (int i = 40; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 40), sorted.get(i))).isGreaterThanOrEqualTo(window);
        }
        assertThat(client.metrics().quotaWaits()).isPositive();
    }

    @Test
    void waitsForTheWindowToRollInsteadOfEarningCode13() {
        answerEverything();
        BabyshopClient client = panel.clientBuilder().quota(3, Duration.ofMinutes(5)).build();
        Instant start = panel.clock().instant();

        for (int i = 0; i < 5; i++) {
            client.orders().listPage(QUERY);
        }

        // 6 requests (authToken + 5) at 3 per 5 minutes: the 4th waits one window, the 6th waits none extra
        assertThat(panel.server().getRequestCount()).isEqualTo(6);
        assertThat(Duration.between(start, panel.clock().instant())).isEqualTo(Duration.ofMinutes(5));
        assertThat(client.quota().remaining()).isZero();
        assertThat(client.quota().nextPermitIn()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void failFastReportsWhenTheBudgetFreesAndWhatRemains() {
        answerEverything();
        BabyshopClient client = panel.clientBuilder().quota(2, Duration.ofMinutes(5))
                .quotaWaiter(QuotaWaiter.failFast()).build();
        client.orders().listPage(QUERY);
        panel.clock().advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> client.orders().listPage(QUERY))
                .isInstanceOf(QuotaExceededException.class)
                .satisfies(e -> {
                    QuotaExceededException quota = (QuotaExceededException) e;
                    assertThat(quota.retryAfter()).isEqualTo(Duration.ofSeconds(270));
                    assertThat(quota.remaining()).isZero();
                    assertThat(quota.code()).isEmpty();
                    assertThat(quota.isRetryable()).isTrue();
                });
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void serverCode13BacksOffThenSucceeds() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(13, "API Hit Quota Exceeded"));
        panel.server().enqueue(MockSellerPanel.json(EMPTY));
        BabyshopClient client = panel.client();
        Instant start = panel.clock().instant();

        client.orders().listPage(QUERY);

        assertThat(panel.server().getRequestCount()).isEqualTo(3);
        // random() is 0.5, so the first quota backoff is exactly 60 s
        assertThat(Duration.between(start, panel.clock().instant())).isEqualTo(Duration.ofSeconds(60));
        assertThat(client.metrics().quotaRejections()).isEqualTo(1);
    }

    @Test
    void persistentCode13EndsInATypedQuotaExceptionWithTheBackoff() {
        panel.enqueueToken();
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(MockSellerPanel.code(13, "API Hit Quota Exceeded"));
        }
        BabyshopClient client = panel.client();

        assertThatThrownBy(() -> client.orders().listPage(QUERY))
                .isInstanceOf(QuotaExceededException.class)
                .satisfies(e -> {
                    QuotaExceededException quota = (QuotaExceededException) e;
                    assertThat(quota.code()).hasValue(13);
                    assertThat(quota.retryAfter()).isEqualTo(Duration.ofSeconds(300));
                });
        assertThat(panel.server().getRequestCount()).isEqualTo(4);
    }
}
