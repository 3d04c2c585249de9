package io.github.babyshopsdk.client.wire;

import static io.github.babyshopsdk.client.wire.WireAssertions.assertJson;
import static io.github.babyshopsdk.client.wire.WireAssertions.assertKeyedFormPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.client.model.Address;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnLine;
import io.github.babyshopsdk.client.model.ReturnOrder;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.ReturnStatus;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order operations on the wire (reference §2.6 to §2.10): orderList, orderListJIT, orderFetch,
 * orderFetchJIT and orderReturn, request JSON and the reference's example answers.
 */
class OrdersWireTest {
    private static final Instant NEW_YEAR_2015_IST = Instant.parse("2014-12-31T18:30:00Z");
    private static final String EMPTY_ORDERS = "{\"responseCode\":0,\"responseMessage\":\"Success\",\"orders\":[]}";

    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    // ---------------------------------------------------------------- orderList / orderListJIT (§2.6, §2.7)

    @Test
    void orderListSendsUpdateDateInIstTheStatusListAsOneStringAndNumericPaging() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ORDER_LIST));

        panel.client().orders().listPage(OrderListQuery.builder().updatedSince(NEW_YEAR_2015_IST)
                .addStatusCodes("1", "5", "10").pageNumber(2).limit(2).build());

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "orderList"), """
                {"updateDate": "01/01/2015 00:00:00", "filterStatusList": "1,5,10", "pageNumber": 2, "limit": 2}
                """);
    }

    @Test
    void orderListReadsTheReferenceAnswer() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ORDER_LIST));

        Page<OrderSummary> page = panel.client().orders().listPage(OrderListQuery.builder()
                .updatedSince(NEW_YEAR_2015_IST).addStatusCodes("1", "5", "10").pageNumber(2).limit(2).build());

        assertReferenceOrderSummary(page, 2);
    }

    @Test
    void orderListJitGoesToItsOwnPathWithTheJitStatusList() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ORDER_LIST));

        Page<OrderSummary> page = panel.client().orders().listJitPage(OrderListQuery.builder()
                .updatedSince(NEW_YEAR_2015_IST).addStatusCodes("7", "10").build());

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "orderListJIT"), """
                {"updateDate": "01/01/2015 00:00:00", "filterStatusList": "7,10", "pageNumber": 1, "limit": 100}
                """);
        assertReferenceOrderSummary(page, 1);
    }

    @Test
    void orderListWithoutAStatusFilterLeavesTheFieldOut() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ORDER_LIST));

        panel.client().orders().listPage(OrderListQuery.builder().updatedSince(NEW_YEAR_2015_IST).build());

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "orderList"), """
                {"updateDate": "01/01/2015 00:00:00", "pageNumber": 1, "limit": 100}
                """);
    }

    @Test
    void orderListReadsUnquotedNumbersAsTheSameTextAndDates() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("""
                {"responseCode": 0, "responseMessage": "Success", "orderList": [
                  {"orderNo": 100000019, "orderStatus": 5, "orderDate": "13/04/2016 00:19:40",
                   "orderLastUpdateDate": "13/04/2016 14:32:05", "onHold": 1}
                ]}
                """));

        Page<OrderSummary> page = panel.client().orders().listPage(OrderListQuery.builder()
                .updatedSince(NEW_YEAR_2015_IST).addStatusCodes("1", "5", "10").pageNumber(2).limit(2).build());

        assertReferenceOrderSummary(page, 2);
    }

    private static void assertReferenceOrderSummary(Page<OrderSummary> page, int pageNumber) {
        assertThat(page.pageNumber()).isEqualTo(pageNumber);
        assertThat(page.failures()).isEmpty();
        assertThat(page.records()).singleElement().satisfies(summary -> {
            assertThat(summary.orderNo()).isEqualTo("100000019");
            assertThat(summary.statusCode()).hasValue("5");
            assertThat(summary.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(summary.orderDate()).hasValue(Instant.parse("2016-04-12T18:49:40Z"));
            assertThat(summary.lastUpdated()).hasValue(Instant.parse("2016-04-13T09:02:05Z"));
            assertThat(summary.onHold()).hasValue("1");
        });
    }

    // ---------------------------------------------------------------- orderFetch / orderFetchJIT (§2.8, §2.9)

    @Test
    void orderFetchSendsTheOrderNumbersAsAnArrayWithLimitEqualToTheirCount() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ORDER_FETCH));

        panel.client().orders().fetch(List.of("100000019", "100000020"));

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "orderFetch"), """
                {"orderNo": ["100000019", "100000020"], "pageNumber": 1, "limit": 2}
                """);
        assertThat(panel.server().getRequestCount()).as("a short page ends the fetch").isEqualTo(2);
    }

    @Test
    void orderFetchReadsTheReferenceAnswer() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ORDER_FETCH));

        Records<Order> records = panel.client().orders().fetch(List.of("100000019", "100000020"));

        assertThat(records.failures()).isEmpty();
        assertThat(records.records()).hasSize(1);
        assertReferenceOrder(records.records().get(0));
    }

    @Test
    void orderFetchJitGoesToItsOwnPathAndReadsTheSameAnswer() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ORDER_FETCH));

        Records<Order> records = panel.client().orders().fetchJit(List.of("100000019", "100000020"));

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "orderFetchJIT"), """
                {"orderNo": ["100000019", "100000020"], "pageNumber": 1, "limit": 2}
                """);
        assertThat(records.records()).hasSize(1);
        assertReferenceOrder(records.records().get(0));
    }

    /** The client plans no chunking any more (the engine does): more than 100 numbers are refused. */
    @Test
    void orderFetchOfMoreThan100DistinctNumbersIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> panel.client().orders().fetch(orderNumbers(101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> panel.client().orders().fetchJit(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
        assertThat(panel.server().getRequestCount()).isZero();
    }

    @Test
    void orderFetchOf100NumbersAskedTwiceIsOneRequestWithLimit100() {
        List<String> numbers = new ArrayList<>(orderNumbers(100));
        numbers.addAll(orderNumbers(100));
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(EMPTY_ORDERS));

        Records<Order> records = panel.client().orders().fetch(numbers);

        assertThat(panel.server().getRequestCount()).isEqualTo(2);
        panel.take();
        JsonNode body = assertKeyedFormPost(panel.take(), "orderFetch");
        assertThat(body.get("orderNo")).hasSize(100);
        assertThat(body.get("limit").intValue()).isEqualTo(100);
        assertThat(body.get("pageNumber").intValue()).isEqualTo(1);
        assertThat(records.missing()).as("nothing answered: every number is missing, once, in order")
                .containsExactlyElementsOf(orderNumbers(100));
    }

    /** Q42: orderFetch takes master order numbers; an order returned for one is not missing (hints ask either). */
    @Test
    void anOrderReturnedForItsMasterNumberAnswersThatNumber() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"orders\":[{\"orderNo\":\"501242014-33\","
                + "\"masterOrderNo\":\"NYKL00000042\",\"orderStatus\":\"5\"}]}"));

        Records<Order> records = panel.client().orders().fetch(List.of("NYKL00000042", "UNKNOWN-1"));

        assertThat(records.records()).extracting(Order::orderNo).containsExactly("501242014-33");
        assertThat(records.missing()).as("the master number was answered; the other was not")
                .containsExactly("UNKNOWN-1");
    }

    @Test
    void orderFetchOf100NumbersAnsweredInFullStopsAtTheFirstPage() {
        List<String> numbers = orderNumbers(100);
        List<JsonNode> bodies = new ArrayList<>();
        panel.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().endsWith("/authToken")) {
                    return MockSellerPanel.token(MockSellerPanel.API_KEY);
                }
                JsonNode body = WireAssertions.requestBodyJson(request, "orderFetch");
                synchronized (bodies) {
                    bodies.add(body);
                }
                if (body.get("pageNumber").intValue() > 1) {
                    return MockSellerPanel.json(EMPTY_ORDERS);
                }
                String orders = StreamSupport.stream(body.get("orderNo").spliterator(), false)
                        .map(number -> "{\"orderNo\":\"" + number.textValue() + "\",\"orderStatus\":\"5\"}")
                        .collect(Collectors.joining(","));
                return MockSellerPanel.json("{\"responseCode\":0,\"orders\":[" + orders + "]}");
            }
        });

        Records<Order> records = panel.client().orders().fetch(numbers);

        assertThat(records.records()).extracting(Order::orderNo).containsExactlyElementsOf(numbers);
        assertThat(records.missing()).isEmpty();
        assertThat(bodies).extracting(body -> body.get("orderNo").size() + "@" + body.get("pageNumber").intValue())
                .containsExactly("100@1");
    }

    private static List<String> orderNumbers(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("ORD-%03d", i))
                .collect(Collectors.toList());
    }

    private static void assertReferenceOrder(Order order) {
        assertThat(order.orderNo()).isEqualTo("501242014-33");
        assertThat(order.masterOrderNo()).hasValue("NYKL00000042");
        assertThat(order.statusCode()).hasValue("8");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.orderDate()).hasValue(Instant.parse("2017-04-20T10:36:00Z"));
        assertThat(order.lastUpdated()).hasValue(Instant.parse("2017-11-07T06:25:14Z"));
        assertThat(order.customerName()).hasValue("puneet Sharma");
        assertThat(order.paymentMethod()).hasValue("1");
        assertThat(order.orderAmount().orElseThrow()).isEqualByComparingTo("630");
        assertThat(order.currency()).hasValue("INR");
        assertThat(order.taxAmount().orElseThrow()).isEqualByComparingTo("0");
        assertThat(order.onHold()).hasValue("1");
        assertThat(order.shippingCharge().orElseThrow()).isEqualByComparingTo("0");
        assertThat(order.discountAmount()).isEmpty();
        assertThat(order.couponCode()).isEmpty();
        assertThat(order.storeCredit()).isEmpty();
        assertThat(order.giftVoucherAmount()).isEmpty();
        assertThat(order.codCharge()).isEmpty();
        assertThat(order.cancelRemark()).isEmpty();
        assertThat(order.reasonForCancellation()).hasValue("1");
        assertThat(order.priority()).isEmpty();

        Address ship = order.shippingAddress();
        assertThat(ship.name()).hasValue("puneet Sharma");
        assertThat(ship.line1()).hasValue("Flat 105, B2 , Blue Ridge Township, Hinjewadi Phase 1\nNear Symbiosis College");
        assertThat(ship.line2()).isEmpty();
        assertThat(ship.line3()).isEmpty();
        assertThat(ship.phone()).hasValue("7756845606");
        assertThat(ship.email()).hasValue("urvashiengineer@gmail.com");
        assertThat(ship.countryCode()).hasValue("IND");
        assertThat(ship.state()).hasValue("Maharashtra");
        assertThat(ship.city()).hasValue("PUNE");
        assertThat(ship.postalCode()).hasValue("411057");

        Address bill = order.billingAddress();
        assertThat(bill.name()).hasValue("puneet Sharma");
        assertThat(bill.line1()).hasValue("Flat 105, B2 , Blue Ridge Township, Hinjewadi Phase 1,Near Symbiosis College");
        assertThat(bill.line2()).isEmpty();
        assertThat(bill.line3()).isEmpty();
        assertThat(bill.phone()).hasValue("7756845606");
        assertThat(bill.email()).hasValue("urvashiengineer@gmail.com");
        assertThat(bill.countryCode()).hasValue("IND");
        assertThat(bill.state()).hasValue("Maharashtra");
        assertThat(bill.city()).hasValue("PUNE");
        assertThat(bill.postalCode()).as("bill_ZipCode").hasValue("411057");

        assertThat(order.lines()).hasSize(1);
        OrderLine line = order.lines().get(0);
        assertThat(line.lineNo()).as("lineno, lower-case n").isEqualTo("1");
        assertThat(line.sku()).isEqualTo("NYJCH00000037");
        assertThat(line.skuName()).hasValue("Juicy Chemistry Coffee and Green Tea Eye ");
        assertThat(line.deliveryMode()).hasValue("2");
        assertThat(line.orderQty().orElseThrow()).isEqualByComparingTo("1");
        assertThat(line.rejectedQty()).isEmpty();
        assertThat(line.cancelledQty().orElseThrow()).isEqualByComparingTo("1");
        assertThat(line.shippedQty()).isEmpty();
        assertThat(line.returnedQty()).isEmpty();
        assertThat(line.deliveredQty()).isEmpty();
        assertThat(line.lineAmount().orElseThrow()).isEqualByComparingTo("330");
        assertThat(line.taxAmount().orElseThrow()).isEqualByComparingTo("0");
        assertThat(line.unitPrice().orElseThrow()).isEqualByComparingTo("350");
        assertThat(line.mrp().orElseThrow()).isEqualByComparingTo("350");
        assertThat(line.discountAmount().orElseThrow()).isEqualByComparingTo("20");
        assertThat(line.shippingCharge()).isEmpty();
        assertThat(line.codCharge()).isEmpty();
        assertThat(line.giftVoucherAmount()).isEmpty();
        assertThat(line.storeCredit().orElseThrow()).isEqualByComparingTo("0");
        assertThat(line.invoiceNo()).isEmpty();
        assertThat(line.transporterCode()).isEmpty();
        assertThat(line.transporterName()).isEmpty();
        assertThat(line.awbNo()).isEmpty();
        assertThat(line.imeiNos()).isEmpty();
        assertThat(line.confirmDate()).hasValue(Instant.parse("2017-04-20T12:44:25Z"));
        assertThat(line.lineStatusCode()).hasValue("8");
        assertThat(line.lineStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(line.cst()).isEmpty();
        assertThat(line.vat()).isEmpty();
    }

    // ---------------------------------------------------------------- orderReturn (§2.10)

    @Test
    void orderReturnByWindowSendsTheCorrectedReferenceShapeWithPagingAsStrings() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ORDER_RETURN));

        panel.client().orders().returnsPage(ReturnQuery.builder()
                .updatedFrom(Instant.parse("2021-06-06T19:54:38Z"))
                .updatedTo(Instant.parse("2021-06-09T18:29:59Z"))
                .addStatusCodes("10", "15", "20", "25", "30", "35", "40", "5")
                .sellerId("mwhc1").build());

        panel.take();
        // as §2.10's corrected example, with the explicit "100" the client notes ask for instead of ""
        assertJson(assertKeyedFormPost(panel.take(), "orderReturn"), """
                {"updatedFrom": "07/06/2021 01:24:38", "updatedTo": "09/06/2021 23:59:59",
                 "filterStatusList": "10,15,20,25,30,35,40,5", "returnNo": "", "sellerId": "mwhc1",
                 "pageNumber": "1", "limit": "100"}
                """);
    }

    @Test
    void orderReturnByNumberSendsOnlyTheNumberAndStringPaging() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ORDER_RETURN));

        panel.client().orders().returnsPage(ReturnQuery.builder().returnNo("RET-77").limit(50).build());

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "orderReturn"), """
                {"returnNo": "RET-77", "pageNumber": "1", "limit": "50"}
                """);
    }

    @Test
    void orderReturnReadsTheReferenceAnswer() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ORDER_RETURN));

        Page<ReturnOrder> page = panel.client().orders().returnsPage(ReturnQuery.builder().returnNo("RET-77").build());

        assertThat(page.failures()).isEmpty();
        assertThat(page.records()).hasSize(1);
        ReturnOrder ret = page.records().get(0);
        assertThat(ret.internalReturnNo()).isEqualTo("mwhc2353");
        assertThat(ret.returnNo()).isEmpty();
        assertThat(ret.orderNo()).isEqualTo("NYKL00002637");
        assertThat(ret.masterOrderNo()).hasValue("KAAS1559");
        assertThat(ret.returnStatusCode()).hasValue("10");
        assertThat(ret.returnStatus()).isEqualTo(ReturnStatus.CONFIRMED);
        assertThat(ret.returnDate()).hasValue(Instant.parse("2021-02-19T06:36:00Z"));
        assertThat(ret.orderDate()).hasValue(Instant.parse("2020-12-16T06:10:30Z"));
        assertThat(ret.returnConfirmDate()).hasValue(Instant.parse("2021-02-19T06:36:00Z"));
        assertThat(ret.returnCloseDate()).isEmpty();
        assertThat(ret.lastUpdated()).hasValue(Instant.parse("2021-06-08T11:41:37Z"));
        assertThat(ret.orderStatusCode()).hasValue("10");
        assertThat(ret.sellerId()).hasValue("mwhc2");
        assertThat(ret.returnType()).hasValue("Delivered Return");
        assertThat(ret.paymentMethod()).hasValue("1");
        assertThat(ret.orderAmount().orElseThrow()).isEqualByComparingTo("1288");
        assertThat(ret.returnAmount().orElseThrow()).isEqualByComparingTo("434.5");
        assertThat(ret.currency()).hasValue("GBP");
        assertThat(ret.returnTrackingNo()).isEmpty();
        assertThat(ret.transporterName()).isEmpty();
        assertThat(ret.trackingUrl()).hasValue("");
        assertThat(ret.reasonForCancellation()).hasValue("");
        assertThat(ret.comments()).isEmpty();
        assertThat(ret.refundStoreCredit()).isEmpty();
        assertThat(ret.customerName()).hasValue("Anuj Kaul");

        for (Address address : List.of(ret.shippingAddress(), ret.billingAddress())) {
            assertThat(address.name()).hasValue("Anuj Kaul");
            assertThat(address.line1()).hasValue("House number 50, First Floor");
            assertThat(address.line2()).hasValue("ABC Road, Green Park");
            assertThat(address.line3()).hasValue("");
            assertThat(address.phone()).hasValue("9999112233");
            assertThat(address.email()).hasValue("anujkaul86@gmail.com");
            assertThat(address.countryCode()).hasValue("IND");
            assertThat(address.state()).hasValue("Maharashtra");
            assertThat(address.city()).hasValue("Mumbai");
            assertThat(address.postalCode()).as("pinCode / bill_PinCode").hasValue("400001");
        }

        assertThat(ret.lines()).hasSize(1);
        ReturnLine line = ret.lines().get(0);
        assertThat(line.lineNo()).isEqualTo("1");
        assertThat(line.sku()).isEqualTo("CSKU2");
        assertThat(line.skuName()).hasValue("ChildSKU2");
        assertThat(line.orderQty().orElseThrow()).isEqualByComparingTo("2");
        assertThat(line.cancelledQty()).isEmpty();
        assertThat(line.shippedQty().orElseThrow()).isEqualByComparingTo("2");
        assertThat(line.returnedQty().orElseThrow()).isEqualByComparingTo("1");
        assertThat(line.lineAmount().orElseThrow()).isEqualByComparingTo("434.50");
        assertThat(line.taxAmount().orElseThrow()).isEqualByComparingTo("19.76");
        assertThat(line.unitPrice().orElseThrow()).isEqualByComparingTo("450");
        assertThat(line.codCharge()).isEmpty();
        assertThat(line.invoiceNo()).hasValue("MWHP2021000005");
        assertThat(line.storeCredit().orElseThrow()).isEqualByComparingTo("50");
        assertThat(line.lineStatusCode()).hasValue("10");
    }
}
