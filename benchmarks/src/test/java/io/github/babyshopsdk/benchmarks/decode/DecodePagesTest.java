package io.github.babyshopsdk.benchmarks.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.internal.TypedDecode;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.Records;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The decode benchmark's pages are full, realistic wire pages that the client reads without a failure. */
class DecodePagesTest {

    private final DecodePages pages = DecodePages.generate();
    private final TypedDecode typed = new TypedDecode(DecodePages.ZONE);

    @Test
    void everyPageHoldsOneHundredRecordsInTheWireShape() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode list = mapper.readTree(pages.page("orderList")).get("orderList");
        JsonNode fetch = mapper.readTree(pages.page("orderFetch")).get("orders");
        JsonNode products = mapper.readTree(pages.page("productFetch")).get("productList");
        assertThat(list).hasSize(100);
        assertThat(fetch).hasSize(100);
        assertThat(products).hasSize(100);
        // numbers as strings, dates dd/MM/yyyy HH:mm:ss, lines nested
        assertThat(fetch.get(0).get("orderAmount").isTextual()).isTrue();
        assertThat(fetch.get(0).get("orderDate").textValue()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}");
        assertThat(fetch.get(0).get("orderItems").size()).isPositive();
        assertThat(products.get(0).get("mrp").isTextual()).isTrue();
    }

    @Test
    void theTypedDecodeReadsEveryRecord() {
        assertThat(typed.orderList(pages.page("orderList")).records()).hasSize(100);
        assertThat(typed.productFetch(pages.page("productFetch")).records()).hasSize(100);
        Records<Order> orders = typed.orderFetch(pages.page("orderFetch"));
        assertThat(orders.records()).hasSize(100);
        assertThat(orders.failures()).isEmpty();
        assertThat(orders.records()).allSatisfy(order -> {
            assertThat(order.lines()).isNotEmpty();
            assertThat(order.orderDate()).isPresent();
            assertThat(order.orderAmount()).isPresent();
        });
    }

    @Test
    void thePagesAreTheSameEveryTime() {
        assertThat(DecodePages.generate().page("orderFetch")).isEqualTo(pages.page("orderFetch"));
    }
}
