package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.MalformedResponseException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.error.TransientException;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnknownOutcomeWritesAreNotRepeatedTest {
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    private static MockResponse dropAfterRequest() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    @Test
    void aDroppedConnectionOnShippingIsAnUnknownOutcomeAndIsSentOnce() {
        panel.enqueueToken();
        panel.server().enqueue(dropAfterRequest());

        assertThatThrownBy(() -> panel.client().fulfilment().ship(Shipment.of("100000018", "AC0011617000001",
                "delivery", "123123")))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasCauseInstanceOf(TransientException.class)
                .satisfies(e -> assertThat(((OutcomeUnknownException) e).isRetryable()).isFalse());
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void aTruncatedAnswerToACancellationIsAnUnknownOutcome() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"respon"));

        assertThatThrownBy(() -> panel.client().fulfilment().cancelOrder("AB1883884"))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasCauseInstanceOf(MalformedResponseException.class);
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionOnAnIdempotentInventoryUpdateIsRetried() {
        panel.enqueueToken();
        panel.server().enqueue(dropAfterRequest());
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"skus\":[{\"moderationId\":\"24\","
                + "\"sku\":\"SKU-1\",\"requestedInvQty\":\"11\",\"status\":\"Pending\"}]}"));

        var result = panel.client().catalog().updateInventory(List.of(InventoryItem.of("SKU-1", BigDecimal.TEN)));

        assertThat(result.accepted()).extracting(m -> m.moderationId()).containsExactly("24");
        assertThat(panel.server().getRequestCount()).isEqualTo(3);
    }

    @Test
    void anHtmlPageWithStatus200IsAMalformedAnswerAfterRetriesOnARead() {
        panel.enqueueToken();
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                    .body("<html><body>Maintenance</body></html>").build());
        }

        assertThatThrownBy(() -> panel.client().catalog().backOrders())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("not valid JSON");
        assertThat(panel.server().getRequestCount()).isEqualTo(4);
    }

    @Test
    void aRefusedConnectionNeverReachedTheServerSoEvenAWriteIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BabyshopClient client = panel.clientBuilder().baseUrl("http://127.0.0.1:" + closedPort
                + "/RestWS/api/sellerPanel/v3/").build();

        assertThatThrownBy(() -> client.fulfilment().cancelOrder("AB1883884"))
                .isInstanceOf(TransientException.class)
                .isNotInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("ConnectException");
        // the authToken call is refused three times (1 + 2 retries with backoff)
        assertThat(panel.clock().sleeps()).isEqualTo(2);
        assertThat(client.metrics().requestsByOperation().get(Operation.AUTH_TOKEN)).isEqualTo(3);
    }
}
