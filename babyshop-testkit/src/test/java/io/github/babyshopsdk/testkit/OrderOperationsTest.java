package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** orderList, orderListJIT, orderFetch, orderFetchJIT, orderReturn. */
class OrderOperationsTest {

    private static final String OLD = "01/01/2015 00:00:00";

    @RegisterExtension
    final SellerPanelExtension ext = SellerPanelExtension.create(
            b -> b.noQuota().fixture(Fixture.of(11, 30, 15).withJitShare(0.2)));

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> orderNos(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("orderNo").asText()));
        return out;
    }

    @Test
    void orderListPagesByLastUpdateThenOrderNo(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        List<String> seen = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode r = http.call("orderList",
                    "{\"updateDate\":\"" + OLD + "\",\"pageNumber\":" + page + ",\"limit\":7}").json();
            assertThat(names(r)).containsExactly("responseCode", "responseMessage", "orderList");
            JsonNode list = r.get("orderList");
            for (JsonNode o : list) {
                assertThat(names(o)).containsExactly("orderNo", "orderStatus", "orderDate", "orderLastUpdateDate",
                        "onHold");
                assertThat(o.get("orderStatus").isTextual()).isTrue();
                assertThat(o.get("onHold").asText()).isIn("0", "1");
            }
            seen.addAll(orderNos(list));
            if (list.size() < 7) {
                break;
            }
        }
        List<SimOrder> truth = sim.store().ordersUpdatedSince(Instant.EPOCH);
        assertThat(seen).containsExactlyElementsOf(truth.stream().map(SimOrder::orderNo).toList());
        assertThat(truth).allMatch(o -> !o.jit());
    }

    @Test
    void orderListFiltersByStatusAndDate(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        JsonNode list = http.call("orderList", "{\"filterStatusList\":\"1,5\",\"limit\":100}").json().get("orderList");
        assertThat(list).isNotEmpty();
        list.forEach(o -> assertThat(o.get("orderStatus").asText()).isIn("1", "5"));
        long expected = sim.store().orders().stream().filter(o -> !o.jit())
                .filter(o -> Set.of(1, 5).contains(o.status())).count();
        assertThat(list).hasSize((int) expected);

        sim.simulatedClock().advance(Duration.ofHours(1));
        String since = sim.formatDate(sim.clock().instant());
        assertThat(http.call("orderList", "{\"updateDate\":\"" + since + "\"}").json().get("orderList")).isEmpty();
        SimOrder touched = sim.store().setOrderStatus(sim.store().ordersUpdatedSince(Instant.EPOCH).get(0).orderNo(), 10);
        JsonNode after = http.call("orderList", "{\"updateDate\":\"" + since + "\",\"filterStatusList\":\"10\"}")
                .json().get("orderList");
        assertThat(orderNos(after)).containsExactly(touched.orderNo());
        assertThat(after.get(0).get("orderLastUpdateDate").asText()).isEqualTo(since);
    }

    @Test
    void orderListClampsALimitAbove100() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().fixture(Fixture.of(2, 130, 10))
                .build().start()) {
            Http http = new Http(sim);
            JsonNode p1 = http.call("orderList", "{\"updateDate\":\"" + OLD + "\",\"limit\":500}").json();
            assertThat(p1.get("orderList")).hasSize(100);
            JsonNode p2 = http.call("orderList", "{\"updateDate\":\"" + OLD + "\",\"limit\":500,\"pageNumber\":2}")
                    .json();
            assertThat(p2.get("orderList")).hasSize(30);
            JsonNode defaults = http.call("orderList", "{\"updateDate\":\"" + OLD + "\"}").json();
            assertThat(defaults.get("orderList")).hasSize(100);
            assertThat(http.call("orderList", "{\"updateDate\":\"" + OLD + "\",\"limit\":0}").code()).isEqualTo(9);
        }
    }

    @Test
    void jitFamilyIsSeparate(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        List<String> jit = sim.store().orders().stream().filter(SimOrder::jit).map(SimOrder::orderNo).toList();
        assertThat(jit).isNotEmpty();
        JsonNode list = http.call("orderListJIT", "{\"updateDate\":\"" + OLD + "\",\"limit\":100}").json();
        assertThat(names(list)).containsExactly("responseCode", "responseMessage", "orderList");
        assertThat(orderNos(list.get("orderList"))).containsExactlyInAnyOrderElementsOf(jit);

        String one = jit.get(0);
        JsonNode fetched = http.call("orderFetchJIT", "{\"orderNo\":[\"" + one + "\"]}").json();
        assertThat(orderNos(fetched.get("orders"))).containsExactly(one);
        assertThat(http.call("orderFetch", "{\"orderNo\":[\"" + one + "\"]}").json().get("orders")).isEmpty();
    }

    @Test
    void orderFetchAnswersTheFullShapeForKnownOrders(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        List<SimOrder> regular = sim.store().ordersUpdatedSince(Instant.EPOCH);
        SimOrder a = regular.get(0);
        SimOrder b = regular.get(1);
        JsonNode r = http.call("orderFetch", "{\"orderNo\":[\"" + b.orderNo() + "\",\"NOPE\",\"" + a.masterOrderNo()
                + "\"],\"pageNumber\":1,\"limit\":3}").json();
        assertThat(names(r)).containsExactly("responseCode", "responseMessage", "orders");
        assertThat(orderNos(r.get("orders"))).containsExactly(b.orderNo(), a.orderNo());

        JsonNode order = r.get("orders").get(1);
        assertThat(names(order)).containsExactly("orderNo", "orderStatus", "orderDate", "customerName",
                "paymentMethod", "orderAmount", "orderCurrency", "orderTaxAmount", "onHold", "shippingCharge",
                "discountAmount", "discCouponCode", "storeCredit", "gvAmount", "codCharge", "address1", "address2",
                "address3", "phone", "email", "countryCode", "state", "city", "pinCode", "billToName",
                "bill_Address1", "bill_Address2", "bill_Address3", "bill_Phone", "bill_Email", "bill_CountryCode",
                "bill_State", "bill_City", "bill_ZipCode", "cancelRemark", "reasonForCancellation", "priority",
                "orderLastUpdateDate", "masterOrderNo", "orderItems");
        assertThat(order.get("orderAmount").asText()).isEqualTo(a.orderAmount().toPlainString());
        assertThat(order.get("orderCurrency").asText()).isIn("AED", "SAR");
        assertThat(order.get("masterOrderNo").asText()).isEqualTo(a.masterOrderNo());
        assertThat(order.get("orderLastUpdateDate").asText()).isEqualTo(sim.formatDate(a.lastUpdate()));
        assertThat(order.get("orderItems")).hasSize(a.lines().size());
        JsonNode line = order.get("orderItems").get(0);
        assertThat(names(line)).containsExactly("lineno", "deliveryMode", "skuCode", "skuName", "orderQty",
                "rejectedQty", "cancelledQty", "shippedQty", "returnedQty", "deliveredQty", "lineAmount",
                "lineTaxAmount", "unitPrice", "mrp", "discountAmount", "shippingCharge", "codCharge", "invoiceNo",
                "transCode", "transName", "awbNo", "imeiNos", "confirmDate", "gvAmount", "storeCredit", "lineStatus",
                "cst", "vat");
        assertThat(line.get("lineno").asText()).isEqualTo("1");
        assertThat(line.get("orderQty").asText()).isEqualTo(Integer.toString(a.lines().get(0).orderQty()));
        assertThat(line.get("mrp").asText()).matches("\\d+\\.\\d{3}");

        JsonNode page2 = http.call("orderFetch", "{\"orderNo\":[\"" + a.orderNo() + "\",\"" + b.orderNo()
                + "\"],\"pageNumber\":2,\"limit\":1}").json();
        assertThat(orderNos(page2.get("orders"))).containsExactly(b.orderNo());
        assertThat(http.call("orderFetch", "{\"orderNo\":[]}").code()).isEqualTo(9);
        assertThat(http.call("orderFetch", "{\"orderNo\":\"" + a.orderNo() + "\"}").json().get("orders")).hasSize(1);
    }

    @Test
    void orderReturnByNumberAndByWindow(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimOrder order = sim.store().ordersUpdatedSince(Instant.EPOCH).get(0);
        SimReturn ret = sim.store().addReturn(order.orderNo(), 1, 1);

        JsonNode byNo = http.call("orderReturn", "{\"returnNo\":\"" + ret.returnNo()
                + "\",\"pageNumber\":\"1\",\"limit\":\"100\"}").json();
        assertThat(names(byNo)).containsExactly("responseCode", "responseMessage", "returns");
        assertThat(byNo.get("returns")).hasSize(1);
        JsonNode r = byNo.get("returns").get(0);
        assertThat(names(r)).containsExactly("internalReturnNo", "returnNo", "orderNo", "returnStatus", "returnDate",
                "orderDate", "returnConfirmDate", "returnCloseDate", "orderStatus", "sellerId", "returnType",
                "paymentMethod", "orderAmount", "returnAmount", "orderCurrency", "retTrackingNo", "transporterName",
                "trackingURL", "reasonForCancellation", "comments", "refundstoreCredit", "customerName", "address1",
                "address2", "address3", "phone", "email", "countryCode", "state", "city", "pinCode", "billToName",
                "bill_Address1", "bill_Address2", "bill_Address3", "bill_Phone", "bill_Email", "bill_CountryCode",
                "bill_State", "bill_City", "bill_PinCode", "returnLastUpdateDate", "masterOrderNo", "orderItems");
        assertThat(names(r.get("orderItems").get(0))).containsExactly("lineNo", "skuCode", "skuName", "orderQty",
                "cancelledQty", "shippedQty", "returnedQty", "lineAmount", "lineTaxAmount", "unitPrice", "codCharge",
                "invoiceNo", "storeCredit", "lineStatus");
        assertThat(r.get("returnStatus").asText()).isEqualTo("5");
        assertThat(r.get("sellerId").asText()).isEqualTo(sim.store().sellerId());
        assertThat(http.call("orderReturn", "{\"returnNo\":\"" + ret.internalReturnNo() + "\"}").json()
                .get("returns")).hasSize(1);

        Instant now = sim.clock().instant();
        String from = sim.formatDate(now.minus(Duration.ofDays(2)));
        String to = sim.formatDate(now.plusSeconds(1));
        JsonNode window = http.call("orderReturn", "{\"updatedFrom\":\"" + from + "\",\"updatedTo\":\"" + to
                + "\",\"filterStatusList\":\"5,10\",\"returnNo\":\"\",\"sellerId\":\"babyshop\",\"pageNumber\":\"1\","
                + "\"limit\":\"\"}").json();
        assertThat(window.get("returns").findValuesAsText("internalReturnNo")).contains(ret.internalReturnNo());
        JsonNode other = http.call("orderReturn", "{\"updatedFrom\":\"" + from + "\",\"updatedTo\":\"" + to
                + "\",\"filterStatusList\":\"25\"}").json();
        assertThat(other.get("returns").findValuesAsText("internalReturnNo")).doesNotContain(ret.internalReturnNo());
    }

    @Test
    void orderReturnValidationCodes(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        assertThat(http.call("orderReturn", "{\"returnNo\":\"\",\"pageNumber\":\"1\"}").code()).isEqualTo(10043);
        assertThat(http.call("orderReturn", "{\"updatedFrom\":\"09/06/2021 00:00:00\",\"updatedTo\":"
                + "\"08/06/2021 00:00:00\",\"filterStatusList\":\"5\"}").code()).isEqualTo(804);
        assertThat(http.call("orderReturn", "{\"updatedFrom\":\"01/06/2021 00:00:00\",\"updatedTo\":"
                + "\"09/06/2021 00:00:00\",\"filterStatusList\":\"5\"}").code()).isEqualTo(913);
        Http.Reply noStatus = http.call("orderReturn", "{\"updatedFrom\":\"07/06/2021 01:24:38\",\"updatedTo\":"
                + "\"09/06/2021 23:59:59\"}");
        assertThat(noStatus.code()).isEqualTo(10042);
        assertThat(noStatus.json().get("responseMessage").asText())
                .isEqualTo("Status is Mandatory with from date and to date");
        assertThat(http.call("orderReturn", "{\"returnNo\":\"X\",\"sellerId\":\"someone-else\"}").code())
                .isEqualTo(8060);
        assertThat(http.call("orderReturn", "{\"updatedFrom\":\"07/06/2021 01:24:38\",\"updatedTo\":"
                + "\"14/06/2021 01:24:38\",\"filterStatusList\":\"5\"}").code()).isZero();
    }
}
