package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** orderReturn query: lookup xor window mode (Q44), window rules of codes 804 and 913. */
class ReturnQueryTest {

    private static final Instant FROM = Instant.parse("2021-06-06T19:54:38Z");

    private static ReturnQuery.Builder window(Duration length) {
        return ReturnQuery.builder().updatedFrom(FROM).updatedTo(FROM.plus(length)).addStatusCodes("5", "10");
    }

    @Test
    void lookupModeNeedsOnlyAReturnNumber() {
        ReturnQuery query = ReturnQuery.builder().returnNo("R1").build();

        assertThat(query.isLookup()).isTrue();
        assertThat(query.pageNumber()).isEqualTo(1);
        assertThat(query.limit()).isEqualTo(100);
    }

    @Test
    void windowModeAcceptsAWindowJustUnderSevenDays() {
        ReturnQuery query = window(Duration.ofDays(7).minusSeconds(1)).sellerId("mwhc1").build();

        assertThat(query.isLookup()).isFalse();
        assertThat(query.statusCodes()).containsExactly("5", "10");
    }

    @Test
    void windowOfSevenDaysOrMoreIsRejected() {
        assertThatThrownBy(() -> window(Duration.ofDays(7)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("updatedTo - updatedFrom must be shorter than 7 days, was PT168H");
        assertThatThrownBy(() -> window(Duration.ofDays(30)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("updatedTo - updatedFrom");
    }

    @Test
    void windowEndMustBeAfterItsStartToTheSecond() {
        assertThatThrownBy(() -> window(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("updatedTo must be after updatedFrom");
        assertThatThrownBy(() -> window(Duration.ofHours(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("updatedTo must be after updatedFrom");
        assertThatThrownBy(() -> window(Duration.ofMillis(500)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("updatedTo must be after updatedFrom");
    }

    @Test
    void windowModeNeedsAllThreeWindowFields() {
        assertThatThrownBy(() -> ReturnQuery.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("updatedFrom must be set when returnNo is absent (window mode)");
        assertThatThrownBy(() -> ReturnQuery.builder().updatedFrom(FROM).addStatusCodes("5").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("updatedTo must be set in window mode");
        assertThatThrownBy(() -> ReturnQuery.builder().updatedFrom(FROM).updatedTo(FROM.plusSeconds(60)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statusCodes must not be empty in window mode");
    }

    @Test
    void modesCannotBeMixed() {
        assertThatThrownBy(() -> window(Duration.ofDays(1)).returnNo("R1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("returnNo (lookup mode) must not be combined");
        assertThatThrownBy(() -> ReturnQuery.builder().returnNo("R1").addStatusCodes("5").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("returnNo (lookup mode) must not be combined");
    }

    @Test
    void blankTextAndBadCodesAreRejected() {
        assertThatThrownBy(() -> ReturnQuery.builder().returnNo(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("returnNo must not be blank");
        assertThatThrownBy(() -> window(Duration.ofDays(1)).sellerId("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sellerId must not be blank");
        assertThatThrownBy(() -> window(Duration.ofDays(1)).addStatusCodes("x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statusCodes[2] must be a numeric status code, was \"x\"");
    }

    @Test
    void pagingIsValidated() {
        assertThatThrownBy(() -> ReturnQuery.builder().returnNo("R1").limit(500).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 1 and 100, was 500");
        assertThatThrownBy(() -> ReturnQuery.builder().returnNo("R1").pageNumber(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pageNumber must be at least 1, was 0");
    }
}
