package io.github.babyshopsdk.client.internal.wire;

import static io.github.babyshopsdk.client.internal.wire.Wire.CODEC;
import static io.github.babyshopsdk.client.internal.wire.Wire.jsonQ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.model.BackOrder;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ReturnOrder;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The API's loose typing (reference §1.7, Q3, Q14, Q16, Q24 to Q26) is absorbed by the readers. */
class LenientReadingTest {

    @Test
    void numericLookingFieldsAcceptJsonNumbers() {
        Product p = CODEC.products(jsonQ("""
                {'productList':[{'sku':'A','mrp':1500.00,'salePrice':1499.5,'baseCost':1000,
                 'status':1,'weight':0.250,'serialTracking':0}]}""")).records().get(0);

        assertThat(p.mrp()).contains(new BigDecimal("1500.00"));
        assertThat(p.mrp().get().scale()).isEqualTo(2);
        assertThat(p.salePrice().get()).isEqualByComparingTo("1499.5");
        assertThat(p.baseCost().get()).isEqualByComparingTo("1000");
        assertThat(p.weight()).contains(new BigDecimal("0.250"));
        assertThat(p.statusCode()).contains("1");
        assertThat(p.serialTracking()).contains("0");
    }

    @Test
    void keysSentAsJsonNumbersBecomeTheirPlainText() {
        OrderSummary s = CODEC.orderSummaries(jsonQ("""
                {'orderList':[{'orderNo':100000019,'orderStatus':5,'onHold':1}]}""")).records().get(0);
        InventoryModeration m = CODEC.moderations(jsonQ("""
                {'skus':[{'moderationId':108,'sku':224808,'requestedInvQty':1.000,'requestedSalePrice':1299.000}]}
                """)).records().get(0);

        assertThat(s.orderNo()).isEqualTo("100000019");
        assertThat(s.statusCode()).contains("5");
        assertThat(s.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(s.onHold()).contains("1");
        assertThat(m.moderationId()).isEqualTo("108");
        assertThat(m.sku()).isEqualTo("224808");
        assertThat(m.requestedQuantity()).contains(new BigDecimal("1.000"));
        assertThat(m.requestedSalePrice()).contains(new BigDecimal("1299.000"));
    }

    @Test
    void fractionalNumberForATextFieldIsWrittenInPlainNotation() {
        Product p = CODEC.products(jsonQ("{'productList':[{'sku':1E+3,'status':2.50}]}")).records().get(0);

        assertThat(p.sku()).isEqualTo("1000");
        assertThat(p.statusCode()).contains("2.50");
    }

    @Test
    void emptyBlankAndNullNumbersAndDatesAreAbsent() {
        Order o = CODEC.orders(jsonQ("""
                {'orders':[{'orderNo':'X1','orderAmount':'','orderTaxAmount':'  ','shippingCharge':null,
                 'orderDate':'','orderLastUpdateDate':null,
                 'orderItems':[{'lineno':'1','skuCode':'S','orderQty':'','confirmDate':' '}]}]}
                """)).records().get(0);

        assertThat(o.orderAmount()).isEmpty();
        assertThat(o.taxAmount()).isEmpty();
        assertThat(o.shippingCharge()).isEmpty();
        assertThat(o.discountAmount()).isEmpty();
        assertThat(o.orderDate()).isEmpty();
        assertThat(o.lastUpdated()).isEmpty();
        assertThat(o.lines().get(0).orderQty()).isEmpty();
        assertThat(o.lines().get(0).confirmDate()).isEmpty();
    }

    @Test
    void stringsAreKeptRawWithoutTrimming() {
        Order o = CODEC.orders(jsonQ("""
                {'orders':[{'orderNo':' 0042 ','address3':'','cancelRemark':'  late  ',
                 'orderItems':[{'lineno':'1','skuCode':'S ','skuName':'Eye '}]}]}
                """)).records().get(0);

        assertThat(o.orderNo()).isEqualTo(" 0042 ");
        assertThat(o.shippingAddress().line3()).contains("");
        assertThat(o.cancelRemark()).contains("  late  ");
        assertThat(o.lines().get(0).sku()).isEqualTo("S ");
        assertThat(o.lines().get(0).skuName()).contains("Eye ");
    }

    @Test
    void numbersInTextAreReadWithSurroundingWhitespaceIgnored() {
        Order o = CODEC.orders(jsonQ("{'orders':[{'orderNo':'X','orderAmount':' 630.00 '}]}")).records().get(0);

        assertThat(o.orderAmount()).contains(new BigDecimal("630.00"));
    }

    @Test
    void orderLineNumberIsReadFromLinenoOrLineNo() {
        Order lower = CODEC.orders(jsonQ("""
                {'orders':[{'orderNo':'A','orderItems':[{'lineno':'1','skuCode':'S'}]}]}""")).records().get(0);
        Order camel = CODEC.orders(jsonQ("""
                {'orders':[{'orderNo':'A','orderItems':[{'lineNo':'2','skuCode':'S'}]}]}""")).records().get(0);
        Order upper = CODEC.orders(jsonQ("""
                {'orders':[{'orderNo':'A','orderItems':[{'LINENO':3,'skuCode':'S'}]}]}""")).records().get(0);

        assertThat(lower.lines().get(0).lineNo()).isEqualTo("1");
        assertThat(camel.lines().get(0).lineNo()).isEqualTo("2");
        assertThat(upper.lines().get(0).lineNo()).isEqualTo("3");
    }

    @Test
    void exactFieldNameWinsOverACaseVariant() {
        Order o = CODEC.orders(jsonQ("""
                {'orders':[{'orderNo':'A','orderItems':[{'LineNo':'9','lineno':'1','skuCode':'S'}]}]}"""))
                .records().get(0);

        assertThat(o.lines().get(0).lineNo()).isEqualTo("1");
    }

    @Test
    void vendorSkuCodeIsReadInEitherCapitalisation() {
        Product product = CODEC.products(jsonQ("{'productList':[{'sku':'A','vendorSKUCode':'V1'}]}"))
                .records().get(0);
        BackOrder backOrder = CODEC.backOrders(jsonQ("{'data':[{'sku':'A','vendorSkuCode':'V2'}]}"))
                .records().get(0);

        assertThat(product.vendorSkuCode()).contains("V1");
        assertThat(backOrder.vendorSkuCode()).contains("V2");
    }

    @Test
    void billingPostalCodeIsReadFromZipCodeOrPinCodeInBothRecordTypes() {
        Order orderWithPin = CODEC.orders(jsonQ("{'orders':[{'orderNo':'A','bill_PinCode':'400001'}]}"))
                .records().get(0);
        Order orderWithZip = CODEC.orders(jsonQ("{'orders':[{'orderNo':'A','bill_ZipCode':'411057'}]}"))
                .records().get(0);
        ReturnOrder returnWithZip = CODEC.returns(jsonQ("""
                {'returns':[{'internalReturnNo':'R','orderNo':'A','bill_ZipCode':'110001'}]}""")).records().get(0);
        ReturnOrder returnWithPin = CODEC.returns(jsonQ("""
                {'returns':[{'internalReturnNo':'R','orderNo':'A','bill_PinCode':'400001','bill_ZipCode':'X'}]}"""))
                .records().get(0);

        assertThat(orderWithPin.billingAddress().postalCode()).contains("400001");
        assertThat(orderWithZip.billingAddress().postalCode()).contains("411057");
        assertThat(returnWithZip.billingAddress().postalCode()).contains("110001");
        assertThat(returnWithPin.billingAddress().postalCode()).contains("400001");
    }

    @Test
    void singleObjectInsteadOfAListIsAListOfOne() {
        var orders = CODEC.orders(jsonQ("""
                {'orders':{'orderNo':'A','orderItems':{'lineno':'1','skuCode':'S'}}}"""));
        var returns = CODEC.returns(jsonQ("{'returns':{'internalReturnNo':'R','orderNo':'A'}}"));

        assertThat(orders.records()).extracting(Order::orderNo).containsExactly("A");
        assertThat(orders.records().get(0).lines()).hasSize(1);
        assertThat(returns.records()).extracting(ReturnOrder::internalReturnNo).containsExactly("R");
    }

    @Test
    void missingNullOrEmptyListsGiveEmptyRecords() {
        assertThat(CODEC.orders(jsonQ("{'responseCode':0}")).size()).isZero();
        assertThat(CODEC.orders(jsonQ("{'orders':null}")).size()).isZero();
        assertThat(CODEC.orders(jsonQ("{'orders':[]}")).size()).isZero();
        assertThat(CODEC.orders(jsonQ("{'orders':''}")).size()).isZero();
        Order noLines = CODEC.orders(jsonQ("{'orders':[{'orderNo':'A','orderItems':null}]}")).records().get(0);
        assertThat(noLines.lines()).isEmpty();
    }

    @Test
    void listFieldNameIsMatchedIgnoringCase() {
        assertThat(CODEC.products(jsonQ("{'ProductList':[{'sku':'A'}]}")).records()).hasSize(1);
    }

    @Test
    void addressIsEmptyWhenTheRecordHasNoAddressFields() {
        Order o = CODEC.orders(jsonQ("{'orders':[{'orderNo':'A'}]}")).records().get(0);

        assertThat(o.shippingAddress().isEmpty()).isTrue();
        assertThat(o.billingAddress().isEmpty()).isTrue();
        assertThat(o.customerName()).isEmpty();
    }

    @Test
    void unknownStatusCodeIsKeptAndMapsToUnknown() {
        OrderSummary s = CODEC.orderSummaries(jsonQ("{'orderList':[{'orderNo':'A','orderStatus':'77'}]}"))
                .records().get(0);
        Order noStatus = CODEC.orders(jsonQ("{'orders':[{'orderNo':'A'}]}")).records().get(0);

        assertThat(s.statusCode()).contains("77");
        assertThat(s.status()).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(noStatus.statusCode()).isEmpty();
        assertThat(noStatus.status()).isEqualTo(OrderStatus.UNKNOWN);
    }

    @Test
    void unknownFieldsAreIgnored() {
        Product p = CODEC.products(jsonQ("{'productList':[{'sku':'A','brandNew':{'x':[1]}}],'extra':true}"))
                .records().get(0);

        assertThat(p.sku()).isEqualTo("A");
    }

    @Test
    void invoiceNumberIsEmptyWhenBlankAndTextWhenNumeric() {
        assertThat(CODEC.invoiceNo(jsonQ("{'invoiceNo':''}"))).isEmpty();
        assertThat(CODEC.invoiceNo(jsonQ("{'invoiceNo':null}"))).isEmpty();
        assertThat(CODEC.invoiceNo(jsonQ("{'invoiceNo':3457899883249}"))).contains("3457899883249");
        assertThat(CODEC.invoiceNo(jsonQ("{'invoiceNo':' INV-1'}"))).contains(" INV-1");
    }

    @Test
    void invoiceNumberOfAnImpossibleShapeIsAWireFormatError() {
        assertThatThrownBy(() -> CODEC.invoiceNo(jsonQ("{'invoiceNo':{'a':1}}")))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("invoiceNo");
    }

    @Test
    void datesAreParsedInTheCodecsZone() {
        WireCodec dubai = new WireCodec(Wire.MAPPER, java.time.ZoneId.of("Asia/Dubai"));
        var envelope = jsonQ("{'orderList':[{'orderNo':'A','orderLastUpdateDate':'13/04/2016 14:32:05'}]}");

        assertThat(CODEC.orderSummaries(envelope).records().get(0).lastUpdated())
                .contains(Instant.parse("2016-04-13T09:02:05Z"));
        assertThat(dubai.orderSummaries(envelope).records().get(0).lastUpdated())
                .contains(Instant.parse("2016-04-13T10:32:05Z"));
    }
}
