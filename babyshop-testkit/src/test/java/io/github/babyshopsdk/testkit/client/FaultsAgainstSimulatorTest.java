package io.github.babyshopsdk.testkit.client;

import static io.github.babyshopsdk.testkit.client.FulfilmentAgainstSimulatorTest.invoiceFor;
import static io.github.babyshopsdk.testkit.client.FulfilmentAgainstSimulatorTest.pendingOrder;
import static io.github.babyshopsdk.testkit.client.SimClients.builderFor;
import static io.github.babyshopsdk.testkit.client.SimClients.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.error.TransientException;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderChange;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.client.SimClients.SimulatedSleeper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each {@link FaultKind}, scheduled deterministically on the simulator, and what the client makes of it:
 * reads are retried, non-idempotent writes are never repeated (their outcome is reported unknown, and the
 * store shows why the client must not guess), bad records are isolated, and drift is made visible.
 */
class FaultsAgainstSimulatorTest {

    private static final Pattern INDEX = Pattern.compile("^[a-zA-Z]+\\[(\\d+)]");

    private SellerPanelSimulator sim;
    private SimulatedSleeper sleeper;

    private BabyshopClient start(Fixture fixture) {
        sim = SellerPanelSimulator.builder().fixture(fixture).build().start();
        sleeper = new SimulatedSleeper(sim.simulatedClock());
        return builderFor(sim, sleeper).build();
    }

    @AfterEach
    void closeSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private OrderListQuery listQuery(int limit) {
        return OrderListQuery.builder().updatedSince(sim.clock().instant().minus(Duration.ofDays(30))).limit(limit)
                .build();
    }

    private static int index(String faultDetail) {
        Matcher m = INDEX.matcher(faultDetail);
        assertThat(m.find()).as(faultDetail).isTrue();
        return Integer.parseInt(m.group(1));
    }

    // ---- HTTP 5xx ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = FaultKind.class, names = {"HTTP_500", "HTTP_502", "HTTP_503"})
    void anHttpErrorOnAReadIsRetriedWithBackoffAndTheReadSucceeds(FaultKind kind) {
        try (BabyshopClient client = start(Fixture.of(61, 20, 10))) {
            sim.faults().failNext(Operation.ORDER_LIST, 2, kind);

            Page<OrderSummary> page = client.orders().listPage(listQuery(100));

            assertThat(page.records()).hasSize(20);
            assertThat(sim.requests().of(Operation.ORDER_LIST)).extracting(RecordedRequest::httpStatus)
                    .containsExactly(kind.httpStatus(), kind.httpStatus(), 200);
            assertThat(sim.requests().of(Operation.ORDER_LIST)).extracting(RecordedRequest::fault)
                    .containsExactly(kind, kind, null);
            // full jitter at 0.5: half of 1 s, then half of 2 s
            assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(client.metrics().retries()).isEqualTo(2);
            assertThat(sent(client, Operation.ORDER_LIST)).isEqualTo(3);
        }
    }

    @Test
    void aReadThatKeepsFailingEndsInTransientExceptionWithTheHttpStatusAfterMaxAttempts() {
        try (BabyshopClient client = start(Fixture.of(62, 5, 5))) {
            sim.faults().failNext(Operation.ORDER_LIST, 3, FaultKind.HTTP_503);

            assertThatThrownBy(() -> client.orders().listPage(listQuery(100)))
                    .isInstanceOfSatisfying(TransientException.class, e -> {
                        assertThat(e.httpStatus()).hasValue(503);
                        assertThat(e.isRetryable()).isTrue();
                        assertThat(e.getMessage()).doesNotContain("<html").doesNotContain("<!DOCTYPE");
                    });
            assertThat(sim.requests().count(Operation.ORDER_LIST)).isEqualTo(3);
            assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        }
    }

