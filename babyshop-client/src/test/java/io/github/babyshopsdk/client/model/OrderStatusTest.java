package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order status table of §4.1 and its tolerant lookups. */
class OrderStatusTest {

    @ParameterizedTest
    @CsvSource({"1,PENDING,Pending", "5,CONFIRMED,Confirmed", "8,CANCELLED,Cancelled", "9,REPLACED,Replaced",
            "10,READY_FOR_SHIP,Ready for Ship", "12,AWB_IN_PROCESS,AWB InProcess", "15,SHIPPED,Shipped",
            "18,IN_PROCESS,In Process", "20,IN_TRANSIT,Intransit", "25,DELIVERED,Delivered",
            "30,READY_FOR_PICKUP,Ready for Pickup", "35,PICKUP_IN_TRANSIT,Pickup Intransit",
            "40,PICKUP_CONFIRMED,Pickup Confirmed", "45,DISPUTED,Disputed", "50,REJECTED,Rejected",
            "55,RETURNED,Returned", "60,RTO,RTO", "65,RTO_DELIVERED,RTO Delivered"})
    void everyDocumentedCodeMapsToItsStatusAndVerbatimLabel(String code, OrderStatus status, String label) {
        assertThat(OrderStatus.fromCode(code)).isEqualTo(status);
        assertThat(status.code()).isEqualTo(code);
        assertThat(status.label()).isEqualTo(label);
        assertThat(OrderStatus.fromLabel(label)).contains(status);
    }

    @Test
    void tableHasEighteenDistinctCodesPlusUnknown() {
        Set<String> codes = Arrays.stream(OrderStatus.values()).map(OrderStatus::code).collect(Collectors.toSet());

        assertThat(OrderStatus.values()).hasSize(19);
        assertThat(codes).hasSize(19);
        assertThat(OrderStatus.UNKNOWN.code()).isEmpty();
    }

    @Test
    void unknownBlankAndNullCodesAreUnknownWithoutThrowing() {
        assertThat(OrderStatus.fromCode("77")).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(OrderStatus.fromCode("7")).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(OrderStatus.fromCode("")).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(OrderStatus.fromCode("  ")).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(OrderStatus.fromCode(null)).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(OrderStatus.fromCode("Pending")).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(OrderStatus.fromCode("8.0")).isEqualTo(OrderStatus.UNKNOWN);
    }

    @Test
    void codeLookupIgnoresWhitespaceAndLeadingZeros() {
        assertThat(OrderStatus.fromCode(" 8 ")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderStatus.fromCode("08")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderStatus.fromCode("010")).isEqualTo(OrderStatus.READY_FOR_SHIP);
        assertThat(OrderStatus.fromCode("0")).isEqualTo(OrderStatus.UNKNOWN);
    }

    @Test
    void labelLookupIgnoresCaseAndExtraSpaces() {
        assertThat(OrderStatus.fromLabel("ready for ship")).contains(OrderStatus.READY_FOR_SHIP);
        assertThat(OrderStatus.fromLabel("  READY   for Ship ")).contains(OrderStatus.READY_FOR_SHIP);
        assertThat(OrderStatus.fromLabel("awb inprocess")).contains(OrderStatus.AWB_IN_PROCESS);
    }

    @Test
    void labelLookupNeverMatchesUnknownOrGarbage() {
        assertThat(OrderStatus.fromLabel("Unknown")).isEmpty();
        assertThat(OrderStatus.fromLabel("Ready to Ship")).isEmpty();
        assertThat(OrderStatus.fromLabel("")).isEmpty();
        assertThat(OrderStatus.fromLabel(null)).isEmpty();
        assertThat(OrderStatus.fromLabel("10")).isEmpty();
    }
}
