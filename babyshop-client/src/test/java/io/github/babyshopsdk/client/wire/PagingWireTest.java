package io.github.babyshopsdk.client.wire;

import static io.github.babyshopsdk.client.wire.WireAssertions.assertKeyedFormPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paging on the wire (reference §1.8): every paged listing sends {@code limit} explicitly and never above
 * 100, numbers pages from 1 up, in the JSON type its example uses, and stops after a short page.
 */
class PagingWireTest {
    private static final Instant SINCE = Instant.parse("2014-12-31T18:30:00Z");

    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    /** The paged listings walked through the public {@code Pages} API with default queries. */
    enum Listing {
        PRODUCTS("productFetch", "productList", i -> "{\"sku\":\"SKU-" + i + "\"}", false,
                client -> client.catalog().products(ProductQuery.builder().updatedSince(SINCE).build()).records().count()),
        ORDERS("orderList", "orderList", i -> "{\"orderNo\":\"" + i + "\"}", false,
                client -> client.orders().list(OrderListQuery.builder().updatedSince(SINCE).build()).records().count()),
        JIT_ORDERS("orderListJIT", "orderList", i -> "{\"orderNo\":\"" + i + "\"}", false,
                client -> client.orders().listJit(OrderListQuery.builder().addStatusCodes("7", "10").build())
                        .records().count()),
        RETURNS("orderReturn", "returns", i -> "{\"internalReturnNo\":\"R" + i + "\",\"orderNo\":\"O" + i + "\"}", true,
                client -> client.orders().returns(ReturnQuery.builder().updatedFrom(SINCE)
                        .updatedTo(SINCE.plusSeconds(86_400)).addStatusCodes("5", "10").build()).records().count());

        final String path;
        final String listField;
        final IntFunction<String> record;
        final boolean pagingAsStrings;
        final Function<BabyshopClient, Long> readAll;

        Listing(String path, String listField, IntFunction<String> record, boolean pagingAsStrings,
                Function<BabyshopClient, Long> readAll) {
            this.path = path;
            this.listField = listField;
            this.record = record;
            this.pagingAsStrings = pagingAsStrings;
            this.readAll = readAll;
        }

        String page(int from, int count) {
            return "{\"responseCode\":0,\"responseMessage\":\"Success\",\"" + listField + "\":["
                    + IntStream.range(from, from + count).mapToObj(record).collect(Collectors.joining(",")) + "]}";
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Listing.class)
    void aListingSendsLimit100OnEveryPageCountsPagesFromOneAndStopsAfterAShortPage(Listing listing) {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(listing.page(0, 100)));
        panel.server().enqueue(MockSellerPanel.json(listing.page(100, 100)));
        panel.server().enqueue(MockSellerPanel.json(listing.page(200, 7)));

        long records = listing.readAll.apply(panel.client());

        assertThat(records).isEqualTo(207);
        assertThat(panel.server().getRequestCount()).isEqualTo(4);
        panel.take();
        for (int page = 1; page <= 3; page++) {
            JsonNode body = assertKeyedFormPost(panel.take(), listing.path);
            if (listing.pagingAsStrings) {
                assertThat(body.get("pageNumber").isTextual()).as("pageNumber as a JSON string").isTrue();
                assertThat(body.get("limit").isTextual()).as("limit as a JSON string").isTrue();
                assertThat(body.get("pageNumber").textValue()).isEqualTo(Integer.toString(page));
                assertThat(body.get("limit").textValue()).isEqualTo("100");
            } else {
                assertThat(body.get("pageNumber").isInt()).as("pageNumber as a JSON number").isTrue();
                assertThat(body.get("limit").isInt()).as("limit as a JSON number").isTrue();
                assertThat(body.get("pageNumber").intValue()).isEqualTo(page);
                assertThat(body.get("limit").intValue()).isEqualTo(100);
            }
        }
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {0, 101, 500})
    void aLimitOutside1To100IsRefusedBeforeAnythingIsSent(int limit) {
        BabyshopClient client = panel.client();

        assertThatThrownBy(() -> client.catalog().productPage(ProductQuery.builder().updatedSince(SINCE)
                .limit(limit).build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> client.orders().listPage(OrderListQuery.builder().updatedSince(SINCE)
                .limit(limit).build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> client.orders().returnsPage(ReturnQuery.builder().returnNo("R1")
                .limit(limit).build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThat(panel.server().getRequestCount()).isZero();
    }

    @Test
    void aListingStartsAtTheQuerysPageAndKeepsItsLimit() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(Listing.ORDERS.page(0, 40)));
        panel.server().enqueue(MockSellerPanel.json(Listing.ORDERS.page(40, 0)));

        long records = panel.client().orders().list(OrderListQuery.builder().updatedSince(SINCE)
                .pageNumber(3).limit(40).build()).records().count();

        assertThat(records).isEqualTo(40);
        panel.take();
        JsonNode third = assertKeyedFormPost(panel.take(), "orderList");
        JsonNode fourth = assertKeyedFormPost(panel.take(), "orderList");
        assertThat(third.get("pageNumber").intValue()).isEqualTo(3);
        assertThat(fourth.get("pageNumber").intValue()).isEqualTo(4);
        assertThat(third.get("limit").intValue()).isEqualTo(40);
        assertThat(fourth.get("limit").intValue()).isEqualTo(40);
    }
}
