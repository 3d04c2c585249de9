package io.github.babyshopsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClientTourTest {

    @Test
    void theTourCallsEveryOperationAndEndsWithAJsonSummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TourSummary summary = ClientTour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).trim().split("\n");

        for (String operation : new String[] {"authToken", "productFetch", "inventoryPriceUpdate",
                "inventoryPriceStatus", "skuBackOrder", "orderList", "orderFetch", "orderListJIT", "orderReturn",
                "generateInvoice", "fetchInvoice", "fetchDocuments", "orderShipping", "orderCancellation"}) {
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(operation));
        }
        assertThat(lines[lines.length - 1]).startsWith("{\"skus\": 250").endsWith("}");
        String listed = java.util.Arrays.stream(lines).filter(l -> l.startsWith("orderList ")).findFirst().orElseThrow();
        assertThat(listed).contains(" " + summary.ordersFetched() + " orders");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("orderFetch ").contains(", 0 unreadable"));
        assertThat(summary.ordersFetched()).isGreaterThan(100);
        assertThat(summary.inventoryRejected()).isEqualTo(1);
        assertThat(summary.inventoryAccepted()).isEqualTo(20);
        assertThat(summary.apiCalls()).isGreaterThan(40);
        assertThat(summary.quotaWaits()).as("more calls than one window's budget").isPositive();
    }
}
