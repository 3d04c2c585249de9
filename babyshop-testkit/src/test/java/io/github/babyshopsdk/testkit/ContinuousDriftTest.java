package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Continuous drift: N inserts and M updates after every listing page, seeded, for orders and products; a
 * reader that pages by page number loses one record per update of a record it was already served, and the
 * store's record of truth and request log say which.
 */
class ContinuousDriftTest {

    private static final String SINCE = "01/01/2015 00:00:00";
    private static final int LIMIT = 10;

    /** Reads every page of a listing by page number, as a naive reader would; returns the keys in order. */
    private static List<String> naivePaging(Http http, String operation, String dateField, String list,
                                            String key) {
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 100; page++) {
            JsonNode records = http.call(operation, "{\"" + dateField + "\":\"" + SINCE + "\",\"pageNumber\":" + page
                    + ",\"limit\":" + LIMIT + "}").json().get(list);
            records.forEach(r -> seen.add(r.get(key).asText()));
            if (records.size() < LIMIT) {
                break;
            }
        }
        return seen;
    }

    private static List<String> naiveOrders(Http http) {
        return naivePaging(http, "orderList", "updateDate", "orderList", "orderNo");
    }

    private static SellerPanelSimulator simulator(long seed) {
        return SellerPanelSimulator.builder().seed(seed).noQuota().fixture(Fixture.of(99, 35, 10)).build().start();
    }

    @Test
    void everyOrderListPageIsFollowedByTheInsertsAndUpdatesOfTheRate() {
        try (SellerPanelSimulator sim = simulator(42)) {
            sim.simulatedClock().advance(Duration.ofMinutes(1));
            sim.faults().continuousDrift(Operation.ORDER_LIST, 2, 3);
            Http http = new Http(sim);

            List<String> seen = naiveOrders(http);

            int pages = sim.requests().of(Operation.ORDER_LIST).size();
            List<OrderChange> drift = sim.store().changes().stream().filter(c -> c.what().contains("drift")).toList();
            assertThat(drift.stream().filter(c -> c.what().contains("inserted"))).hasSize(2 * pages);
            assertThat(drift.stream().filter(c -> !c.what().contains("inserted"))).hasSize(3 * pages);
            assertThat(sim.store().orders()).hasSize(35 + 2 * pages);
            for (RecordedRequest request : sim.requests().of(Operation.ORDER_LIST)) {
                assertThat(request.fault()).isNull();
                assertThat(request.faultDetail()).startsWith("drift: updated ").contains(", inserted ");
            }
            // the naive reader was served some records twice and lost others for good (they never changed)
            List<String> truth = sim.store().ordersUpdatedSince(sim.parseDate(SINCE)).stream()
                    .map(SimOrder::orderNo).toList();
            Set<String> lost = new LinkedHashSet<>(truth);
            lost.removeAll(seen);
            assertThat(lost).isNotEmpty();
            Set<String> unique = new HashSet<>();
            assertThat(seen.stream().filter(no -> !unique.add(no))).isNotEmpty();
        }
    }

    @Test
    void updatesTouchOnlyRecordsAlreadyServedAndMoveThemToTheEnd() {
        try (SellerPanelSimulator sim = simulator(5)) {
            Instant now = sim.simulatedClock().advance(Duration.ofMinutes(1));
            sim.faults().continuousDrift(Operation.ORDER_LIST, 0, 2);
            Http http = new Http(sim);
            List<String> firstPage = new ArrayList<>();
            http.call("orderList", "{\"updateDate\":\"" + SINCE + "\",\"pageNumber\":1,\"limit\":" + LIMIT + "}").json()
                    .get("orderList").forEach(o -> firstPage.add(o.get("orderNo").asText()));

            List<OrderChange> updates = sim.store().changes();
            assertThat(updates).hasSize(2);
            assertThat(updates).extracting(OrderChange::orderNo).allMatch(firstPage::contains).doesNotHaveDuplicates();
            List<SimOrder> listing = sim.store().ordersUpdatedSince(sim.parseDate(SINCE));
            assertThat(listing.subList(listing.size() - 2, listing.size())).extracting(SimOrder::orderNo)
                    .containsExactlyInAnyOrderElementsOf(updates.stream().map(OrderChange::orderNo).toList());
            assertThat(listing.get(listing.size() - 1).lastUpdate()).isEqualTo(now);
        }
    }

    @Test
    void theSameSeedGivesTheSameDrift() {
        List<List<String>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (SellerPanelSimulator sim = simulator(7)) {
                sim.simulatedClock().advance(Duration.ofMinutes(1));
                sim.faults().continuousDrift(1, 1);
                List<String> run = new ArrayList<>(naiveOrders(new Http(sim)));
                sim.store().changes().forEach(c -> run.add(c.orderNo() + " " + c.what()));
                runs.add(run);
            }
        }
        assertThat(runs.get(0)).isNotEmpty().containsExactlyElementsOf(runs.get(1));
    }

    @Test
    void driftDrawsFromItsOwnRandomSoTheRandomFaultsStayTheSame() {
        List<List<FaultKind>> faults = new ArrayList<>();
        for (boolean drift : new boolean[] {false, true}) {
            try (SellerPanelSimulator sim = simulator(11)) {
                sim.faults().randomly(FaultKind.MALFORMED_RECORD, 0.4);
                if (drift) {
                    sim.faults().continuousDrift(2, 2);
                }
                Http http = new Http(sim);
                for (int page = 1; page <= 6; page++) {
                    http.call("orderList", "{\"updateDate\":\"" + SINCE + "\",\"pageNumber\":" + page + ",\"limit\":5}");
                }
                faults.add(sim.requests().of(Operation.ORDER_LIST).stream().map(RecordedRequest::fault).toList());
            }
        }
        assertThat(faults.get(0)).contains(FaultKind.MALFORMED_RECORD).containsExactlyElementsOf(faults.get(1));
    }

    @Test
    void productListingsDriftTooButLookupsBySkuCodeDoNot() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().fixture(Fixture.of(4, 0, 25))
                .build().start()) {
            sim.simulatedClock().advance(Duration.ofMinutes(1));
            sim.faults().continuousDrift(Operation.PRODUCT_FETCH, 3, 1);
            Http http = new Http(sim);
            String sku = sim.store().products().get(0).sku();
            http.call("productFetch", "{\"skuCode\":[\"" + sku + "\"]}");
            assertThat(sim.store().products()).hasSize(25);

            List<String> seen = naivePaging(http, "productFetch", "updatedDate", "productList", "sku");

            int pages = sim.requests().of(Operation.PRODUCT_FETCH).size() - 1;
            assertThat(sim.store().products()).hasSize(25 + 3 * pages);
            Set<String> lost = new LinkedHashSet<>(sim.store().products().stream().map(SimProduct::sku).toList());
            lost.removeAll(seen);
            assertThat(lost).isNotEmpty();
            assertThat(sim.requests().of(Operation.PRODUCT_FETCH).get(0).faultDetail()).isNull();
            assertThat(sim.requests().of(Operation.PRODUCT_FETCH).get(1).faultDetail())
                    .matches("drift: updated BS-\\S+, inserted BS-\\S+ BS-\\S+ BS-\\S+");
        }
    }

    @Test
    void theBuilderStartsDriftOnEveryListingAndStopDriftOrClearEndsIt() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().fixture(Fixture.of(3, 12, 5))
                .continuousDrift(1, 0).build().start()) {
            for (Operation operation : Operation.values()) {
                assertThat(sim.faults().continuousDrift(operation)).as("%s", operation)
                        .isEqualTo(operation.drifts() ? java.util.Optional.of(new DriftRate(1, 0))
                                : java.util.Optional.empty());
            }
            Http http = new Http(sim);
            http.call("orderList", "{\"updateDate\":\"" + SINCE + "\",\"limit\":5}");
            assertThat(sim.store().orders()).hasSize(13);

            sim.faults().stopDrift();
            http.call("orderList", "{\"updateDate\":\"" + SINCE + "\",\"limit\":5}");
            assertThat(sim.store().orders()).hasSize(13);

            sim.faults().continuousDrift(Operation.ORDER_LIST, 2, 0).clear();
            http.call("orderList", "{\"updateDate\":\"" + SINCE + "\",\"limit\":5}");
            assertThat(sim.store().orders()).hasSize(13);
            assertThat(sim.faults().continuousDrift(Operation.ORDER_LIST)).isEmpty();
        }
    }

    @Test
    void onlyListingsDriftAndARateNeedsAChange() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().build()) {
            assertThatThrownBy(() -> sim.faults().continuousDrift(Operation.ORDER_FETCH, 1, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORDER_FETCH");
            assertThatThrownBy(() -> sim.faults().continuousDrift(0, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.faults().continuousDrift(Operation.ORDER_LIST, -1, 2))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SellerPanelSimulator.builder().continuousDrift(1, -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(new DriftRate(2, 3).changes()).isEqualTo(5);
        }
    }
}
