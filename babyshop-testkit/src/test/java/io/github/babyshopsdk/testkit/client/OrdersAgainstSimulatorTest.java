package io.github.babyshopsdk.testkit.client;

import static io.github.babyshopsdk.testkit.client.SimClients.clientFor;
import static io.github.babyshopsdk.testkit.client.SimClients.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnOrder;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.ReturnStatus;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimOrderLine;
import io.github.babyshopsdk.testkit.SimReturn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * orderList, orderFetch, orderListJIT, orderFetchJIT and orderReturn through the public client, checked
 * against the simulator's record of truth.
 */
class OrdersAgainstSimulatorTest {

    private static SellerPanelSimulator simulator(Fixture fixture) {
        return SellerPanelSimulator.builder().fixture(fixture).build().start();
    }

    private static Instant monthAgo(SellerPanelSimulator sim) {
        return sim.clock().instant().minus(Duration.ofDays(30));
    }

    @Test
    void listThenFetchReadsEverySeededOrderAsTheStoreHoldsIt() {
        try (SellerPanelSimulator sim = simulator(Fixture.of(21, 150, 40)); BabyshopClient client = clientFor(sim)) {
            Instant since = monthAgo(sim);
            List<SimOrder> truth = sim.store().ordersUpdatedSince(since);

            List<Page<OrderSummary>> pages = client.orders().list(OrderListQuery.builder().updatedSince(since).build())
                    .stream().toList();

            assertThat(pages).extracting(p -> p.records().size()).containsExactly(100, 50);
            List<OrderSummary> summaries = pages.stream().flatMap(p -> p.records().stream()).toList();
            assertThat(summaries).hasSize(truth.size()).hasSize(150);
            assertThat(summaries).extracting(OrderSummary::orderNo)
                    .containsExactlyElementsOf(truth.stream().map(SimOrder::orderNo).toList());
            Map<String, SimOrder> byNo = truth.stream().collect(Collectors.toMap(SimOrder::orderNo, Function.identity()));
            assertThat(summaries).allSatisfy(s -> {
                SimOrder expected = byNo.get(s.orderNo());
                assertThat(s.statusCode()).contains(Integer.toString(expected.status()));
                assertThat(s.status().code()).isEqualTo(Integer.toString(expected.status()));
                assertThat(s.lastUpdated()).contains(expected.lastUpdate());
                assertThat(s.orderDate()).contains(expected.orderDate());
                assertThat(s.onHold()).contains(expected.onHold() ? "1" : "0");
            });

            // the client fetches one chunk of at most ChannelLimits.MAX_BATCH numbers per call; the caller chunks
            List<String> numbers = summaries.stream().map(OrderSummary::orderNo).toList();
            List<Order> fetched = new ArrayList<>();
            for (int from = 0; from < numbers.size(); from += ChannelLimits.MAX_BATCH) {
                Records<Order> chunk = client.orders().fetch(numbers.subList(from,
                        Math.min(numbers.size(), from + ChannelLimits.MAX_BATCH)));
                assertThat(chunk.failures()).isEmpty();
                assertThat(chunk.missing()).isEmpty();
                fetched.addAll(chunk.records());
            }

            assertThat(fetched).hasSize(150);
            for (Order order : fetched) {
                SimOrder expected = byNo.get(order.orderNo());
                assertThat(order.masterOrderNo()).contains(expected.masterOrderNo());
                assertThat(order.status().code()).isEqualTo(Integer.toString(expected.status()));
                assertThat(order.currency()).contains(expected.currency());
                assertThat(order.customerName()).contains(expected.customerName());
                assertThat(order.shippingAddress().city()).contains(expected.address().city());
                assertThat(order.shippingAddress().countryCode()).contains(expected.address().countryCode());
                assertThat(order.orderAmount())
                        .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo(expected.orderAmount()));
                assertThat(order.lastUpdated()).contains(expected.lastUpdate());
                assertThat(order.lines()).hasSameSizeAs(expected.lines());
                for (int i = 0; i < expected.lines().size(); i++) {
                    OrderLine line = order.lines().get(i);
                    SimOrderLine want = expected.lines().get(i);
                    assertThat(line.lineNo()).isEqualTo(Integer.toString(want.lineNo()));
                    assertThat(line.sku()).isEqualTo(want.skuCode());
                    assertThat(line.orderQty()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo(
                            Integer.toString(want.orderQty())));
                    assertThat(line.invoiceNo()).isEqualTo(java.util.Optional.ofNullable(want.invoiceNo()));
                    assertThat(line.lineStatusCode()).contains(Integer.toString(want.status()));
                }
            }

            // 1 authToken, 2 list pages, and for orderFetch two calls (100 + 50 numbers), one page each: a
            // full page that answered every number asked ends the call without asking for an empty page
            assertThat(sim.requests().count(Operation.ORDER_LIST)).isEqualTo(2);
            assertThat(sim.requests().count(Operation.ORDER_FETCH)).isEqualTo(2);
            assertThat(sent(client, Operation.ORDER_FETCH)).isEqualTo(2);
            assertThat(sim.requests().count(Operation.AUTH_TOKEN)).isEqualTo(1);
        }
    }

    @Test
    void statusFilterListsOnlyOrdersInThoseStatuses() {
        try (SellerPanelSimulator sim = simulator(Fixture.of(22, 60, 20)); BabyshopClient client = clientFor(sim)) {
            Instant since = monthAgo(sim);
            Set<String> pendingOrConfirmed = sim.store().ordersUpdatedSince(since).stream()
                    .filter(o -> o.status() == OrderStatus.PENDING.code() || o.status() == OrderStatus.CONFIRMED.code())
                    .map(SimOrder::orderNo).collect(Collectors.toSet());

            List<OrderSummary> listed = client.orders().list(OrderListQuery.builder().updatedSince(since)
                    .addStatusCodes("1", "5").build()).records().toList();

            assertThat(listed).extracting(OrderSummary::orderNo).containsExactlyInAnyOrderElementsOf(pendingOrConfirmed);
            assertThat(listed).extracting(s -> s.status().name()).containsOnly("PENDING", "CONFIRMED");
            assertThat(sim.requests().last(Operation.ORDER_LIST).orElseThrow().requestBody())
                    .contains("\"filterStatusList\":\"1,5\"");
        }
    }

    @Test
    void jitOrdersAreListedAndFetchedOnlyThroughTheJitOperations() {
        try (SellerPanelSimulator sim = simulator(Fixture.of(23, 60, 20).withJitShare(0.4));
             BabyshopClient client = clientFor(sim)) {
            Instant since = monthAgo(sim);
            List<SimOrder> all = sim.store().orders();
            Set<String> jit = all.stream().filter(SimOrder::jit).map(SimOrder::orderNo).collect(Collectors.toSet());
            Set<String> regular = all.stream().filter(o -> !o.jit()).map(SimOrder::orderNo).collect(Collectors.toSet());
            assertThat(jit).isNotEmpty();
            assertThat(regular).isNotEmpty();

            List<OrderSummary> jitListed = client.orders().listJit(OrderListQuery.builder().updatedSince(since).build())
                    .records().toList();
            List<OrderSummary> regularListed = client.orders().list(OrderListQuery.builder().updatedSince(since).build())
                    .records().toList();

            assertThat(jitListed).extracting(OrderSummary::orderNo).containsExactlyInAnyOrderElementsOf(jit);
            assertThat(regularListed).extracting(OrderSummary::orderNo).containsExactlyInAnyOrderElementsOf(regular);

            Records<Order> jitFetched = client.orders().fetchJit(jit);
            assertThat(jitFetched.failures()).isEmpty();
            assertThat(jitFetched.records()).extracting(Order::orderNo).containsExactlyInAnyOrderElementsOf(jit);
            assertThat(jitFetched.records()).allSatisfy(o -> assertThat(o.lines())
                    .hasSameSizeAs(sim.store().order(o.orderNo()).orElseThrow().lines()));

            // the non-JIT operation does not answer for JIT orders (they are simply absent), and vice versa
            assertThat(client.orders().fetch(jit).records()).isEmpty();
            assertThat(client.orders().fetchJit(List.of(regular.iterator().next())).records()).isEmpty();

            assertThat(sim.requests().count(Operation.ORDER_LIST_JIT)).isEqualTo(1);
            assertThat(sim.requests().of(Operation.ORDER_FETCH_JIT)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.responseCode()).isZero());
            assertThat(sent(client, Operation.ORDER_LIST_JIT)).isEqualTo(1);
        }
    }

    @Test
    void returnsInWindowModeAreTheStoresReturnsUpdatedInTheWindow() {
        try (SellerPanelSimulator sim = simulator(Fixture.of(24, 120, 30)); BabyshopClient client = clientFor(sim)) {
            SimOrder delivered = sim.store().orders().stream().filter(o -> o.status() == OrderStatus.DELIVERED.code())
                    .findFirst().orElseThrow();
            sim.simulatedClock().advance(Duration.ofHours(1));
            SimReturn raised = sim.store().addReturn(delivered.orderNo(), 1, 1);
            Instant to = sim.clock().instant();
            Instant from = to.minus(Duration.ofDays(6));
            List<String> statuses = List.of("5", "10", "15", "20", "25", "30", "35", "40");
            List<String> expected = sim.store().returns().stream()
                    .filter(r -> !r.lastUpdate().isBefore(from) && !r.lastUpdate().isAfter(to))
                    .map(SimReturn::internalReturnNo).toList();

            List<ReturnOrder> returns = client.orders().returns(ReturnQuery.builder().updatedFrom(from).updatedTo(to)
                    .statusCodes(statuses).build()).records().toList();

            assertThat(returns).extracting(ReturnOrder::internalReturnNo).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(returns).extracting(ReturnOrder::internalReturnNo).contains(raised.internalReturnNo());
            ReturnOrder mine = returns.stream().filter(r -> r.internalReturnNo().equals(raised.internalReturnNo()))
                    .findFirst().orElseThrow();
            assertThat(mine.orderNo()).isEqualTo(delivered.orderNo());
            assertThat(mine.returnStatus()).isEqualTo(ReturnStatus.PENDING);
            assertThat(mine.lastUpdated()).contains(raised.lastUpdate());
            assertThat(mine.lines()).singleElement().satisfies(line -> {
                assertThat(line.lineNo()).isEqualTo("1");
                assertThat(line.sku()).isEqualTo(delivered.lines().get(0).skuCode());
            });
            assertThat(sim.requests().last(Operation.ORDER_RETURN).orElseThrow().requestBody())
                    .contains("\"updatedFrom\":\"" + sim.formatDate(from) + "\"")
                    .contains("\"updatedTo\":\"" + sim.formatDate(to) + "\"");
        }
    }

    @Test
    void returnsInLookupModeFindOneReturnByItsNumber() {
        try (SellerPanelSimulator sim = simulator(Fixture.of(25, 80, 30)); BabyshopClient client = clientFor(sim)) {
            SimOrder delivered = sim.store().orders().stream().filter(o -> o.status() == OrderStatus.DELIVERED.code())
                    .findFirst().orElseThrow();
            SimReturn raised = sim.store().addReturn(delivered.orderNo(), 1, 1);
            sim.store().setReturnStatus(raised.internalReturnNo(), 10);
            String number = raised.returnNo() != null ? raised.returnNo() : raised.internalReturnNo();

            Page<ReturnOrder> page = client.orders().returnsPage(ReturnQuery.builder().returnNo(number).build());

            assertThat(page.failures()).isEmpty();
            assertThat(page.records()).singleElement().satisfies(r -> {
                assertThat(r.internalReturnNo()).isEqualTo(raised.internalReturnNo());
                assertThat(r.returnNo()).isEqualTo(java.util.Optional.ofNullable(raised.returnNo()));
                assertThat(r.orderNo()).isEqualTo(delivered.orderNo());
                assertThat(r.returnStatus()).isEqualTo(ReturnStatus.CONFIRMED);
                assertThat(r.currency()).contains(delivered.currency());
            });
            assertThat(client.orders().returnsPage(ReturnQuery.builder().returnNo("RET-NOPE").build()).records())
                    .isEmpty();
            assertThat(sim.requests().of(Operation.ORDER_RETURN)).hasSize(2)
                    .allSatisfy(r -> assertThat(r.responseCode()).isZero());
        }
    }
}
