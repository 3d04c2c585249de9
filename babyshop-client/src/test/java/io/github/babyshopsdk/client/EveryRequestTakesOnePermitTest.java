package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.client.quota.testing.RecordingBudget;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every HTTP request the client sends takes exactly one permit from the budget, charged to the tier of the
 * client (view) that sends it: the first {@code authToken}, a retried read, the re-authentication after
 * code 2000 and the re-sent request, the request after a code-13 back-off, and the spill page of
 * {@code orderFetch}. Checked by comparing what the server received with what the budget granted.
 */
class EveryRequestTakesOnePermitTest {
    private static final String EMPTY_LIST = "{\"responseCode\":0,\"orderList\":[]}";
    private static final OrderListQuery QUERY = OrderListQuery.builder().addStatusCodes("1").build();

    private final MockSellerPanel panel = new MockSellerPanel();
    private final RecordingBudget budget = RecordingBudget.inArrivalOrder(RollingWindowQuotaBudget.of(QuotaLimits.vinculumDefault()));

    @AfterEach
    void close() {
        panel.close();
    }

    /** Tier 0 is the client itself; any other tier is a {@link BabyshopClient#forTier} view of it. */
    private BabyshopClient client(int tier) {
        BabyshopClient client = panel.clientBuilder().quotaBudget(budget).build();
        return tier == 0 ? client : client.forTier(tier, QuotaWaiter.upTo(Duration.ofHours(1)));
    }

    private void assertOnePermitPerRequest(int tier, int expectedRequests) {
        assertThat(panel.server().getRequestCount()).isEqualTo(expectedRequests);
        assertThat(budget.grants()).as("permits granted").hasSize(expectedRequests);
        assertThat(budget.grantedTiers()).as("tier of every permit, the authToken's included")
                .containsOnly(tier);
    }

    @ParameterizedTest(name = "tier {0}")
    @ValueSource(ints = {0, 3})
    void theFirstTokenAndTheCallTakeOnePermitEach(int tier) {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(EMPTY_LIST));

        client(tier).orders().listPage(QUERY);

        assertOnePermitPerRequest(tier, 2);
    }

    @ParameterizedTest(name = "tier {0}")
    @ValueSource(ints = {0, 3})
    void aTransientRetryOfAReadTakesItsOwnPermit(int tier) {
        panel.enqueueToken();
        panel.server().enqueue(new MockResponse.Builder().code(503).body("busy").build());
        panel.server().enqueue(MockSellerPanel.json(EMPTY_LIST));

        client(tier).orders().listPage(QUERY);

        assertOnePermitPerRequest(tier, 3);
    }

    @ParameterizedTest(name = "tier {0}")
    @ValueSource(ints = {0, 3})
    void reauthenticationOnCode2000AndTheResentRequestTakeAPermitEach(int tier) {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(2000, "authToken expired/Invalid authToken."));
        panel.server().enqueue(MockSellerPanel.token("FRESH-KEY"));
        panel.server().enqueue(MockSellerPanel.json(EMPTY_LIST));

        client(tier).orders().listPage(QUERY);

        assertOnePermitPerRequest(tier, 4);
    }

    @ParameterizedTest(name = "tier {0}")
    @ValueSource(ints = {0, 3})
    void theRequestAfterACode13BackOffTakesItsOwnPermitOnceTheBlockEnds(int tier) {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(13, "API Hit Quota Exceeded"));
        panel.server().enqueue(MockSellerPanel.json(EMPTY_LIST));

        client(tier).orders().listPage(QUERY);

        assertOnePermitPerRequest(tier, 3);
        assertThat(budget.blocks()).as("code 13 blocks the shared budget").hasSize(1);
        assertThat(budget.refusedTiers()).as("the retry asked while blocked, and waited").isNotEmpty();
        assertThat(budget.grants().get(2).at()).isEqualTo(budget.blocks().get(0));
    }

    @ParameterizedTest(name = "tier {0}")
    @ValueSource(ints = {0, 3})
    void theSpillPageOfOrderFetchTakesItsOwnPermit(int tier) {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(orders("A", "B", "X")));
        panel.server().enqueue(MockSellerPanel.json(orders("C")));

        assertThat(client(tier).orders().fetch(List.of("A", "B", "C")).missing()).isEmpty();

        assertOnePermitPerRequest(tier, 3);
    }

    @Test
    void aViewSharesTheKeySoItsFirstCallTakesOnePermitOnly() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(EMPTY_LIST));
        panel.server().enqueue(MockSellerPanel.json(EMPTY_LIST));
        BabyshopClient client = panel.clientBuilder().quotaBudget(budget).build();

        client.orders().listPage(QUERY);
        client.forTier(2, QuotaWaiter.failFast()).orders().listPage(QUERY);

        assertThat(panel.server().getRequestCount()).isEqualTo(3);
        assertThat(budget.grantedTiers()).containsExactly(0, 0, 2);
    }

    @Test
    void aRefusedReauthenticationSendsNothingMore() {
        // 2 calls per window, tier 0 only: authToken and the call answered 2000 use them up
        RecordingBudget two = RecordingBudget.inArrivalOrder(RollingWindowQuotaBudget.of(QuotaLimits.builder().limit(2)
                .reservePerTier(0).build()));
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(2000, "authToken expired/Invalid authToken."));
        BabyshopClient client = panel.clientBuilder().quotaBudget(two).quotaWaiter(QuotaWaiter.failFast()).build();

        assertThatThrownBy(() -> client.orders().listPage(QUERY))
                .isInstanceOf(QuotaExceededException.class)
                .satisfies(e -> assertThat(((QuotaExceededException) e).operation())
                        .hasValue(Operation.AUTH_TOKEN));

        assertThat(panel.server().getRequestCount()).isEqualTo(2);
        assertThat(two.grants()).hasSize(2);
    }

    private static String orders(String... numbers) {
        StringBuilder json = new StringBuilder("{\"responseCode\":0,\"orders\":[");
        for (int i = 0; i < numbers.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"orderNo\":\"").append(numbers[i])
                    .append("\",\"orderStatus\":\"5\"}");
        }
        return json.append("]}").toString();
    }
}
