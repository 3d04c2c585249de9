package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagingIsLazyTest {
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    private static String orders(int from, int count) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                list.append(',');
            }
            list.append("{\"orderNo\":\"").append(from + i).append("\",\"orderStatus\":\"1\",")
                    .append("\"orderDate\":\"13/04/2016 00:19:40\",\"orderLastUpdateDate\":\"13/04/2016 14:32:05\"}");
        }
        return "{\"responseCode\":0,\"responseMessage\":\"Success\",\"orderList\":[" + list + "]}";
    }

    @Test
    void pagesAreRequestedOnlyAsIterationReachesThemAndStopAfterAShortPage() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(orders(1, 2)));
        panel.server().enqueue(MockSellerPanel.json(orders(3, 2)));
        panel.server().enqueue(MockSellerPanel.json(orders(5, 1)));
        OrderListQuery query = OrderListQuery.builder().updatedSince(Instant.parse("2026-11-01T00:00:00Z"))
                .limit(2).build();

        Pages<OrderSummary> pages = panel.client().orders().list(query);
        assertThat(panel.server().getRequestCount()).isZero();

        Iterator<Page<OrderSummary>> iterator = pages.iterator();
        assertThat(iterator.next().records()).hasSize(2);
        assertThat(panel.server().getRequestCount()).isEqualTo(2); // authToken and page 1 only
        List<String> rest = List.of(iterator.next(), iterator.next()).stream()
                .flatMap(page -> page.records().stream()).map(OrderSummary::orderNo).collect(Collectors.toList());
        assertThat(rest).containsExactly("3", "4", "5");
        assertThat(iterator.hasNext()).isFalse();

        panel.take();
        for (int page = 1; page <= 3; page++) {
            JsonNode body = MockSellerPanel.requestBody(panel.take());
            assertThat(body.get("pageNumber").asInt()).isEqualTo(page);
            assertThat(body.get("limit").asInt()).isEqualTo(2);
            assertThat(body.get("updateDate").asText()).isEqualTo("01/11/2026 05:30:00");
        }
    }

    @Test
    void aStreamOfRecordsCanStopEarlyWithoutReadingFurtherPages() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(orders(1, 100)));
        panel.server().enqueue(MockSellerPanel.json(orders(101, 100)));

        List<String> first = panel.client().orders().list(OrderListQuery.builder().addStatusCodes("1", "5").build())
                .records().limit(150).map(OrderSummary::orderNo).collect(Collectors.toList());

        assertThat(first).hasSize(150).startsWith("1").endsWith("150");
        assertThat(panel.server().getRequestCount()).isEqualTo(3);
    }

    @Test
    void anEmptyFirstPageEndsTheListing() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"productList\":[]}"));

        long count = panel.client().catalog().products(ProductQuery.builder()
                .updatedSince(Instant.parse("2015-01-01T00:00:00Z")).build()).records().count();

        assertThat(count).isZero();
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void theSafetyCapStopsAListingThatNeverEnds() {
        panel.enqueueToken();
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(MockSellerPanel.json(orders(1, 1)));
        }
        long pages = panel.clientBuilder().maxPages(3).build().orders()
                .list(OrderListQuery.builder().addStatusCodes("1").limit(1).build()).stream().count();

        assertThat(pages).isEqualTo(3);
        assertThat(panel.server().getRequestCount()).isEqualTo(4);
    }
}
