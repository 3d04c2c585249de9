package io.github.babyshopsdk.client.internal.wire;

import static io.github.babyshopsdk.client.internal.wire.Wire.CODEC;
import static io.github.babyshopsdk.client.internal.wire.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.model.Address;
import io.github.babyshopsdk.client.model.BackOrder;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceItem;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnLine;
import io.github.babyshopsdk.client.model.ReturnOrder;
import io.github.babyshopsdk.client.model.ReturnStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.AbstractBigDecimalAssert;
import org.junit.jupiter.api.Test;

/** Every example response of the reference (§2.2 to §2.12) parses into the expected values. */
class ResponseExamplesTest {

    private static AbstractBigDecimalAssert<?> assertAmount(Optional<BigDecimal> actual, String expected) {
        assertThat(actual).isPresent();
        return assertThat(actual.get()).isEqualByComparingTo(expected);
    }

    @Test
    void productFetchExampleReadsEveryField() {
        Records<Product> result = CODEC.products(json(ReferenceExamples.PRODUCT_FETCH));

        assertThat(result.failures()).isEmpty();
        assertThat(result.records()).hasSize(1);
        Product p = result.records().get(0);
        assertThat(p.sku()).isEqualTo("NYJCH00000001");
        assertThat(p.vendorSkuCode()).contains("100061_INTIMA");
        assertThat(p.hasValidVendorSkuCode()).isTrue();
        assertThat(p.manufacturerSkuCode()).contains("100061_INTIMA");
        assertThat(p.skuName()).contains("NYJCH00000001");
        assertAmount(p.mrp(), "1500");
        assertAmount(p.salePrice(), "1500.00");
        assertAmount(p.baseCost(), "1000");
        assertThat(p.statusCode()).contains("1");
        assertThat(p.lastUpdated()).contains(Instant.parse("2017-04-12T10:41:38Z"));
        assertThat(p.brand()).contains("Natrol");
        assertThat(p.color()).isEmpty();
        assertThat(p.size()).isEmpty();
        assertAmount(p.weight(), "0");
        assertAmount(p.length(), "0");
        assertAmount(p.width(), "0");
        assertAmount(p.height(), "0");
        assertThat(p.serialTracking()).contains("0");
    }

    @Test
    void inventoryPriceUpdateExampleIsPendingWithoutApprovedQuantity() {
        Records<InventoryModeration> result = CODEC.moderations(json(ReferenceExamples.INVENTORY_PRICE_UPDATE));

        assertThat(result.failures()).isEmpty();
        InventoryModeration m = result.records().get(0);
        assertThat(m.moderationId()).isEqualTo("24");
        assertThat(m.sku()).isEqualTo("TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1");
        assertAmount(m.requestedQuantity(), "11");
        assertThat(m.approvedQuantity()).isEmpty();
        assertThat(m.status()).contains("Pending");
        assertThat(m.isPending()).isTrue();
        assertThat(m.requestedSalePrice()).isEmpty();
    }

    @Test
    void inventoryPriceStatusExampleKeepsTheScaleAsReceived() {
        Records<InventoryModeration> result = CODEC.moderations(json(ReferenceExamples.INVENTORY_PRICE_STATUS));

        InventoryModeration m = result.records().get(0);
        assertThat(m.moderationId()).isEqualTo("108");
        assertThat(m.sku()).isEqualTo("224808");
        assertThat(m.requestedQuantity()).contains(new BigDecimal("1.000"));
        assertThat(m.requestedQuantity().get().scale()).isEqualTo(3);
        assertAmount(m.requestedSalePrice(), "1299");
        assertThat(m.approvedQuantity()).isEmpty();
        assertThat(m.isPending()).isTrue();
    }

    @Test
    void skuBackOrderExampleReadsWithoutEnvelope() {
        Records<BackOrder> result = CODEC.backOrders(json(ReferenceExamples.SKU_BACK_ORDER));

        assertThat(result.failures()).isEmpty();
        BackOrder b = result.records().get(0);
        assertThat(b.vendorCode()).contains("jit_15");
        assertThat(b.sku()).isEqualTo("SA2");
        assertAmount(b.quantity(), "3");
        assertAmount(b.price(), "3000");
        assertThat(b.vendorSkuCode()).contains("abc123");
    }

