package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.ResponseCode;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code updateInventory} sends one request for 1 to {@link ChannelLimits#MAX_BATCH} items and plans
 * nothing: no chunking, no bisection. Duplicates are refused once, before anything is sent.
 */
class InventoryUpdateIsOneRequestTest {
    private final MockSellerPanel panel = new MockSellerPanel();
    private final AtomicInteger updateCalls = new AtomicInteger();
    private final List<Integer> batchSizes = new ArrayList<>();

    @AfterEach
    void close() {
        panel.close();
    }

    /** Answers like a server that rejects a whole batch with 304 when any SKU in it is unknown. */
    private void serverKnowingAllBut(Set<String> unknown) {
        panel.server().setDispatcher(new Dispatcher() {
            private int moderationId = 100;

            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().endsWith("/authToken")) {
                    return MockSellerPanel.token(MockSellerPanel.API_KEY);
                }
                updateCalls.incrementAndGet();
                JsonNode items = MockSellerPanel.requestBody(request).get("invPriceList");
                batchSizes.add(items.size());
                StringBuilder skus = new StringBuilder();
                for (JsonNode item : items) {
                    if (unknown.contains(item.get("sku").asText())) {
                        return MockSellerPanel.code(304, "[SKU & Seller] Code Combination not found in the System.");
                    }
                    skus.append(skus.length() == 0 ? "" : ",").append("{\"moderationId\":\"").append(moderationId++)
                            .append("\",\"sku\":\"").append(item.get("sku").asText()).append("\",\"requestedInvQty\":\"")
                            .append(item.get("invQty").asText()).append("\",\"status\":\"Pending\"}");
                }
                return MockSellerPanel.json("{\"responseCode\":0,\"responseMessage\":\"Success\",\"skus\":[" + skus + "]}");
            }
        });
    }

    private static List<InventoryItem> items(int count) {
        List<InventoryItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(InventoryItem.of("SKU-" + i, BigDecimal.valueOf(i)));
        }
        return items;
    }

    /**
     * The client no longer bisects (the engine plans that, charging every half to its tier): a batch the
     * server refuses with 304 is one request and a typed NotFoundException that says what to do.
     */
    @Test
    void code304ForABatchIsATypedNotFoundAfterExactlyOneRequest() {
        serverKnowingAllBut(Set.of("SKU-37"));

        assertThatThrownBy(() -> panel.client().catalog().updateInventory(items(100)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("at least one SKU is unknown")
                .hasMessageContaining("split and resend")
                .satisfies(e -> {
                    NotFoundException notFound = (NotFoundException) e;
                    assertThat(notFound.responseCode()).hasValue(ResponseCode.SKU_NOT_FOUND);
                    assertThat(notFound.code()).hasValue(304);
                    assertThat(notFound.operation()).hasValue(Operation.INVENTORY_PRICE_UPDATE);
                });

        assertThat(updateCalls.get()).as("no bisection in the client").isEqualTo(1);
        assertThat(batchSizes).containsExactly(100);
        assertThat(panel.server().getRequestCount()).as("authToken + the one update").isEqualTo(2);
    }

    @Test
    void code304ForOneSkuNamesIt() {
        serverKnowingAllBut(Set.of("SKU-0"));

        assertThatThrownBy(() -> panel.client().catalog().updateInventory(items(1)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("SKU SKU-0 is not linked to this seller");
        assertThat(updateCalls.get()).isEqualTo(1);
    }

    @Test
    void aHundredItemsAreOneRequest() {
        serverKnowingAllBut(Set.of());

        InventoryUpdateResult result = panel.client().catalog().updateInventory(items(ChannelLimits.MAX_BATCH));

        assertThat(result.allAccepted()).isTrue();
        assertThat(result.accepted()).hasSize(100);
        assertThat(batchSizes).containsExactly(100);
    }

    @Test
    void moreThanAHundredItemsAreRefusedBeforeAnyRequest() {
        serverKnowingAllBut(Set.of());

        assertThatThrownBy(() -> panel.client().catalog().updateInventory(items(ChannelLimits.MAX_BATCH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 100");
        assertThat(panel.server().getRequestCount()).isZero();
    }

    @Test
    void aSkuTheServerDidNotEchoBackIsReportedNotAssumed() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"skus\":[{\"moderationId\":\"1\","
                + "\"sku\":\"SKU-0\",\"requestedInvQty\":\"0\",\"status\":\"Pending\"}]}"));

        InventoryUpdateResult result = panel.client().catalog().updateInventory(items(2));

        assertThat(result.accepted()).hasSize(1);
        assertThat(result.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.sku()).isEqualTo("SKU-1");
            assertThat(rejection.code()).isEmpty();
        });
    }

    @Test
    void duplicateOrEmptyInputIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> panel.client().catalog().updateInventory(List.of(
                InventoryItem.of("A", BigDecimal.ONE), InventoryItem.of("B", BigDecimal.ONE),
                InventoryItem.of("A", BigDecimal.TEN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("items name SKU A twice");
        assertThatThrownBy(() -> panel.client().catalog().updateInventory(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> panel.client().catalog().updateInventory(List.of(
                InventoryItem.of("A", BigDecimal.ONE), InventoryItem.of("A", BigDecimal.TEN))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThat(panel.server().getRequestCount()).isZero();
    }
}
