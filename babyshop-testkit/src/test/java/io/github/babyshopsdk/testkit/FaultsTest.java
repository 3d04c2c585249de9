package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaultsTest {

    private static final String LIST = "{\"updateDate\":\"01/01/2015 00:00:00\",\"limit\":100}";

    private static SellerPanelSimulator sim() {
        return SellerPanelSimulator.builder().fixture(Fixture.of(8, 15, 10)).build().start();
    }

    @ParameterizedTest
    @EnumSource(value = FaultKind.class, names = {"HTTP_500", "HTTP_502", "HTTP_503"})
    void httpErrorsAnswerAnHtmlPageWithoutProcessing(FaultKind kind) {
        try (SellerPanelSimulator sim = sim()) {
            Http http = new Http(sim);
            sim.faults().failNext(Operation.ORDER_LIST, 1, kind);
            Http.Reply r = http.call("orderList", LIST);
            assertThat(r.status()).isEqualTo(kind.httpStatus());
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.text()).startsWith("<!DOCTYPE html>").contains("<h1>");
            RecordedRequest rec = sim.requests().last().orElseThrow();
            assertThat(rec.fault()).isEqualTo(kind);
            assertThat(rec.httpStatus()).isEqualTo(kind.httpStatus());
            assertThat(rec.responseCode()).isNull();
            assertThat(sim.quotaUsed(SellerPanelSimulator.DEFAULT_USERNAME)).isZero();
            assertThat(http.call("orderList", LIST).code()).isZero();
            assertThat(sim.faults().pending(Operation.ORDER_LIST)).isZero();
        }
    }

    @Test
    void droppedConnectionClosesWithoutAnswerAndWithoutProcessing() {
        try (SellerPanelSimulator sim = sim()) {
            Http http = new Http(sim);
            SimOrder o = sim.store().orders().stream().filter(x -> x.status() == 1).findFirst().orElseThrow();
            sim.faults().failNext(Operation.ORDER_CANCELLATION, 1, FaultKind.DROPPED_CONNECTION);
            assertThatThrownBy(() -> http.call("orderCancellation", "{\"orderNo\":\"" + o.orderNo() + "\"}"))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(sim.store().order(o.orderNo()).orElseThrow().status()).isEqualTo(1);
            RecordedRequest rec = sim.requests().last().orElseThrow();
            assertThat(rec.fault()).isEqualTo(FaultKind.DROPPED_CONNECTION);
            assertThat(rec.httpStatus()).isZero();
            assertThat(http.call("orderCancellation", "{\"orderNo\":\"" + o.orderNo() + "\"}").code()).isZero();
        }
    }

    @Test
    void droppedAfterProcessingAppliesTheWriteButLosesTheAnswer() {
        try (SellerPanelSimulator sim = sim()) {
            Http http = new Http(sim);
            SimOrder o = sim.store().orders().stream().filter(x -> x.status() == 1).findFirst().orElseThrow();
            sim.faults().failNext(Operation.ORDER_CANCELLATION, 1, FaultKind.DROPPED_AFTER_PROCESSING);
            assertThatThrownBy(() -> http.call("orderCancellation", "{\"orderNo\":\"" + o.orderNo() + "\"}"))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(sim.store().order(o.orderNo()).orElseThrow().status()).isEqualTo(8);
            RecordedRequest rec = sim.requests().last().orElseThrow();
            assertThat(rec.httpStatus()).isZero();
            assertThat(rec.responseCode()).isZero();
            assertThat(sim.quotaUsed(SellerPanelSimulator.DEFAULT_USERNAME)).isEqualTo(1);
        }
    }

    @Test
    void slowResponseArrivesAfterTheDelay() {
        try (SellerPanelSimulator sim = sim()) {
            Http http = new Http(sim);
            sim.faults().slowDelay(Duration.ofMillis(400)).failNext(Operation.ORDER_LIST, 1, FaultKind.SLOW_RESPONSE);
            long start = System.nanoTime();
            Http.Reply r = http.call("orderList", LIST);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.code()).isZero();
            assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
            assertThat(sim.requests().last().orElseThrow().fault()).isEqualTo(FaultKind.SLOW_RESPONSE);
        }
    }

    @Test
    void malformedRecordBreaksOneOrderListElement() {
        try (SellerPanelSimulator sim = sim()) {
            Http http = new Http(sim);
            sim.faults().failNext(Operation.ORDER_LIST, 1, FaultKind.MALFORMED_RECORD);
            JsonNode list = http.call("orderList", LIST).json().get("orderList");
            List<Integer> bad = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                try {
                    sim.parseDate(list.get(i).get("orderLastUpdateDate").asText());
                } catch (IllegalArgumentException e) {
                    bad.add(i);
                }
            }
            assertThat(bad).hasSize(1);
            assertThat(sim.requests().last().orElseThrow().faultDetail())
                    .isEqualTo("orderList[" + bad.get(0) + "].orderLastUpdateDate");
            JsonNode clean = http.call("orderList", LIST).json().get("orderList");
            clean.forEach(o -> sim.parseDate(o.get("orderLastUpdateDate").asText()));
        }
    }

    @Test
    void malformedRecordBreaksOneOrderFetchQuantityAndOneProductPrice() {
        try (SellerPanelSimulator sim = sim()) {
            Http http = new Http(sim);
            List<SimOrder> orders = sim.store().orders();
            sim.faults().failNext(1, FaultKind.MALFORMED_RECORD);
            assertThat(http.call("orderCancellation", "{\"orderNo\":\"NOPE\"}").code()).isEqualTo(9);
            assertThat(sim.faults().pendingForAnyOperation()).isEqualTo(1);
            String body = "{\"orderNo\":[\"" + orders.get(0).orderNo() + "\",\"" + orders.get(1).orderNo() + "\"]}";
            String text = http.call("orderFetch", body).text();
            assertThat(text).containsOnlyOnce("\"orderQty\":\"abc\"");
            assertThat(sim.requests().last().orElseThrow().faultDetail()).matches("orders\\[[01]]\\.orderItems\\[\\d]\\.orderQty");

            sim.faults().failNext(Operation.PRODUCT_FETCH, 1, FaultKind.MALFORMED_RECORD);
            String products = http.call("productFetch", "{\"updatedDate\":\"01/01/2015 00:00:00\"}").text();
            assertThat(products).containsOnlyOnce("\"mrp\":\"abc\"");
        }
    }

    @Test
    void scheduledAnyOperationFaultsHitTheNextCalls() {
        try (SellerPanelSimulator sim = sim()) {
            Http http = new Http(sim);
            sim.faults().failNext(2, FaultKind.HTTP_503).failNext(Operation.ORDER_FETCH, 1, FaultKind.HTTP_500);
            assertThat(http.authToken().status()).isEqualTo(503);
            assertThat(http.call("orderFetch", "{\"orderNo\":[\"x\"]}").status()).isEqualTo(500);
            assertThat(http.call("orderList", LIST).status()).isEqualTo(503);
            assertThat(http.call("orderList", LIST).status()).isEqualTo(200);
        }
    }

    @Test
    void faultsThatCannotApplyAreRejected() {
        try (SellerPanelSimulator sim = sim()) {
            assertThatThrownBy(() -> sim.faults().failNext(Operation.ORDER_FETCH, 1, FaultKind.DRIFT))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.faults().randomly(Operation.GENERATE_INVOICE, FaultKind.MALFORMED_RECORD, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.faults().randomly(FaultKind.HTTP_500, 1.5))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<Integer> randomRun(long seed) {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().build().start()) {
            Http http = new Http(sim);
            sim.faults().seed(seed).randomly(FaultKind.HTTP_503, 0.3).randomly(Operation.ORDER_LIST, FaultKind.HTTP_502, 0.2);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(http.call("orderList", LIST).status());
            }
            return statuses;
        }
    }

    @Test
    void randomFaultsAreRepeatableFromTheSeed() {
        List<Integer> first = randomRun(7);
        assertThat(randomRun(7)).isEqualTo(first);
        assertThat(randomRun(8)).isNotEqualTo(first);
        assertThat(first).contains(200, 502, 503);
        long failures = first.stream().filter(s -> s != 200).count();
        assertThat(failures).isBetween(8L, 32L);
    }

    @Test
    void clearRemovesScheduledAndRandomFaults() {
        try (SellerPanelSimulator sim = sim()) {
            Http http = new Http(sim);
            sim.faults().randomly(FaultKind.HTTP_500, 1.0).failNext(Operation.ORDER_LIST, 3, FaultKind.HTTP_502).clear();
            assertThat(http.call("orderList", LIST).status()).isEqualTo(200);
        }
    }
}
