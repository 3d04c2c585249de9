package io.github.babyshopsdk.client.internal.wire;

import static io.github.babyshopsdk.client.internal.wire.Wire.CODEC;
import static io.github.babyshopsdk.client.internal.wire.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.ReturnStatus;
import io.github.babyshopsdk.client.model.Shipment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Each request writer produces the reference example's shape, strings and numbers as the example has
 * them (§1.4, Q13). Compared as exact text, which also pins the field order.
 */
class RequestWritersTest {

    /** "01/01/2015 00:00:00" in IST. */
    private static final Instant JAN_1_2015_IST = Instant.parse("2014-12-31T18:30:00Z");

    private static List<String> numbered(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }

    // ------------------------------------------------------------ productFetch

    @Test
    void productFetchByDateSendsUpdatedDateAndNumericPaging() {
        String body = CODEC.productFetch(
                ProductQuery.builder().updatedSince(JAN_1_2015_IST).pageNumber(1).limit(10).build());

        assertThat(body).isEqualTo("{\"updatedDate\":\"01/01/2015 00:00:00\",\"pageNumber\":1,\"limit\":10}");
    }

    @Test
    void productFetchBySkuCodesSendsAnArrayAndDefaultPaging() {
        String body = CODEC.productFetch(ProductQuery.builder()
                .addSkuCodes("TEST_STORE_ABC_TESTING_001", "TEST_STORE_ABC_TESTING-003").build());

        assertThat(body).isEqualTo("{\"skuCode\":[\"TEST_STORE_ABC_TESTING_001\",\"TEST_STORE_ABC_TESTING-003\"],"
                + "\"pageNumber\":1,\"limit\":100}");
    }

    @Test
    void productFetchDropsFractionsOfASecond() {
        String body = CODEC.productFetch(ProductQuery.builder()
                .updatedSince(JAN_1_2015_IST.plusMillis(999)).build());

        assertThat(json(body).get("updatedDate").textValue()).isEqualTo("01/01/2015 00:00:00");
    }

    // ------------------------------------------------------------ inventory

    @Test
    void inventoryPriceUpdateSendsNumbersAsPlainStringsAndOmitsAbsentPrice() {
        String body = CODEC.inventoryPriceUpdate(List.of(
                InventoryItem.builder().sku("TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1")
                        .quantity(new BigDecimal("11")).salePrice(new BigDecimal("1299.00")).build(),
                InventoryItem.of("SKU-2", new BigDecimal("1E+1")),
                InventoryItem.of("SKU-3", new BigDecimal("2.5000"))));

        assertThat(body).isEqualTo("{\"invPriceList\":["
                + "{\"sku\":\"TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1\",\"invQty\":\"11\",\"salePrice\":\"1299.00\"},"
                + "{\"sku\":\"SKU-2\",\"invQty\":\"10\"},"
                + "{\"sku\":\"SKU-3\",\"invQty\":\"2.500\"}]}");
    }

    @Test
    void inventoryPriceUpdateMatchesTheReferenceExample() {
        String body = CODEC.inventoryPriceUpdate(List.of(InventoryItem.builder()
                .sku("TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1")
                .quantity(new BigDecimal("11")).salePrice(new BigDecimal("1299.00")).build()));

        assertThat(json(body)).isEqualTo(json("""
                {"invPriceList": [{"sku": "TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1",
                  "invQty": "11", "salePrice": "1299.00"}]}"""));
    }

