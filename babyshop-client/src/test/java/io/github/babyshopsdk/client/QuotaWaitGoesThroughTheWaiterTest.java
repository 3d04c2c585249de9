package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.babyshopsdk.client.error.OperationInterruptedException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaWait;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A refused permit goes to the {@link QuotaWaiter}: it is told which request waits, for which tier, until
 * when and how long it has waited; when it gives up (or is interrupted) nothing is sent.
 */
class QuotaWaitGoesThroughTheWaiterTest {
    private static final String EMPTY_LIST = "{\"responseCode\":0,\"orderList\":[]}";
    private static final OrderListQuery QUERY = OrderListQuery.builder().addStatusCodes("1").build();
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    /** {@code limit} calls per 5 minutes, {@code reservePerTier} kept per more urgent tier. */
    private static RollingWindowQuotaBudget budget(int limit, int reservePerTier) {
        return RollingWindowQuotaBudget.of(QuotaLimits.builder().limit(limit).window(WINDOW)
                .reservePerTier(reservePerTier).build());
    }

    /** Records each wait; sleeps half of the first and all of every later one, then asks again. */
    private static final class HalvingWaiter implements QuotaWaiter {
        final List<QuotaWait> waits = new ArrayList<>();
        final List<Duration> waitedSeen = new ArrayList<>();
        final List<Instant> untilSeen = new ArrayList<>();

        @Override
        public boolean await(QuotaWait wait) throws InterruptedException {
            waits.add(wait);
            waitedSeen.add(wait.waited());
            untilSeen.add(wait.until());
            wait.sleep(waits.size() == 1 ? wait.waitFor().dividedBy(2) : wait.waitFor());
            return true;
        }
    }

    @Test
    void aRefusedPermitCallsTheWaiterWithUntilAndWaitedAndAsksAgainAfterIt() {
        panel.server().setDispatcher(answering());
        HalvingWaiter waiter = new HalvingWaiter();
        BabyshopClient client = panel.clientBuilder().quotaBudget(budget(2, 0)).quotaWaiter(waiter).build();
        Instant start = panel.clock().instant();
        client.orders().listPage(QUERY); // authToken + the call: the window is full

        client.orders().listPage(QUERY);

        assertThat(waiter.waits).hasSize(2);
        assertThat(waiter.waits).allSatisfy(wait -> {
            assertThat(wait.operation()).isEqualTo(Operation.ORDER_LIST);
            assertThat(wait.tier()).isZero();
        });
        assertThat(waiter.untilSeen).containsExactly(start.plus(WINDOW), start.plus(WINDOW));
        assertThat(waiter.waitedSeen).containsExactly(Duration.ZERO, WINDOW.dividedBy(2));
        assertThat(waiter.waits.get(1).waitFor()).isEqualTo(WINDOW.dividedBy(2));
        assertThat(panel.server().getRequestCount()).isEqualTo(3);
        assertThat(panel.clock().instant()).isEqualTo(start.plus(WINDOW));
        assertThat(client.metrics().quotaWaits()).isEqualTo(2);
    }

    @Test
    void aViewsWaiterSeesTheViewsTierAndTheCallsKeptForMoreUrgentTiers() {
        panel.server().setDispatcher(answering());
        HalvingWaiter waiter = new HalvingWaiter();
        // 3 per window, 1 kept per more urgent tier: tier 1 may make 2 calls
        BabyshopClient client = panel.clientBuilder().quotaBudget(budget(3, 1)).build();
        BabyshopClient view = client.forTier(1, waiter);
        Instant start = panel.clock().instant();
        view.orders().listPage(QUERY); // authToken + the call, both tier 1

        client.orders().listPage(QUERY); // tier 0 takes the call kept for it, without waiting
        assertThat(waiter.waits).isEmpty();
        view.orders().listPage(QUERY);

        assertThat(waiter.waits).first().satisfies(wait -> {
            assertThat(wait.tier()).isEqualTo(1);
            assertThat(wait.until()).isEqualTo(start.plus(WINDOW));
        });
        assertThat(panel.server().getRequestCount()).isEqualTo(4);
    }

