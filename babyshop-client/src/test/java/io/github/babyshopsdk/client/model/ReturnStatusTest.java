package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The return status table of §4.3, a code space separate from orders. */
class ReturnStatusTest {

    @ParameterizedTest
    @CsvSource({"5,PENDING,Pending", "10,CONFIRMED,Confirmed",
            "15,REVERSE_PICKUP_DELIVERED,Reverse PickUp Delivered", "20,DISPUTED,Disputed",
            "25,CANCELLED,Cancelled", "30,REVERSE_PICKUP_INITIATED,Reverse PickUP Initiated",
            "35,REVERSE_PICKUP_DONE,Reverse PickUP Done", "40,REVERSE_PICKUP_TERMINATED,Reverse PickUP Terminated"})
    void everyDocumentedCodeMapsToItsStatusAndVerbatimLabel(String code, ReturnStatus status, String label) {
        assertThat(ReturnStatus.fromCode(code)).isEqualTo(status);
        assertThat(status.code()).isEqualTo(code);
        assertThat(status.label()).isEqualTo(label);
        assertThat(ReturnStatus.fromLabel(label)).contains(status);
    }

    @Test
    void sameNumberMeansDifferentThingsInTheTwoCodeSpaces() {
        assertThat(ReturnStatus.fromCode("10")).isEqualTo(ReturnStatus.CONFIRMED);
        assertThat(OrderStatus.fromCode("10")).isEqualTo(OrderStatus.READY_FOR_SHIP);
    }

    @Test
    void unknownBlankAndNullCodesAreUnknown() {
        assertThat(ReturnStatus.fromCode("1")).isEqualTo(ReturnStatus.UNKNOWN);
        assertThat(ReturnStatus.fromCode("")).isEqualTo(ReturnStatus.UNKNOWN);
        assertThat(ReturnStatus.fromCode(null)).isEqualTo(ReturnStatus.UNKNOWN);
        assertThat(ReturnStatus.fromCode(" 05")).isEqualTo(ReturnStatus.PENDING);
    }

    @Test
    void labelLookupIgnoresTheInconsistentCapitalisation() {
        assertThat(ReturnStatus.fromLabel("reverse pickup done")).contains(ReturnStatus.REVERSE_PICKUP_DONE);
        assertThat(ReturnStatus.fromLabel("REVERSE PICKUP DELIVERED")).contains(ReturnStatus.REVERSE_PICKUP_DELIVERED);
        assertThat(ReturnStatus.fromLabel("Unknown")).isEmpty();
        assertThat(ReturnStatus.fromLabel(" ")).isEmpty();
    }
}