    @Test
    void inventoryPriceUpdateRejectsBadBatches() {
        List<InventoryItem> tooMany = numbered("S", 101).stream()
                .map(sku -> InventoryItem.of(sku, BigDecimal.ONE)).collect(Collectors.toList());
        List<InventoryItem> withNull = new ArrayList<>(List.of(InventoryItem.of("A", BigDecimal.ONE)));
        withNull.add(null);

        assertThatThrownBy(() -> CODEC.inventoryPriceUpdate(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("items must not be null");
        assertThatThrownBy(() -> CODEC.inventoryPriceUpdate(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("items must hold between 1 and 100 elements, was 0");
        assertThatThrownBy(() -> CODEC.inventoryPriceUpdate(tooMany))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("items must hold between 1 and 100 elements, was 101");
        assertThatThrownBy(() -> CODEC.inventoryPriceUpdate(withNull))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("items[1] must not be null");
        // a SKU twice is refused once, by CatalogService.updateInventory (InventoryUpdateIsOneRequestTest)
    }

    @Test
    void inventoryPriceUpdateAcceptsExactlyOneHundredItems() {
        List<InventoryItem> hundred = numbered("S", 100).stream()
                .map(sku -> InventoryItem.of(sku, BigDecimal.ONE)).collect(Collectors.toList());

        assertThat(json(CODEC.inventoryPriceUpdate(hundred)).get("invPriceList")).hasSize(100);
    }

    @Test
    void inventoryPriceStatusSendsIdsAsJsonIntegers() {
        assertThat(CODEC.inventoryPriceStatus(List.of("108", "109")))
                .isEqualTo("{\"moderationIdsList\":[108,109]}");
        assertThat(CODEC.inventoryPriceStatus(List.of("99999999999")))
                .isEqualTo("{\"moderationIdsList\":[99999999999]}");
    }

    @Test
    void inventoryPriceStatusRejectsNonNumericIdsAndBadSizes() {
        for (String bad : Arrays.asList("abc", "-1", "", " 108", "1.0", "1234567890123456789")) {
            assertThatThrownBy(() -> CODEC.inventoryPriceStatus(List.of("1", bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("moderationIds[1] must be a non-negative integer");
        }
        assertThatThrownBy(() -> CODEC.inventoryPriceStatus(Collections.singletonList(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("moderationIds[0] must not be null");
        assertThatThrownBy(() -> CODEC.inventoryPriceStatus(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> CODEC.inventoryPriceStatus(numbered("", 101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 101");
    }

    // ------------------------------------------------------------ orders

    @Test
    void orderListMatchesTheReferenceExample() {
        String body = CODEC.orderList(OrderListQuery.builder()
                .updatedSince(JAN_1_2015_IST).addStatusCodes("1", "5", "10").pageNumber(2).limit(2).build());

        assertThat(body).isEqualTo(
                "{\"updateDate\":\"01/01/2015 00:00:00\",\"filterStatusList\":\"1,5,10\",\"pageNumber\":2,\"limit\":2}");
    }

    @Test
    void orderListLeavesOutAnAbsentFilter() {
        String byDate = CODEC.orderList(OrderListQuery.builder().updatedSince(JAN_1_2015_IST).build());
        String byStatus = CODEC.orderList(OrderListQuery.builder()
                .addStatusCodes(OrderStatus.READY_FOR_SHIP.code()).build());

        assertThat(byDate).isEqualTo("{\"updateDate\":\"01/01/2015 00:00:00\",\"pageNumber\":1,\"limit\":100}");
        assertThat(byStatus).isEqualTo("{\"filterStatusList\":\"10\",\"pageNumber\":1,\"limit\":100}");
    }

    @Test
    void orderFetchMatchesTheReferenceExample() {
        assertThat(CODEC.orderFetch(List.of("100000019", "100000020"), 1, 2))
                .isEqualTo("{\"orderNo\":[\"100000019\",\"100000020\"],\"pageNumber\":1,\"limit\":2}");
    }

    @Test
    void orderFetchRejectsBadArguments() {
        assertThatThrownBy(() -> CODEC.orderFetch(List.of(), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("orderNos must hold");
        assertThatThrownBy(() -> CODEC.orderFetch(numbered("O", 101), 1, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 101");
        assertThatThrownBy(() -> CODEC.orderFetch(List.of("A", " "), 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("orderNos[1] must not be blank");
        assertThatThrownBy(() -> CODEC.orderFetch(List.of("A"), 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pageNumber must be at least 1, was 0");
        assertThatThrownBy(() -> CODEC.orderFetch(List.of("A"), 1, 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 1 and 100, was 101");
        assertThatThrownBy(() -> CODEC.orderFetch(List.of("A"), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 1 and 100, was 0");
    }

    // ------------------------------------------------------------ returns

    @Test
    void orderReturnWindowModeMatchesTheCorrectedExampleWithStringPaging() {
        String body = CODEC.orderReturn(ReturnQuery.builder()
                .updatedFrom(Instant.parse("2021-06-06T19:54:38Z"))
                .updatedTo(Instant.parse("2021-06-09T18:29:59Z"))
                .addStatusCodes("10", "15", "20", "25", "30", "35", "40", "5")
                .sellerId("mwhc1")
                .build());

        assertThat(body).isEqualTo("{\"updatedFrom\":\"07/06/2021 01:24:38\",\"updatedTo\":\"09/06/2021 23:59:59\","
                + "\"filterStatusList\":\"10,15,20,25,30,35,40,5\",\"returnNo\":\"\",\"sellerId\":\"mwhc1\","
                + "\"pageNumber\":\"1\",\"limit\":\"100\"}");
    }

    @Test
    void orderReturnWindowModeLeavesOutAnAbsentSellerId() {
        String body = CODEC.orderReturn(ReturnQuery.builder()
                .updatedFrom(Instant.parse("2021-06-06T19:54:38Z"))
                .updatedTo(Instant.parse("2021-06-09T18:29:59Z"))
                .addStatusCodes(ReturnStatus.PENDING.code())
                .pageNumber(3).limit(50)
                .build());

        assertThat(json(body)).isEqualTo(json("""
                {"updatedFrom":"07/06/2021 01:24:38","updatedTo":"09/06/2021 23:59:59",
                 "filterStatusList":"5","returnNo":"","pageNumber":"3","limit":"50"}"""));
    }

    @Test
    void orderReturnLookupModeSendsOnlyTheReturnNumberAndPaging() {
        assertThat(CODEC.orderReturn(ReturnQuery.builder().returnNo("RET-1").build()))
                .isEqualTo("{\"returnNo\":\"RET-1\",\"pageNumber\":\"1\",\"limit\":\"100\"}");
    }

    // ------------------------------------------------------------ invoices, shipping, cancellation

    @Test
    void generateInvoiceMatchesTheReferenceExample() {
        String body = CODEC.generateInvoice(InvoiceRequest.builder()
                .orderNo("AB123456")
                .addLines(InvoiceLineRequest.builder()
                        .lineNo("2").invoiceNo("3231311432432324").transporterName("ECOM").trackingNo("123456")
                        .imeiNos("1323454,24350990,894092492").build())
                .build());

        assertThat(body).isEqualTo("{\"orderItemsList\":[{\"orderNo\":\"AB123456\",\"lineNo\":\"2\","
                + "\"invoiceNo\":\"3231311432432324\",\"transporterName\":\"ECOM\",\"trackingNo\":\"123456\","
                + "\"imeiNos\":\"1323454,24350990,894092492\",\"length\":\"\",\"bredth\":\"\",\"height\":\"\","
                + "\"weight\":\"\"}]}");
    }

    @Test
    void generateInvoiceWritesOneEntryPerLineWithDimensionsAsStrings() {
        String body = CODEC.generateInvoice(InvoiceRequest.builder()
                .orderNo("AB123456")
                .addLines(InvoiceLineRequest.builder().lineNo("1").transporterName("BlueDart").trackingNo("T1")
                        .length(new BigDecimal("12.5")).breadth(new BigDecimal("1E+1"))
                        .height(new BigDecimal("3")).weight(new BigDecimal("0.450")).build())
                .addLines(InvoiceLineRequest.builder().lineNo("2").transporterName("BlueDart").trackingNo("T1")
                        .build())
                .build());

        assertThat(json(body)).isEqualTo(json("""
                {"orderItemsList":[
                  {"orderNo":"AB123456","lineNo":"1","transporterName":"BlueDart","trackingNo":"T1",
                   "length":"12.5","bredth":"10","height":"3","weight":"0.450"},
                  {"orderNo":"AB123456","lineNo":"2","transporterName":"BlueDart","trackingNo":"T1",
                   "length":"","bredth":"","height":"","weight":""}]}"""));
    }

    @Test
    void fetchInvoiceAndCancellationSendTheNumberAlone() {
        assertThat(CODEC.fetchInvoice("AC0011617000001")).isEqualTo("{\"invoiceNo\":\"AC0011617000001\"}");
        assertThat(CODEC.orderCancellation("AB1883884")).isEqualTo("{\"orderNo\":\"AB1883884\"}");
    }

    @Test
    void fetchDocumentsSendsTheDocumentTypeWireValue() {
        assertThat(CODEC.fetchDocuments("43549032482934345", DocumentType.SHIPPING_LABEL))
                .isEqualTo("{\"invoiceNo\":\"43549032482934345\",\"documentType\":\"shippingLabel\"}");
        assertThat(json(CODEC.fetchDocuments("1", DocumentType.INVOICE)).get("documentType").textValue())
                .isEqualTo("Invoice");
        assertThat(json(CODEC.fetchDocuments("1", DocumentType.of("shippingLable"))).get("documentType").textValue())
                .isEqualTo("shippingLable");
    }

    @Test
    void orderShippingMatchesTheReferenceExample() {
        String body = CODEC.orderShipping(List.of(
                Shipment.of("100000018", "AC0011617000001", "delivery", "123123"),
                Shipment.of("100000054", "AC0011617000002", "delivery", "123123")));

        assertThat(body).isEqualTo("{\"shipDetails\":["
                + "{\"orderNo\":\"100000018\",\"invNo\":\"AC0011617000001\",\"transporter\":\"delivery\",\"awbNo\":\"123123\"},"
                + "{\"orderNo\":\"100000054\",\"invNo\":\"AC0011617000002\",\"transporter\":\"delivery\",\"awbNo\":\"123123\"}]}");
    }

    @Test
    void orderShippingRejectsBadBatchSizes() {
        List<Shipment> tooMany = numbered("O", 101).stream()
                .map(no -> Shipment.of(no, "I", "T", "A")).collect(Collectors.toList());

        assertThatThrownBy(() -> CODEC.orderShipping(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("shipments must hold");
        assertThatThrownBy(() -> CODEC.orderShipping(tooMany))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 101");
    }

    @Test
    void skuBackOrderSendsAnEmptyObject() {
        assertThat(CODEC.skuBackOrder()).isEqualTo("{}");
    }

    @Test
    void blankOrNullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> CODEC.fetchInvoice(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invoiceNo must not be blank");
        assertThatThrownBy(() -> CODEC.fetchInvoice(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invoiceNo must not be blank");
        assertThatThrownBy(() -> CODEC.orderCancellation(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("orderNo must not be blank");
        assertThatThrownBy(() -> CODEC.fetchDocuments("", DocumentType.INVOICE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invoiceNo must not be blank");
        assertThatThrownBy(() -> CODEC.fetchDocuments("1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("documentType must not be null");
        assertThatThrownBy(() -> CODEC.productFetch(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("query must not be null");
        assertThatThrownBy(() -> CODEC.orderList(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("query must not be null");
        assertThatThrownBy(() -> CODEC.orderReturn(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("query must not be null");
        assertThatThrownBy(() -> CODEC.generateInvoice(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("request must not be null");
    }

    @Test
    void textIsEscapedAsJsonAndSentRaw() {
        String body = CODEC.orderCancellation(" A\"B\\Ω ");

        assertThat(json(body).get("orderNo").textValue()).isEqualTo(" A\"B\\Ω ");
    }

    @Test
    void requestDatesAreWrittenInTheCodecsZone() {
        WireCodec dubai = new WireCodec(Wire.MAPPER, ZoneId.of("Asia/Dubai"));
        OrderListQuery query = OrderListQuery.builder().updatedSince(JAN_1_2015_IST).build();

        assertThat(json(dubai.orderList(query)).get("updateDate").textValue()).isEqualTo("31/12/2014 22:30:00");
    }
}
