package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.support.CapturedLogs;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SecretsNeverReachLogsTest {
    private static final String SECOND_KEY = "SECOND-api-key-0123456789abcdef";
    private final MockSellerPanel panel = new MockSellerPanel();
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @AfterEach
    void closePanel() {
        panel.close();
    }

    @Test
    void aFullRunAtDebugWithWireLoggingNeverLogsThePasswordOrAnApiKey() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"responseMessage\":\"Success\",\"orderList\":["
                + "{\"orderNo\":\"1\",\"orderStatus\":\"1\",\"orderDate\":\"13/04/2016 00:19:40\","
                + "\"orderLastUpdateDate\":\"13/04/2016 14:32:05\",\"onHold\":\"0\"}]}"));
        panel.server().enqueue(MockSellerPanel.code(2000, "authToken expired/Invalid authToken."));
        panel.server().enqueue(MockSellerPanel.token(SECOND_KEY));
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"orderList\":[]}"));
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"responseMessage\":\"Success\",\"skus\":["
                + "{\"moderationId\":\"24\",\"sku\":\"SKU-1\",\"requestedInvQty\":\"11\",\"status\":\"Pending\"}]}"));
        panel.server().enqueue(MockSellerPanel.code(11, "Invalid API credentials"));
        BabyshopClient client = panel.clientBuilder().wireLogging(true).build();

        List<String> texts = new ArrayList<>();
        client.orders().listPage(OrderListQuery.builder().addStatusCodes("1").build());
        client.orders().listPage(OrderListQuery.builder().addStatusCodes("1").build());
        client.catalog().updateInventory(List.of(InventoryItem.of("SKU-1", new BigDecimal("11"))));
        Throwable failure = catchThrowable(() -> client.catalog().backOrders());
        texts.add(failure.getMessage());
        texts.add(failure.toString());
        texts.add(client.toString());
        texts.add(client.token().toString());
        texts.add(Credentials.of(MockSellerPanel.USERNAME, MockSellerPanel.PASSWORD).toString());
        for (ILoggingEvent event : logs.events()) {
            texts.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }

        String all = texts.stream().collect(Collectors.joining("\n"));
        assertThat(logs.events()).as("wire logging produced DEBUG lines").hasSizeGreaterThan(10);
        assertThat(all).contains("authToken").contains("orderList").contains("ApiKey");
        assertThat(all).doesNotContain(MockSellerPanel.PASSWORD)
                .doesNotContain(URLEncoder.encode(MockSellerPanel.PASSWORD, StandardCharsets.UTF_8))
                .doesNotContain(MockSellerPanel.API_KEY)
                .doesNotContain(SECOND_KEY);
    }
}