    @Test
    void orderListExampleReadsDatesInIst() {
        Records<OrderSummary> result = CODEC.orderSummaries(json(ReferenceExamples.ORDER_LIST));

        assertThat(result.failures()).isEmpty();
        OrderSummary s = result.records().get(0);
        assertThat(s.orderNo()).isEqualTo("100000019");
        assertThat(s.statusCode()).contains("5");
        assertThat(s.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(s.orderDate()).contains(Instant.parse("2016-04-12T18:49:40Z"));
        assertThat(s.lastUpdated()).contains(Instant.parse("2016-04-13T09:02:05Z"));
        assertThat(s.onHold()).contains("1");
    }

    @Test
    void orderFetchExampleReadsHeaderAmountsAndAddresses() {
        Records<Order> result = CODEC.orders(json(ReferenceExamples.ORDER_FETCH));

        assertThat(result.failures()).isEmpty();
        assertThat(result.records()).hasSize(1);
        Order o = result.records().get(0);
        assertThat(o.orderNo()).isEqualTo("501242014-33");
        assertThat(o.masterOrderNo()).contains("NYKL00000042");
        assertThat(o.statusCode()).contains("8");
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(o.orderDate()).contains(Instant.parse("2017-04-20T10:36:00Z"));
        assertThat(o.lastUpdated()).contains(Instant.parse("2017-11-07T06:25:14Z"));
        assertThat(o.paymentMethod()).contains("1");
        assertAmount(o.orderAmount(), "630");
        assertThat(o.currency()).contains("INR");
        assertAmount(o.taxAmount(), "0");
        assertThat(o.onHold()).contains("1");
        assertAmount(o.shippingCharge(), "0");
        assertThat(o.discountAmount()).isEmpty();
        assertThat(o.couponCode()).isEmpty();
        assertThat(o.storeCredit()).isEmpty();
        assertThat(o.giftVoucherAmount()).isEmpty();
        assertThat(o.codCharge()).isEmpty();
        assertThat(o.cancelRemark()).isEmpty();
        assertThat(o.reasonForCancellation()).contains("1");
        assertThat(o.priority()).isEmpty();
        assertThat(o.customerName()).contains("puneet Sharma");

        Address ship = o.shippingAddress();
        assertThat(ship.name()).contains("puneet Sharma");
        assertThat(ship.line1())
                .contains("Flat 105, B2 , Blue Ridge Township, Hinjewadi Phase 1\nNear Symbiosis College");
        assertThat(ship.line2()).isEmpty();
        assertThat(ship.line3()).isEmpty();
        assertThat(ship.phone()).contains("7756845606");
        assertThat(ship.email()).contains("urvashiengineer@gmail.com");
        assertThat(ship.countryCode()).contains("IND");
        assertThat(ship.state()).contains("Maharashtra");
        assertThat(ship.city()).contains("PUNE");
        assertThat(ship.postalCode()).contains("411057");

        Address bill = o.billingAddress();
        assertThat(bill.name()).contains("puneet Sharma");
        assertThat(bill.line1())
                .contains("Flat 105, B2 , Blue Ridge Township, Hinjewadi Phase 1,Near Symbiosis College");
        assertThat(bill.line2()).isEmpty();
        assertThat(bill.line3()).isEmpty();
        assertThat(bill.phone()).contains("7756845606");
        assertThat(bill.email()).contains("urvashiengineer@gmail.com");
        assertThat(bill.countryCode()).contains("IND");
        assertThat(bill.state()).contains("Maharashtra");
        assertThat(bill.city()).contains("PUNE");
        assertThat(bill.postalCode()).contains("411057");
    }

    @Test
    void orderFetchExampleReadsTheLine() {
        Order o = CODEC.orders(json(ReferenceExamples.ORDER_FETCH)).records().get(0);

        assertThat(o.lines()).hasSize(1);
        OrderLine l = o.lines().get(0);
        assertThat(l.lineNo()).isEqualTo("1");
        assertThat(l.deliveryMode()).contains("2");
        assertThat(l.sku()).isEqualTo("NYJCH00000037");
        assertThat(l.skuName()).contains("Juicy Chemistry Coffee and Green Tea Eye ");
        assertAmount(l.orderQty(), "1");
        assertThat(l.rejectedQty()).isEmpty();
        assertAmount(l.cancelledQty(), "1");
        assertThat(l.shippedQty()).isEmpty();
        assertThat(l.returnedQty()).isEmpty();
        assertThat(l.deliveredQty()).isEmpty();
        assertAmount(l.lineAmount(), "330");
        assertAmount(l.taxAmount(), "0");
        assertAmount(l.unitPrice(), "350");
        assertThat(l.mrp()).contains(new BigDecimal("350.000"));
        assertAmount(l.discountAmount(), "20");
        assertThat(l.shippingCharge()).isEmpty();
        assertThat(l.codCharge()).isEmpty();
        assertThat(l.invoiceNo()).isEmpty();
        assertThat(l.transporterCode()).isEmpty();
        assertThat(l.transporterName()).isEmpty();
        assertThat(l.awbNo()).isEmpty();
        assertThat(l.imeiNos()).isEmpty();
        assertThat(l.confirmDate()).contains(Instant.parse("2017-04-20T12:44:25Z"));
        assertThat(l.giftVoucherAmount()).isEmpty();
        assertAmount(l.storeCredit(), "0");
        assertThat(l.lineStatusCode()).contains("8");
        assertThat(l.lineStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(l.cst()).isEmpty();
        assertThat(l.vat()).isEmpty();
    }

    @Test
    void orderReturnExampleReadsHeaderAndKeepsEmptyStrings() {
        Records<ReturnOrder> result = CODEC.returns(json(ReferenceExamples.ORDER_RETURN));

        assertThat(result.failures()).isEmpty();
        ReturnOrder r = result.records().get(0);
        assertThat(r.internalReturnNo()).isEqualTo("mwhc2353");
        assertThat(r.returnNo()).isEmpty();
        assertThat(r.orderNo()).isEqualTo("NYKL00002637");
        assertThat(r.masterOrderNo()).contains("KAAS1559");
        assertThat(r.returnStatusCode()).contains("10");
        assertThat(r.returnStatus()).isEqualTo(ReturnStatus.CONFIRMED);
        assertThat(r.returnDate()).contains(Instant.parse("2021-02-19T06:36:00Z"));
        assertThat(r.orderDate()).contains(Instant.parse("2020-12-16T06:10:30Z"));
        assertThat(r.returnConfirmDate()).contains(Instant.parse("2021-02-19T06:36:00Z"));
        assertThat(r.returnCloseDate()).isEmpty();
        assertThat(r.lastUpdated()).contains(Instant.parse("2021-06-08T11:41:37Z"));
        assertThat(r.orderStatusCode()).contains("10");
        assertThat(r.sellerId()).contains("mwhc2");
        assertThat(r.returnType()).contains("Delivered Return");
        assertThat(r.paymentMethod()).contains("1");
        assertAmount(r.orderAmount(), "1288");
        assertAmount(r.returnAmount(), "434.5");
        assertThat(r.currency()).contains("GBP");
        assertThat(r.returnTrackingNo()).isEmpty();
        assertThat(r.transporterName()).isEmpty();
        assertThat(r.trackingUrl()).contains("");
        assertThat(r.reasonForCancellation()).contains("");
        assertThat(r.comments()).isEmpty();
        assertThat(r.refundStoreCredit()).isEmpty();
        assertThat(r.customerName()).contains("Anuj Kaul");

        Address ship = r.shippingAddress();
        assertThat(ship.line1()).contains("House number 50, First Floor");
        assertThat(ship.line2()).contains("ABC Road, Green Park");
        assertThat(ship.line3()).contains("");
        assertThat(ship.phone()).contains("9999112233");
        assertThat(ship.email()).contains("anujkaul86@gmail.com");
        assertThat(ship.countryCode()).contains("IND");
        assertThat(ship.state()).contains("Maharashtra");
        assertThat(ship.city()).contains("Mumbai");
        assertThat(ship.postalCode()).contains("400001");

        Address bill = r.billingAddress();
        assertThat(bill.name()).contains("Anuj Kaul");
        assertThat(bill.line1()).contains("House number 50, First Floor");
        assertThat(bill.line2()).contains("ABC Road, Green Park");
        assertThat(bill.line3()).contains("");
        assertThat(bill.phone()).contains("9999112233");
        assertThat(bill.email()).contains("anujkaul86@gmail.com");
        assertThat(bill.countryCode()).contains("IND");
        assertThat(bill.state()).contains("Maharashtra");
        assertThat(bill.city()).contains("Mumbai");
        assertThat(bill.postalCode()).contains("400001");
    }

    @Test
    void orderReturnExampleReadsTheLine() {
        ReturnOrder r = CODEC.returns(json(ReferenceExamples.ORDER_RETURN)).records().get(0);

        assertThat(r.lines()).hasSize(1);
        ReturnLine l = r.lines().get(0);
        assertThat(l.lineNo()).isEqualTo("1");
        assertThat(l.sku()).isEqualTo("CSKU2");
        assertThat(l.skuName()).contains("ChildSKU2");
        assertAmount(l.orderQty(), "2");
        assertThat(l.orderQty().get().scale()).isEqualTo(2);
        assertThat(l.cancelledQty()).isEmpty();
        assertAmount(l.shippedQty(), "2");
        assertThat(l.shippedQty().get().scale()).isZero();
        assertAmount(l.returnedQty(), "1");
        assertAmount(l.lineAmount(), "434.50");
        assertAmount(l.taxAmount(), "19.76");
        assertAmount(l.unitPrice(), "450");
        assertThat(l.codCharge()).isEmpty();
        assertThat(l.invoiceNo()).contains("MWHP2021000005");
        assertAmount(l.storeCredit(), "50");
        assertThat(l.lineStatusCode()).contains("10");
    }

    @Test
    void generateInvoiceExampleGivesTheInvoiceNumber() {
        assertThat(CODEC.invoiceNo(json(ReferenceExamples.GENERATE_INVOICE))).contains("3457899883249");
    }

    @Test
    void fetchInvoiceExampleReadsEveryField() {
        Records<InvoiceItem> result = CODEC.invoiceItems(json(ReferenceExamples.FETCH_INVOICE));

        assertThat(result.failures()).isEmpty();
        InvoiceItem i = result.records().get(0);
        assertThat(i.orderNo()).isEqualTo("100000018");
        assertThat(i.orderDate()).contains(Instant.parse("2016-04-10T21:28:59Z"));
        assertThat(i.lastUpdated()).contains(Instant.parse("2016-06-06T13:04:54Z"));
        assertThat(i.orderStatusCode()).contains("25");
        assertThat(i.orderStatus()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(i.lineNo()).isEqualTo("1");
        assertThat(i.invoiceNo()).contains("AC0011617000001");
        assertThat(i.lineStatusCode()).contains("25");
        assertThat(i.lineStatus()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(i.transporterCode()).contains("7");
        assertThat(i.transporterName()).contains("By Hand delivery");
        assertThat(i.trackingNo()).contains("123");
        assertThat(i.imeiNos()).isEmpty();
    }

    @Test
    void envelopeWithoutListGivesEmptyRecordsForEveryReader() {
        var envelope = json(ReferenceExamples.ENVELOPE_ONLY);

        assertThat(CODEC.products(envelope).size()).isZero();
        assertThat(CODEC.moderations(envelope).size()).isZero();
        assertThat(CODEC.backOrders(envelope).size()).isZero();
        assertThat(CODEC.orderSummaries(envelope).size()).isZero();
        assertThat(CODEC.orders(envelope).size()).isZero();
        assertThat(CODEC.returns(envelope).size()).isZero();
        assertThat(CODEC.invoiceItems(envelope).size()).isZero();
        assertThat(CODEC.invoiceNo(envelope)).isEmpty();
    }
}