    @Test
    void anHttpErrorOnGenerateInvoiceIsOutcomeUnknownAndTheReadBackFindsNoInvoice() {
        try (BabyshopClient client = start(Fixture.of(63, 30, 15))) {
            SimOrder order = pendingOrder(sim);
            List<IssuedInvoice> invoicesBefore = sim.store().invoices();
            sim.faults().failNext(Operation.GENERATE_INVOICE, 1, FaultKind.HTTP_500);

            assertThatThrownBy(() -> client.fulfilment().generateInvoice(invoiceFor(order)))
                    .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
                        assertThat(e.operation()).contains(io.github.babyshopsdk.client.Operation.GENERATE_INVOICE);
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.getCause()).isInstanceOf(TransientException.class);
                    });

            assertThat(sim.requests().count(Operation.GENERATE_INVOICE)).isEqualTo(1);
            assertThat(sent(client, Operation.GENERATE_INVOICE)).isEqualTo(1);
            assertThat(sleeper.sleeps()).isEmpty();
            // the request never reached the server: no invoice, and the caller's read-back shows none
            assertThat(sim.store().invoices()).isEqualTo(invoicesBefore);
            Order readBack = client.orders().fetch(List.of(order.orderNo())).records().get(0);
            assertThat(readBack.lines()).allSatisfy(l -> assertThat(l.invoiceNo()).isEmpty());
            assertThat(readBack.status()).isEqualTo(io.github.babyshopsdk.client.model.OrderStatus.PENDING);

            // so the caller may send it again, and exactly one invoice results
            String invoiceNo = client.fulfilment().generateInvoice(invoiceFor(order));
            assertThat(sim.store().invoices().stream().filter(IssuedInvoice::viaApi)).singleElement()
                    .extracting(IssuedInvoice::invoiceNo).isEqualTo(invoiceNo);
        }
    }

    // ---- dropped connections -------------------------------------------------------------------

    @Test
    void aDroppedConnectionOnAReadIsRetriedAndTheReadSucceeds() {
        try (BabyshopClient client = start(Fixture.of(64, 12, 10))) {
            List<String> orderNos = sim.store().orders().stream().map(SimOrder::orderNo).limit(5).toList();
            sim.faults().failNext(Operation.ORDER_FETCH, 1, FaultKind.DROPPED_CONNECTION);

            Records<Order> orders = client.orders().fetch(orderNos);

            assertThat(orders.records()).extracting(Order::orderNo).containsExactlyElementsOf(orderNos);
            List<RecordedRequest> fetches = sim.requests().of(Operation.ORDER_FETCH);
            assertThat(fetches.get(0).fault()).isEqualTo(FaultKind.DROPPED_CONNECTION);
            assertThat(fetches.get(0).httpStatus()).isZero();
            assertThat(fetches.get(1).responseCode()).isZero();
            assertThat(fetches.get(1).requestBody()).isEqualTo(fetches.get(0).requestBody());
            assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
            assertThat(client.metrics().retries()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionDroppedAfterGenerateInvoiceWasProcessedIsOutcomeUnknownAndTheInvoiceExists() {
        try (BabyshopClient client = start(Fixture.of(65, 30, 15))) {
            SimOrder order = pendingOrder(sim);
            sim.faults().failNext(Operation.GENERATE_INVOICE, 1, FaultKind.DROPPED_AFTER_PROCESSING);

            assertThatThrownBy(() -> client.fulfilment().generateInvoice(invoiceFor(order)))
                    .isInstanceOf(OutcomeUnknownException.class);

            assertThat(sim.requests().count(Operation.GENERATE_INVOICE)).isEqualTo(1);
            assertThat(sent(client, Operation.GENERATE_INVOICE)).isEqualTo(1);
            RecordedRequest sentOnce = sim.requests().last(Operation.GENERATE_INVOICE).orElseThrow();
            assertThat(sentOnce.responseCode()).isZero();
            assertThat(sentOnce.httpStatus()).isZero();
            // the write happened: repeating it would have asked for a second invoice
            List<IssuedInvoice> viaApi = sim.store().invoices().stream().filter(IssuedInvoice::viaApi).toList();
            assertThat(viaApi).hasSize(1);
            IssuedInvoice created = viaApi.get(0);
            assertThat(created.orderNo()).isEqualTo(order.orderNo());
            assertThat(sim.store().order(order.orderNo()).orElseThrow().status())
                    .isEqualTo(OrderStatus.READY_FOR_SHIP.code());
            Order readBack = client.orders().fetch(List.of(order.orderNo())).records().get(0);
            assertThat(readBack.lines()).allSatisfy(l -> assertThat(l.invoiceNo()).contains(created.invoiceNo()));
            assertThat(client.fulfilment().fetchInvoice(created.invoiceNo()).records()).hasSize(order.lines().size());
        }
    }

    @Test
    void aConnectionDroppedAfterOrderShippingWasProcessedIsOutcomeUnknownAndTheOrderIsShipped() {
        try (BabyshopClient client = start(Fixture.of(66, 40, 15))) {
            SimOrder ready = sim.store().orders().stream()
                    .filter(o -> o.status() == OrderStatus.READY_FOR_SHIP.code()).findFirst().orElseThrow();
            IssuedInvoice invoice = sim.store().invoices().stream().filter(i -> i.orderNo().equals(ready.orderNo()))
                    .findFirst().orElseThrow();
            sim.faults().failNext(Operation.ORDER_SHIPPING, 1, FaultKind.DROPPED_AFTER_PROCESSING);

            assertThatThrownBy(() -> client.fulfilment().ship(Shipment.of(ready.orderNo(), invoice.invoiceNo(),
                    invoice.transporterName(), invoice.trackingNo())))
                    .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> assertThat(e.operation())
                            .contains(io.github.babyshopsdk.client.Operation.ORDER_SHIPPING));

            assertThat(sim.requests().count(Operation.ORDER_SHIPPING)).isEqualTo(1);
            assertThat(sent(client, Operation.ORDER_SHIPPING)).isEqualTo(1);
            assertThat(sim.store().shipments()).singleElement()
                    .satisfies(s -> assertThat(s.orderNo()).isEqualTo(ready.orderNo()));
            assertThat(sim.store().order(ready.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED.code());
            assertThat(client.orders().fetch(List.of(ready.orderNo())).records().get(0).status())
                    .isEqualTo(io.github.babyshopsdk.client.model.OrderStatus.SHIPPED);
        }
    }

    @Test
    void aConnectionDroppedAfterOrderCancellationWasProcessedIsOutcomeUnknownAndTheOrderIsCancelled() {
        try (BabyshopClient client = start(Fixture.of(67, 30, 15))) {
            SimOrder order = pendingOrder(sim);
            sim.faults().failNext(Operation.ORDER_CANCELLATION, 1, FaultKind.DROPPED_AFTER_PROCESSING);

            assertThatThrownBy(() -> client.fulfilment().cancelOrder(order.orderNo()))
                    .isInstanceOf(OutcomeUnknownException.class);

            assertThat(sim.requests().count(Operation.ORDER_CANCELLATION)).isEqualTo(1);
            assertThat(sent(client, Operation.ORDER_CANCELLATION)).isEqualTo(1);
            assertThat(sim.store().order(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED.code());
            assertThat(sim.store().cancellations()).singleElement().satisfies(c -> assertThat(c.applied()).isTrue());
            assertThat(client.orders().fetch(List.of(order.orderNo())).records().get(0).status())
                    .isEqualTo(io.github.babyshopsdk.client.model.OrderStatus.CANCELLED);
        }
    }

    @Test
    void aConnectionDroppedAfterAnInventoryUpdateIsRetriedBecauseAbsoluteLevelsAreSafeToRepeat() {
        try (BabyshopClient client = start(Fixture.of(73, 0, 10))) {
            List<InventoryItem> items = sim.store().products().stream().limit(3)
                    .map(p -> InventoryItem.of(p.sku(), BigDecimal.valueOf(42))).toList();
            sim.faults().failNext(Operation.INVENTORY_PRICE_UPDATE, 1, FaultKind.DROPPED_AFTER_PROCESSING);

            InventoryUpdateResult result = client.catalog().updateInventory(items);

            assertThat(result.allAccepted()).isTrue();
            assertThat(sim.requests().count(Operation.INVENTORY_PRICE_UPDATE)).isEqualTo(2);
            assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
            // both submissions were recorded (two moderation entries per SKU), and the level is the same
            assertThat(sim.store().inventoryUpdates()).hasSize(6);
            assertThat(sim.store().latestInventory().values())
                    .allSatisfy(u -> assertThat(u.invQty()).isEqualByComparingTo("42"));
            assertThat(result.accepted()).extracting(m -> Long.parseLong(m.moderationId())).containsExactlyElementsOf(
                    sim.store().latestInventory().values().stream().map(InventoryUpdate::moderationId).toList());
        }
    }

    @Test
    void aConnectionDroppedBeforeOrderCancellationLooksTheSameToTheClientButNothingHappened() {
        try (BabyshopClient client = start(Fixture.of(68, 30, 15))) {
            SimOrder order = pendingOrder(sim);
            sim.faults().failNext(Operation.ORDER_CANCELLATION, 1, FaultKind.DROPPED_CONNECTION);

            assertThatThrownBy(() -> client.fulfilment().cancelOrder(order.orderNo()))
                    .isInstanceOf(OutcomeUnknownException.class);

            assertThat(sim.requests().count(Operation.ORDER_CANCELLATION)).isEqualTo(1);
            assertThat(sim.store().order(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING.code());
            assertThat(sim.store().cancellations()).isEmpty();
            assertThat(client.orders().fetch(List.of(order.orderNo())).records().get(0).status())
                    .isEqualTo(io.github.babyshopsdk.client.model.OrderStatus.PENDING);
        }
    }

    // ---- slow response -------------------------------------------------------------------------

    @Test
    void aSlowResponseStillSucceedsWithoutARetry() {
        try (BabyshopClient client = start(Fixture.of(69, 15, 10))) {
            sim.faults().slowDelay(Duration.ofMillis(200)).failNext(Operation.ORDER_LIST, 1, FaultKind.SLOW_RESPONSE);

            Page<OrderSummary> page = client.orders().listPage(listQuery(100));

            assertThat(page.records()).hasSize(15);
            assertThat(sim.requests().of(Operation.ORDER_LIST)).singleElement()
                    .satisfies(r -> assertThat(r.fault()).isEqualTo(FaultKind.SLOW_RESPONSE));
            assertThat(client.metrics().retries()).isZero();
            assertThat(sleeper.sleeps()).isEmpty();
        }
    }

    // ---- malformed records ---------------------------------------------------------------------

    @Test
    void aMalformedOrderListRecordBecomesARecordFailureAndTheListingGoesOn() {
        try (BabyshopClient client = start(Fixture.of(70, 25, 10))) {
            OrderListQuery query = listQuery(10);
            List<SimOrder> truth = sim.store().ordersUpdatedSince(query.updatedSince().orElseThrow());
            Iterator<Page<OrderSummary>> pages = client.orders().list(query).iterator();
            Page<OrderSummary> first = pages.next();
            sim.faults().failNext(Operation.ORDER_LIST, 1, FaultKind.MALFORMED_RECORD); // hits page 2

            Page<OrderSummary> second = pages.next();
            Page<OrderSummary> third = pages.next();

            assertThat(pages.hasNext()).isFalse();
            String detail = sim.requests().of(Operation.ORDER_LIST).get(1).faultDetail();
            assertThat(detail).matches("orderList\\[\\d+]\\.orderLastUpdateDate");
            int bad = index(detail);
            assertThat(second.failures()).singleElement().satisfies(f -> {
                assertThat(f.index()).isEqualTo(bad);
                assertThat(f.key()).contains(truth.get(10 + bad).orderNo());
                assertThat(f.reason()).contains("orderLastUpdateDate");
            });
            // the rest of page 2 was read, and the failure counts as a row: page 2 is full, so page 3 is read
            assertThat(second.records()).hasSize(9);
            assertThat(second.isLast()).isFalse();
            List<String> expected = new ArrayList<>(truth.stream().map(SimOrder::orderNo).toList());
            expected.remove(10 + bad);
            List<String> read = new ArrayList<>();
            for (Page<OrderSummary> p : List.of(first, second, third)) {
                p.records().forEach(s -> read.add(s.orderNo()));
            }
            assertThat(read).containsExactlyElementsOf(expected);
            assertThat(first.failures()).isEmpty();
            assertThat(third.failures()).isEmpty();
        }
    }

    @Test
    void aMalformedOrderLineFailsItsOrderAndNamesTheLineField() {
        try (BabyshopClient client = start(Fixture.of(71, 12, 10))) {
            List<String> orderNos = sim.store().orders().stream().map(SimOrder::orderNo).limit(6).toList();
            sim.faults().failNext(Operation.ORDER_FETCH, 1, FaultKind.MALFORMED_RECORD);

            Records<Order> orders = client.orders().fetch(orderNos);

            String detail = sim.requests().of(Operation.ORDER_FETCH).get(0).faultDetail();
            assertThat(detail).matches("orders\\[\\d+]\\.orderItems\\[\\d+]\\.orderQty");
            int bad = index(detail);
            String line = detail.substring(detail.indexOf("orderItems"));
            RecordFailure failure = orders.failures().get(0);
            assertThat(orders.failures()).hasSize(1);
            assertThat(failure.index()).isEqualTo(bad);
            assertThat(failure.key()).contains(orderNos.get(bad));
            assertThat(failure.reason()).startsWith(line).contains("abc");
            List<String> rest = new ArrayList<>(orderNos);
            rest.remove(bad);
            assertThat(orders.records()).extracting(Order::orderNo).containsExactlyElementsOf(rest);
        }
    }

    @Test
    void aMalformedProductPriceBecomesARecordFailureAndTheRestOfThePageIsRead() {
        try (BabyshopClient client = start(Fixture.of(72, 0, 30))) {
            Instant since = sim.clock().instant().minus(Duration.ofDays(365));
            List<SimProduct> truth = sim.store().products().stream()
                    .sorted(Comparator.comparing(SimProduct::lastUpdate).thenComparing(SimProduct::sku)).toList();
            sim.faults().failNext(Operation.PRODUCT_FETCH, 1, FaultKind.MALFORMED_RECORD);

            Page<Product> page = client.catalog().productPage(ProductQuery.builder().updatedSince(since).build());

            String detail = sim.requests().last(Operation.PRODUCT_FETCH).orElseThrow().faultDetail();
            assertThat(detail).matches("productList\\[\\d+]\\.mrp");
            int bad = index(detail);
            assertThat(page.failures()).singleElement().satisfies(f -> {
                assertThat(f.index()).isEqualTo(bad);
                assertThat(f.key()).contains(truth.get(bad).sku());
                assertThat(f.reason()).startsWith("mrp").contains("abc");
            });
            assertThat(page.records()).hasSize(29);
            assertThat(page.records()).extracting(Product::sku).doesNotContain(truth.get(bad).sku());
        }
    }

    // ---- drift ---------------------------------------------------------------------------------

    @Test
    void naivePagingUnderDriftSkipsAndRepeatsExactlyTheOrdersTheTruthNamesAndARereadRecoversThem() {
        try (BabyshopClient client = start(Fixture.of(99, 25, 10))) {
            OrderListQuery query = listQuery(10);
            Instant since = query.updatedSince().orElseThrow();
            List<String> before = sim.store().ordersUpdatedSince(since).stream().map(SimOrder::orderNo).toList();
            sim.simulatedClock().advance(Duration.ofSeconds(30));
            sim.faults().failNext(Operation.ORDER_LIST, 1, FaultKind.DRIFT); // hits the page-1 request

            List<String> seen = client.orders().list(query).records().map(OrderSummary::orderNo).toList();

            List<String> truth = sim.store().ordersUpdatedSince(since).stream().map(SimOrder::orderNo).toList();
            Set<String> lost = new LinkedHashSet<>(truth);
            lost.removeAll(seen);
            Set<String> unique = new HashSet<>();
            List<String> repeated = seen.stream().filter(no -> !unique.add(no)).toList();
            assertThat(sim.requests().count(Operation.ORDER_LIST)).isEqualTo(3);
            assertThat(truth).hasSize(26); // 25 seeded + 1 inserted during the scan
            assertThat(seen).hasSize(26);  // as many rows as the truth, but not the same orders
            assertThat(lost).hasSize(1);
            assertThat(repeated).hasSize(1);

            // the truth names both: the repeated one is the order updated during the scan (moved to the end)...
            List<OrderChange> drift = sim.store().changes().stream().filter(c -> c.what().contains("drift")).toList();
            assertThat(drift).hasSize(2);
            assertThat(repeated).containsExactly(drift.get(0).orderNo());
            // ...the lost one never changed: it slid from page 2 into the page already read
            String lostOrder = lost.iterator().next();
            assertThat(sim.store().changes()).noneMatch(c -> c.orderNo().equals(lostOrder));
            assertThat(before.indexOf(lostOrder)).isEqualTo(10);
            // ...and the inserted one came last
            assertThat(seen.get(seen.size() - 1)).isEqualTo(drift.get(1).orderNo());

            // re-reading only from the newest update seen (minus a short overlap) does not bring the lost
            // order back: its update time is old; the re-read must overlap the whole window of the pass
            Instant newestSeen = client.orders().fetch(seen).records().stream()
                    .map(o -> o.lastUpdated().orElseThrow()).max(Comparator.naturalOrder()).orElseThrow();
            List<String> shortOverlap = client.orders().list(OrderListQuery.builder()
                    .updatedSince(newestSeen.minus(Duration.ofMinutes(5))).limit(10).build())
                    .records().map(OrderSummary::orderNo).toList();
            assertThat(shortOverlap).doesNotContain(lostOrder);

            // a second pass over the same window, de-duplicated by orderNo, recovers every order
            List<String> secondPass = client.orders().list(query).records().map(OrderSummary::orderNo).toList();
            Set<String> recovered = new LinkedHashSet<>(seen);
            recovered.addAll(secondPass);
            assertThat(recovered).containsExactlyInAnyOrderElementsOf(truth);
            assertThat(secondPass).containsExactlyElementsOf(truth); // no drift this time: exact
        }
    }
}
