package io.github.babyshopsdk.testkit.client;

import static io.github.babyshopsdk.testkit.client.SimClients.answered;
import static io.github.babyshopsdk.testkit.client.SimClients.builderFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.client.SimClients.SimulatedSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The call quota, with the simulator enforcing Vinculum's 40 calls per rolling 5 minutes (authToken
 * included) and the client's sleeper moving simulated time instead of waiting.
 */
class QuotaAgainstSimulatorTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private static SellerPanelSimulator simulator() {
        return SellerPanelSimulator.builder().fixture(Fixture.of(51, 10, 10)).quota(40, WINDOW).build().start();
    }

    private static void listOnce(SellerPanelSimulator sim, BabyshopClient client) {
        client.orders().listPage(OrderListQuery.builder()
                .updatedSince(SellerPanelSimulator.DEFAULT_START.minus(Duration.ofDays(30))).limit(1).build());
    }

    @Test
    void aClientAllowingMoreThanTheServerMeetsCode13BacksOffSixtySecondsAndThenSucceeds() {
        try (SellerPanelSimulator sim = simulator()) {
            SimulatedSleeper sleeper = new SimulatedSleeper(sim.simulatedClock());
            try (BabyshopClient client = builderFor(sim, sleeper).quota(60, WINDOW).build()) {
                client.authenticate();
                for (int i = 0; i < 19; i++) {
                    listOnce(sim, client);
                }
                // 20 calls at t0; 4.5 minutes later 20 more fill the server's window
                sim.simulatedClock().advance(Duration.ofSeconds(270));
                for (int i = 0; i < 20; i++) {
                    listOnce(sim, client);
                }
                assertThat(sim.quotaUsed(SellerPanelSimulator.DEFAULT_USERNAME)).isEqualTo(40);
                assertThat(answered(sim, 13)).isEmpty();
                Instant beforeTheFortyFirst = sim.clock().instant();

                listOnce(sim, client);

                List<RecordedRequest> rejected = answered(sim, 13);
                assertThat(rejected).hasSize(1);
                RecordedRequest retry = sim.requests().last().orElseThrow();
                assertThat(retry.responseCode()).isZero();
                assertThat(retry.sequence()).isEqualTo(rejected.get(0).sequence() + 1);
                // the first quota backoff (60 s; jitter pinned at 0.5) spent as simulated time, then the
                // calls of t0 had left the server's window
                assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(60));
                assertThat(Duration.between(beforeTheFortyFirst, sim.clock().instant())).isEqualTo(Duration.ofSeconds(60));
                assertThat(Duration.between(rejected.get(0).receivedAt(), retry.receivedAt()))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(60));
                assertThat(client.metrics().quotaRejections()).isEqualTo(1);
                assertThat(client.metrics().retries()).isEqualTo(1);
                assertThat(client.metrics().quotaWaits()).isEqualTo(1);
                assertThat(sim.requests().size()).isEqualTo(42);
            }
        }
    }

    @Test
    void aNonIdempotentWriteAnsweredCode13IsSentAgainAfterTheBackoffAndTakesEffectOnce() {
        try (SellerPanelSimulator sim = simulator()) {
            SimulatedSleeper sleeper = new SimulatedSleeper(sim.simulatedClock());
            try (BabyshopClient client = builderFor(sim, sleeper).quota(60, WINDOW).build()) {
                String orderNo = sim.store().orders().stream()
                        .filter(o -> o.status() == io.github.babyshopsdk.testkit.OrderStatus.PENDING.code())
                        .findFirst().orElseThrow().orderNo();
                client.authenticate();
                for (int i = 0; i < 19; i++) {
                    listOnce(sim, client);
                }
                sim.simulatedClock().advance(Duration.ofSeconds(270));
                for (int i = 0; i < 20; i++) {
                    listOnce(sim, client);
                }

                client.fulfilment().cancelOrder(orderNo);

                // 13 is answered before the request is processed, so repeating the write is safe
                assertThat(sim.requests().of(io.github.babyshopsdk.testkit.Operation.ORDER_CANCELLATION))
                        .extracting(RecordedRequest::responseCode).containsExactly(13, 0);
                assertThat(sim.store().cancellations()).singleElement()
                        .satisfies(c -> assertThat(c.orderNo()).isEqualTo(orderNo));
                assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(60));
            }
        }
    }

    @Test
    void aServerWindowThatStaysFullExhaustsTheRetriesWithEscalatingBackoff() {
        try (SellerPanelSimulator sim = simulator()) {
            SimulatedSleeper sleeper = new SimulatedSleeper(sim.simulatedClock());
            try (BabyshopClient client = builderFor(sim, sleeper).quota(60, WINDOW).build()) {
                client.authenticate();
                for (int i = 0; i < 39; i++) {
                    listOnce(sim, client);
                }

                assertThatThrownBy(() -> listOnce(sim, client))
                        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                            assertThat(e.code()).hasValue(13);
                            assertThat(e.isRetryable()).isTrue();
                            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(300));
                        });

                // attempts 1 and 2 backed off 60 s and 120 s: 180 s, still inside the window of t0
                assertThat(answered(sim, 13)).hasSize(3);
                assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120));
                assertThat(client.metrics().quotaRejections()).isEqualTo(3);
            }
        }
    }

    @Test
    void withTheDefaultBudgetAHundredCallsNeverEarnCode13AndWaitOutTwoWindows() {
        try (SellerPanelSimulator sim = simulator()) {
            SimulatedSleeper sleeper = new SimulatedSleeper(sim.simulatedClock());
            try (BabyshopClient client = builderFor(sim, sleeper).build()) {
                Instant start = sim.clock().instant();

                for (int i = 0; i < 100; i++) {
                    listOnce(sim, client);
                }

                assertThat(answered(sim, 13)).isEmpty();
                assertThat(sim.requests().all()).allSatisfy(r -> assertThat(r.responseCode()).isZero());
                assertThat(sim.requests().size()).isEqualTo(101); // authToken counts against the quota too
                Duration advanced = Duration.between(start, sim.clock().instant());
                assertThat(advanced).isGreaterThanOrEqualTo(WINDOW.multipliedBy(2));
                assertThat(advanced).isEqualTo(sleeper.total());
                assertThat(sleeper.sleeps()).containsExactly(WINDOW, WINDOW);
                assertThat(client.metrics().quotaWaits()).isEqualTo(2);
                assertThat(client.metrics().quotaRejections()).isZero();
                assertThat(client.metrics().requests()).isEqualTo(101);
            }
        }
    }

    @Test
    void failFastOnTheLocalBudgetThrowsQuotaExceededWithoutCallingTheServer() {
        try (SellerPanelSimulator sim = simulator()) {
            SimulatedSleeper sleeper = new SimulatedSleeper(sim.simulatedClock());
            try (BabyshopClient client = builderFor(sim, sleeper).quotaWaiter(QuotaWaiter.failFast()).build()) {
                client.authenticate();
                for (int i = 0; i < 39; i++) {
                    listOnce(sim, client);
                }

                assertThatThrownBy(() -> listOnce(sim, client))
                        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                            assertThat(e.code()).isEmpty();
                            assertThat(e.retryAfter()).isPositive();
                            assertThat(e.retryAfter()).isEqualTo(WINDOW);
                            assertThat(e.remaining()).isZero();
                        });

                assertThat(sim.requests().size()).isEqualTo(40);
                assertThat(answered(sim, 13)).isEmpty();
                assertThat(sleeper.sleeps()).isEmpty();
                QuotaSnapshot quota = client.quota();
                assertThat(quota.remaining()).isZero();
                assertThat(quota.nextPermitIn()).isEqualTo(WINDOW);
            }
        }
    }

    @Test
    void failFastOnTheServersCode13ThrowsQuotaExceededWithTheBackoffAsRetryAfter() {
        try (SellerPanelSimulator sim = simulator()) {
            SimulatedSleeper sleeper = new SimulatedSleeper(sim.simulatedClock());
            try (BabyshopClient client = builderFor(sim, sleeper).quota(60, WINDOW)
                    .quotaWaiter(QuotaWaiter.failFast()).build()) {
                client.authenticate();
                for (int i = 0; i < 39; i++) {
                    listOnce(sim, client);
                }

                assertThatThrownBy(() -> listOnce(sim, client))
                        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                            assertThat(e.code()).hasValue(13);
                            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
                        });

                assertThat(answered(sim, 13)).hasSize(1);
                assertThat(sim.requests().size()).isEqualTo(41);
                assertThat(sleeper.sleeps()).isEmpty();
                // the client now holds every call back until the backoff has passed
                assertThat(client.quota().nextPermitIn()).isEqualTo(Duration.ofSeconds(60));
                assertThatThrownBy(() -> listOnce(sim, client)).isInstanceOf(QuotaExceededException.class);
                assertThat(sim.requests().size()).isEqualTo(41);
            }
        }
    }

    @Test
    void twoClientsOfOneCredentialWithSeparateBudgetsOverrunTheServerAndTheSecondBacksOffOnAuthToken() {
        try (SellerPanelSimulator sim = simulator()) {
            SimulatedSleeper sleeper = new SimulatedSleeper(sim.simulatedClock());
            try (BabyshopClient first = builderFor(sim, sleeper).build();
                 BabyshopClient second = builderFor(sim, sleeper).build()) {
                for (int i = 0; i < 19; i++) {
                    listOnce(sim, first); // authToken + 19 at t0
                }
                sim.simulatedClock().advance(Duration.ofSeconds(270));
                for (int i = 0; i < 20; i++) {
                    listOnce(sim, first); // the server's window is full; the first client's budget is not
                }

                listOnce(sim, second); // its lazy authToken meets 13, backs off 60 s, then succeeds

                assertThat(answered(sim, 13)).singleElement()
                        .satisfies(r -> assertThat(r.operation()).isEqualTo(io.github.babyshopsdk.testkit.Operation.AUTH_TOKEN));
                assertThat(sim.requests().count(io.github.babyshopsdk.testkit.Operation.AUTH_TOKEN)).isEqualTo(3);
                assertThat(second.metrics().quotaRejections()).isEqualTo(1);
                assertThat(first.metrics().quotaRejections()).isZero();
                assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(60));
            }
        }
    }

    @Test
    void twoClientsSharingOneBudgetNeverEarnCode13() {
        try (SellerPanelSimulator sim = simulator()) {
            SimulatedSleeper sleeper = new SimulatedSleeper(sim.simulatedClock());
            RollingWindowQuotaBudget shared = RollingWindowQuotaBudget.vinculumDefault();
            try (BabyshopClient first = builderFor(sim, sleeper).quotaBudget(shared).build();
                 BabyshopClient second = builderFor(sim, sleeper).quotaBudget(shared).build()) {
                for (int i = 0; i < 50; i++) {
                    listOnce(sim, first);
                    listOnce(sim, second);
                }

                assertThat(answered(sim, 13)).isEmpty();
                assertThat(sim.requests().size()).isEqualTo(102);
                assertThat(first.metrics().quotaWaits() + second.metrics().quotaWaits()).isEqualTo(2);
                assertThat(sleeper.total()).isEqualTo(WINDOW.multipliedBy(2));
            }
        }
    }

    /**
     * A background view of tier 2 spends its 30 calls and is refused (failing fast, nothing sent); the
     * client itself (tier 0) still has the 10 calls kept for it, without waiting, and the server never
     * answers 13. The simulator counts exactly what the budget granted.
     */
    @Test
    void aTier2ViewNeverTakesTheTenCallsKeptForTier0() {
        try (SellerPanelSimulator sim = simulator()) {
            SimulatedSleeper sleeper = new SimulatedSleeper(sim.simulatedClock());
            try (BabyshopClient client = builderFor(sim, sleeper).build()) {
                BabyshopClient background = client.forTier(2, QuotaWaiter.failFast());
                int listed = 0;
                while (true) {
                    try {
                        listOnce(sim, background);
                        listed++;
                    } catch (QuotaExceededException refused) {
                        assertThat(refused.code()).isEmpty();
                        assertThat(refused.remaining()).as("remainingFor(2)").isZero();
                        break;
                    }
                }
                assertThat(listed).as("authToken + 29 lists = tier 2's share of 30").isEqualTo(29);
                assertThat(sim.requests().size()).isEqualTo(30);
                assertThat(client.quota().remaining()).isEqualTo(10);

                for (int i = 0; i < 10; i++) {
                    listOnce(sim, client);
                }

                assertThat(sleeper.sleeps()).as("tier 0 took its reserve without waiting").isEmpty();
                assertThat(sim.requests().size()).isEqualTo(40);
                assertThat(sim.quotaUsed(SellerPanelSimulator.DEFAULT_USERNAME)).isEqualTo(40);
                assertThat(answered(sim, 13)).isEmpty();
                assertThat(client.metrics().requests()).isEqualTo(40);
            }
        }
    }
}
