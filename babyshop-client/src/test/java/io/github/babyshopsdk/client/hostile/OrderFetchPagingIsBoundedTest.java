package io.github.babyshopsdk.client.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 8: a server that keeps answering full pages that do not contain the numbers asked for cannot
 * make orderFetch page to its cap (10,000 pages, about 21 hours of quota). The client would be given 50
 * pages here; it must stop far sooner.
 */
class OrderFetchPagingIsBoundedTest {
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    /** A full page of orders (unreadable beyond their number, which is all paging looks at). */
    private static String page(String... orderNos) {
        return "{\"responseCode\":0,\"orders\":[" + Stream.of(orderNos).map(no -> "{\"orderNo\":\"" + no + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    private BabyshopClient client(String body) {
        panel.enqueueToken();
        for (int i = 0; i < 50; i++) {
            panel.server().enqueue(MockSellerPanel.json(body));
        }
        return panel.clientBuilder().maxPages(50).build();
    }

    private static List<String> keys(Records<Order> records) {
        return Stream.concat(records.records().stream().map(Order::orderNo),
                records.failures().stream().map(RecordFailure::key).flatMap(Optional::stream))
                .collect(Collectors.toList());
    }

    @Test
    void aFullPageWithoutAnyRequestedNumberEndsTheFetch() {
        Records<Order> result = client(page("X1", "X2", "X3")).orders().fetch(List.of("A", "B", "C"));

        assertThat(panel.server().getRequestCount()).as("authToken + one page").isEqualTo(2);
        assertThat(keys(result)).doesNotContain("A", "B", "C");
        assertThat(result.missing()).containsExactly("A", "B", "C");
    }

    @Test
    void aFullPageThatAddsNoNewRequestedNumberEndsTheFetch() {
        Records<Order> result = client(page("A", "B", "X")).orders().fetch(List.of("A", "B", "C"));

        assertThat(panel.server().getRequestCount()).as("authToken + two pages").isEqualTo(3);
        assertThat(keys(result)).contains("A", "B").doesNotContain("C");
        assertThat(result.missing()).containsExactly("C");
    }

    @Test
    void pagingStopsAtTwoPagesPerHundredNumbers() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(page("A", "X", "Y")));
        panel.server().enqueue(MockSellerPanel.json(page("B", "Z", "W")));
        panel.server().enqueue(MockSellerPanel.json(page("C", "V", "U")));

        Records<Order> result = panel.client().orders().fetch(List.of("A", "B", "C"));

        assertThat(panel.server().getRequestCount()).isEqualTo(3);
        assertThat(keys(result)).contains("A", "B").doesNotContain("C");
        assertThat(result.missing()).containsExactly("C");
    }
}
