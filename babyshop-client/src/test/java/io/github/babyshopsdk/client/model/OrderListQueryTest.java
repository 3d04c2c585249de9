package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** orderList query rules: at least one filter (Q39), numeric codes, paging. */
class OrderListQueryTest {

    private static final Instant T = Instant.parse("2015-01-01T00:00:00Z");

    @Test
    void acceptsEitherOrBothFilters() {
        assertThat(OrderListQuery.builder().updatedSince(T).build().statusCodes()).isEmpty();
        assertThat(OrderListQuery.builder().addStatusCodes("1").build().updatedSince()).isEmpty();
        OrderListQuery both = OrderListQuery.builder().updatedSince(T)
                .addStatusCodes(OrderStatus.PENDING.code(), OrderStatus.READY_FOR_SHIP.code()).build();
        assertThat(both.statusCodes()).containsExactly("1", "10");
        assertThat(both.pageNumber()).isEqualTo(1);
        assertThat(both.limit()).isEqualTo(100);
    }

    @Test
    void requiresAtLeastOneFilter() {
        assertThatThrownBy(() -> OrderListQuery.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one of updatedSince and statusCodes must be set");
    }

    @Test
    void rejectsNonNumericOrRepeatedCodes() {
        assertThatThrownBy(() -> OrderListQuery.builder().addStatusCodes("1", "Pending").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statusCodes[1] must be a numeric status code, was \"Pending\"");
        assertThatThrownBy(() -> OrderListQuery.builder().addStatusCodes("1, 5").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("statusCodes[0]");
        assertThatThrownBy(() -> OrderListQuery.builder().addStatusCodes("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("statusCodes[0]");
        assertThatThrownBy(() -> OrderListQuery.builder().addStatusCodes("5", "5").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("statusCodes must not repeat code 5");
        assertThatThrownBy(() -> OrderListQuery.builder().addStatusCodes(OrderStatus.UNKNOWN.code()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("statusCodes[0]");
    }

    @Test
    void rejectsPagingOutOfRange() {
        assertThatThrownBy(() -> OrderListQuery.builder().updatedSince(T).limit(101).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 1 and 100, was 101");
        assertThatThrownBy(() -> OrderListQuery.builder().updatedSince(T).pageNumber(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pageNumber must be at least 1, was -1");
    }
}
