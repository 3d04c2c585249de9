package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BabyshopClient#forTier} views share the key, budget and counters, and own nothing. */
class ForTierViewTest {
    private static final OrderListQuery QUERY = OrderListQuery.builder().addStatusCodes("1").build();
    private final MockSellerPanel panel = new MockSellerPanel();

    @BeforeEach
    void answer() {
        panel.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().endsWith("/authToken")
                        ? MockSellerPanel.token(MockSellerPanel.API_KEY)
                        : MockSellerPanel.json("{\"responseCode\":0,\"orderList\":[]}");
            }
        });
    }

    @AfterEach
    void close() {
        panel.close();
    }

    @Test
    void aViewSharesTheKeyTheBudgetAndTheCounters() {
        BabyshopClient client = panel.client();
        BabyshopClient view = client.forTier(2, QuotaWaiter.failFast());

        view.orders().listPage(QUERY);
        client.orders().listPage(QUERY);
        view.forTier(1, QuotaWaiter.failFast()).orders().listPage(QUERY);

        assertThat(panel.server().getRequestCount()).as("one authToken for all").isEqualTo(4);
        assertThat(client.metrics().requestsByOperation().get(Operation.AUTH_TOKEN)).isEqualTo(1);
        assertThat(view.metrics()).isEqualTo(client.metrics());
        assertThat(view.quota()).isEqualTo(client.quota());
        assertThat(client.quota().remaining()).isEqualTo(36);
        assertThat(view.token()).isEqualTo(client.token());
    }

    @Test
    void closingAViewLeavesTheClientUsable() {
        BabyshopClient client = panel.client();
        client.forTier(1, QuotaWaiter.failFast()).close();

        client.orders().listPage(QUERY);

        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void aNegativeTierOrNoWaiterIsRefused() {
        BabyshopClient client = panel.client();

        assertThatThrownBy(() -> client.forTier(-1, QuotaWaiter.failFast()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier");
        assertThatThrownBy(() -> client.forTier(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aViewNamesItsTierButNoSecret() {
        BabyshopClient view = panel.client().forTier(3, QuotaWaiter.failFast());

        assertThat(view.toString()).contains("tier=3").doesNotContain(MockSellerPanel.PASSWORD);
        assertThat(panel.client().toString()).doesNotContain("tier");
    }
}
