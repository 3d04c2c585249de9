package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The drift effect: an order updated between two page requests moves to the end of the listing, so a
 * naive reader (page 1, 2, 3... with a fixed updateDate) skips one order and sees another twice; the
 * store's record of truth tells which.
 */
class DriftTest {

    private static final String SINCE = "01/01/2015 00:00:00";
    private static final int LIMIT = 10;

    private static List<String> naivePaging(Http http) {
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 20; page++) {
            JsonNode list = http.call("orderList", "{\"updateDate\":\"" + SINCE + "\",\"pageNumber\":" + page
                    + ",\"limit\":" + LIMIT + "}").json().get("orderList");
            list.forEach(o -> seen.add(o.get("orderNo").asText()));
            if (list.size() < LIMIT) {
                break;
            }
        }
        return seen;
    }

    @Test
    void naivePagingLosesAndRepeatsAnOrderWhileTheTruthTellsWhich() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().fixture(Fixture.of(99, 25, 10))
                .build().start()) {
            Http http = new Http(sim);
            Instant since = sim.parseDate(SINCE);
            List<String> before = sim.store().ordersUpdatedSince(since).stream().map(SimOrder::orderNo).toList();
            sim.simulatedClock().advance(Duration.ofSeconds(30));
            sim.faults().failNext(Operation.ORDER_LIST, 1, FaultKind.DRIFT); // hits the page-1 request

            List<String> seen = naivePaging(http);

            List<String> truth = sim.store().ordersUpdatedSince(since).stream().map(SimOrder::orderNo).toList();
            Set<String> lost = new LinkedHashSet<>(truth);
            lost.removeAll(seen);
            Set<String> unique = new HashSet<>();
            List<String> repeated = seen.stream().filter(no -> !unique.add(no)).toList();

            assertThat(truth).hasSize(26); // 25 fixture orders + 1 inserted during the scan
            assertThat(lost).hasSize(1);
            assertThat(repeated).hasSize(1);

            // the change log explains both: one order of page 1 was updated (and moved to the end)...
            List<OrderChange> drift = sim.store().changes().stream().filter(c -> c.what().contains("drift")).toList();
            assertThat(drift).hasSize(2);
            String updated = drift.get(0).orderNo();
            assertThat(repeated).containsExactly(updated);
            assertThat(seen.subList(0, LIMIT)).contains(updated);
            assertThat(sim.store().order(updated).orElseThrow().lastUpdate()).isEqualTo(sim.clock().instant());
            // ...and the lost order never changed: it slid from page 2 into the already-read page 1
            String lostOrder = lost.iterator().next();
            assertThat(sim.store().changes()).noneMatch(c -> c.orderNo().equals(lostOrder));
            assertThat(before.indexOf(lostOrder)).isEqualTo(LIMIT);
            // the inserted order was seen at the end
            String inserted = drift.get(1).orderNo();
            assertThat(drift.get(1).what()).contains("inserted");
            assertThat(seen.get(seen.size() - 1)).isEqualTo(inserted);
            assertThat(sim.requests().of(Operation.ORDER_LIST).get(0).faultDetail())
                    .isEqualTo("updated " + updated + ", inserted " + inserted);
        }
    }

    @Test
    void withoutDriftNaivePagingIsExact() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().fixture(Fixture.of(99, 25, 10))
                .build().start()) {
            List<String> seen = naivePaging(new Http(sim));
            List<String> truth = sim.store().ordersUpdatedSince(sim.parseDate(SINCE)).stream()
                    .map(SimOrder::orderNo).toList();
            assertThat(seen).containsExactlyElementsOf(truth);
        }
    }

    @Test
    void driftOnProductFetchMovesAServedProductToTheEnd() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().fixture(Fixture.of(4, 0, 15))
                .build().start()) {
            Http http = new Http(sim);
            sim.simulatedClock().advance(Duration.ofMinutes(1));
            sim.faults().failNext(Operation.PRODUCT_FETCH, 1, FaultKind.DRIFT);
            List<String> seen = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                http.call("productFetch", "{\"updatedDate\":\"" + SINCE + "\",\"pageNumber\":" + page + ",\"limit\":5}")
                        .json().get("productList").forEach(p -> seen.add(p.get("sku").asText()));
            }
            Set<String> all = sim.store().products().stream().map(SimProduct::sku).collect(Collectors.toSet());
            assertThat(seen).hasSize(15);
            assertThat(new HashSet<>(seen)).hasSize(14);
            assertThat(all).hasSize(15);
        }
    }
}