    @Test
    void aFailFastWaiterThrowsQuotaExceededAndSendsNothing() {
        RollingWindowQuotaBudget budget = budget(3, 1);
        Instant start = panel.clock().instant();
        budget.tryAcquire(0, start.minusSeconds(60));
        budget.tryAcquire(0, start.minusSeconds(30));
        BabyshopClient view = panel.clientBuilder().quotaBudget(budget).build().forTier(1, QuotaWaiter.failFast());

        assertThatThrownBy(() -> view.orders().listPage(QUERY))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("local call budget is used up for tier 1")
                .satisfies(e -> {
                    QuotaExceededException quota = (QuotaExceededException) e;
                    assertThat(quota.code()).isEmpty();
                    assertThat(quota.retryAfter()).isEqualTo(WINDOW.minusSeconds(60));
                    assertThat(quota.remaining()).as("remainingFor(1): the last call is kept for tier 0").isZero();
                });
        assertThat(panel.server().getRequestCount()).as("not even the authToken call").isZero();
        assertThat(budget.snapshot(start).remaining()).as("tier 0 still has its call").isEqualTo(1);
    }

    @Test
    void anInterruptedWaitThrowsOperationInterruptedKeepsTheFlagAndSendsNothing() {
        RollingWindowQuotaBudget budget = budget(1, 0);
        budget.tryAcquire(0, panel.clock().instant());
        BabyshopClient client = panel.clientBuilder().quotaBudget(budget).quotaWaiter(wait -> {
            throw new InterruptedException("stop");
        }).build();

        try {
            Throwable thrown = catchThrowable(() -> client.orders().listPage(QUERY));
            assertThat(thrown).isInstanceOf(OperationInterruptedException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(panel.server().getRequestCount()).isZero();
    }

    @Test
    void anUncheckedExceptionOfTheWaiterReachesTheCallerUnchanged() {
        RollingWindowQuotaBudget budget = budget(1, 0);
        budget.tryAcquire(0, panel.clock().instant());
        IllegalStateException leaseLost = new IllegalStateException("lease lost");
        BabyshopClient client = panel.clientBuilder().quotaBudget(budget).quotaWaiter(wait -> {
            throw leaseLost;
        }).build();

        assertThat(catchThrowable(() -> client.orders().listPage(QUERY))).isSameAs(leaseLost);
        assertThat(panel.server().getRequestCount()).isZero();
    }

    @Test
    void code13WithAFailFastWaiterThrowsTheServersQuotaAnswerWithoutRetrying() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(13, "API Hit Quota Exceeded"));
        BabyshopClient client = panel.clientBuilder().quotaWaiter(QuotaWaiter.failFast()).build();

        assertThatThrownBy(() -> client.orders().listPage(QUERY))
                .isInstanceOf(QuotaExceededException.class)
                .satisfies(e -> {
                    QuotaExceededException quota = (QuotaExceededException) e;
                    assertThat(quota.code()).hasValue(13);
                    assertThat(quota.serverMessage()).hasValue("API Hit Quota Exceeded");
                    // random() is 0.5, so the first quota backoff is exactly 60 s
                    assertThat(quota.retryAfter()).isEqualTo(Duration.ofSeconds(60));
                });
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
        assertThat(client.quota().remaining()).as("the budget is blocked for the backoff").isZero();
    }

    @Test
    void upToGivesUpWithoutSleepingOnceTheWaitWouldPassItsBound() throws InterruptedException {
        List<Duration> slept = new ArrayList<>();
        QuotaWaiter upTo = QuotaWaiter.upTo(Duration.ofMinutes(10));
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        assertThat(upTo.await(QuotaWait.of(Operation.ORDER_LIST, 0, now, Duration.ofMinutes(4),
                Duration.ofMinutes(6), slept::add))).isTrue();
        assertThat(upTo.await(QuotaWait.of(Operation.ORDER_LIST, 0, now, Duration.ofMinutes(4),
                Duration.ofMinutes(7), slept::add))).isFalse();
        assertThat(QuotaWaiter.failFast().await(QuotaWait.of(Operation.ORDER_LIST, 0, now, Duration.ofSeconds(1),
                Duration.ZERO, slept::add))).isFalse();

        assertThat(slept).containsExactly(Duration.ofMinutes(4));
        assertThatThrownBy(() -> QuotaWaiter.upTo(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static mockwebserver3.Dispatcher answering() {
        return new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return request.getUrl().encodedPath().endsWith("/authToken")
                        ? MockSellerPanel.token(MockSellerPanel.API_KEY) : MockSellerPanel.json(EMPTY_LIST);
            }
        };
    }
}
