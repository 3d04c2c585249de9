package io.github.babyshopsdk.client.internal.wire;

import static io.github.babyshopsdk.client.internal.wire.Wire.CODEC;
import static io.github.babyshopsdk.client.internal.wire.Wire.jsonQ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.model.InvoiceItem;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnOrder;
import org.junit.jupiter.api.Test;

/** One malformed record becomes a RecordFailure; the rest of the list is still read. */
class MalformedRecordsTest {

    @Test
    void invalidDateFailsOnlyItsRecord() {
        Records<OrderSummary> result = CODEC.orderSummaries(jsonQ("""
                {'orderList':[
                  {'orderNo':'A','orderDate':'13/04/2016 00:19:40'},
                  {'orderNo':'B','orderDate':'31/02/2021 10:00:00'},
                  {'orderNo':'C','orderLastUpdateDate':'2021-02-01'}]}"""));

        assertThat(result.records()).extracting(OrderSummary::orderNo).containsExactly("A");
        assertThat(result.failures()).hasSize(2);
        RecordFailure feb31 = result.failures().get(0);
        assertThat(feb31.index()).isEqualTo(1);
        assertThat(feb31.key()).contains("B");
        assertThat(feb31.reason()).startsWith("orderDate:").contains("31/02/2021 10:00:00");
        RecordFailure iso = result.failures().get(1);
        assertThat(iso.index()).isEqualTo(2);
        assertThat(iso.key()).contains("C");
        assertThat(iso.reason()).startsWith("orderLastUpdateDate:").contains("2021-02-01");
    }

    @Test
    void nonNumericQuantityInALineFailsTheWholeOrderNamingTheLineField() {
        Records<Order> result = CODEC.orders(jsonQ("""
                {'orders':[
                  {'orderNo':'A','orderItems':[{'lineno':'1','skuCode':'S','orderQty':'1'}]},
                  {'orderNo':'B','orderItems':[{'lineno':'1','skuCode':'S','orderQty':'1'},
                                               {'lineno':'2','skuCode':'T','orderQty':'abc'}]},
                  {'orderNo':'C'}]}"""));

        assertThat(result.records()).extracting(Order::orderNo).containsExactly("A", "C");
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.index()).isEqualTo(1);
            assertThat(failure.key()).contains("B");
            assertThat(failure.reason()).isEqualTo("orderItems[1].orderQty: expected a number, was \"abc\"");
        });
    }

    @Test
    void missingOrBlankKeyFailsTheRecordWithoutAKey() {
        Records<Order> result = CODEC.orders(jsonQ("""
                {'orders':[{'orderAmount':'10'},{'orderNo':'  '},{'orderNo':null},{'orderNo':'D'}]}"""));

        assertThat(result.records()).extracting(Order::orderNo).containsExactly("D");
        assertThat(result.failures()).extracting(RecordFailure::index).containsExactly(0, 1, 2);
        assertThat(result.failures()).allSatisfy(failure -> {
            assertThat(failure.key()).isEmpty();
            assertThat(failure.reason()).isEqualTo("orderNo: is missing or blank");
        });
    }

    @Test
    void listElementThatIsNotAnObjectIsAFailureAtItsIndex() {
        Records<Product> result = CODEC.products(jsonQ("""
                {'productList':['oops',{'sku':'A'},42,null,[1],{'sku':'B'}]}"""));

        assertThat(result.records()).extracting(Product::sku).containsExactly("A", "B");
        assertThat(result.failures()).extracting(RecordFailure::index).containsExactly(0, 2, 3, 4);
        assertThat(result.failures().get(0).reason())
                .isEqualTo("productList[0]: expected an object, was a string \"oops\"");
        assertThat(result.failures().get(1).reason()).isEqualTo("productList[2]: expected an object, was 42");
        assertThat(result.failures().get(2).reason()).isEqualTo("productList[3]: expected an object, was null");
        assertThat(result.failures().get(3).reason()).isEqualTo("productList[4]: expected an object, was an array");
        assertThat(result.failures()).allSatisfy(failure -> assertThat(failure.key()).isEmpty());
    }

    @Test
    void lineElementThatIsNotAnObjectFailsItsOrder() {
        Records<Order> result = CODEC.orders(jsonQ("{'orders':[{'orderNo':'A','orderItems':['x']}]}"));

        assertThat(result.records()).isEmpty();
        assertThat(result.failures().get(0).key()).contains("A");
        assertThat(result.failures().get(0).reason())
                .isEqualTo("orderItems[0]: expected an object, was a string \"x\"");
    }

    @Test
    void lineWithoutSkuFailsItsOrder() {
        Records<Order> result = CODEC.orders(jsonQ("{'orders':[{'orderNo':'A','orderItems':[{'lineno':'1'}]}]}"));

        assertThat(result.failures()).singleElement()
                .extracting(RecordFailure::reason).isEqualTo("orderItems[0].skuCode: is missing or blank");
    }

    @Test
    void keyIsReportedEvenWhenItIsANumber() {
        Records<InvoiceItem> result = CODEC.invoiceItems(jsonQ("""
                {'invoiceItems':[{'orderNo':100000018,'lineNo':'1','orderDate':'yesterday'}]}"""));

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.key()).contains("100000018");
            assertThat(failure.reason()).startsWith("orderDate:").contains("yesterday");
        });
    }

    @Test
    void returnFailureIsKeyedByInternalReturnNo() {
        Records<ReturnOrder> result = CODEC.returns(jsonQ("""
                {'returns':[{'internalReturnNo':'mwhc1','orderNo':'A','returnAmount':'12,50'}]}"""));

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.key()).contains("mwhc1");
            assertThat(failure.reason()).isEqualTo("returnAmount: expected a number, was \"12,50\"");
        });
    }

    @Test
    void wrongJsonTypesForAFieldFailTheRecord() {
        Records<Order> result = CODEC.orders(jsonQ("""
                {'orders':[{'orderNo':'A','orderAmount':true},{'orderNo':'B','cancelRemark':{'x':1}},
                           {'orderNo':'C','orderDate':20210201},{'orderNo':{'no':1}}]}"""));

        assertThat(result.records()).isEmpty();
        assertThat(result.failures()).extracting(RecordFailure::reason).containsExactly(
                "orderAmount: expected a number, was true",
                "cancelRemark: expected text, was an object",
                "orderDate: expected a date-time dd/MM/yyyy HH:mm:ss, was 20210201",
                "orderNo: expected text, was an object");
        assertThat(result.failures()).extracting(RecordFailure::key)
                .containsExactly(java.util.Optional.of("A"), java.util.Optional.of("B"),
                        java.util.Optional.of("C"), java.util.Optional.empty());
    }

    @Test
    void longOffendingValuesAreShortenedInTheReason() {
        String longValue = "9".repeat(30) + "x".repeat(100);
        Records<Order> result = CODEC.orders(jsonQ(
                "{'orders':[{'orderNo':'A','orderAmount':'" + longValue + "'}]}"));

        assertThat(result.failures().get(0).reason()).hasSizeLessThan(120).endsWith("...\"");
    }

    @Test
    void absurdNumbersAreRejectedRatherThanExpanded() {
        Records<Order> result = CODEC.orders(jsonQ("{'orders':[{'orderNo':'A','orderAmount':'1e999999999'}]}"));

        assertThat(result.failures()).singleElement()
                .extracting(RecordFailure::reason).asString().startsWith("orderAmount: number out of range");
    }

    @Test
    void listFieldHoldingAScalarIsAWireFormatError() {
        assertThatThrownBy(() -> CODEC.orders(jsonQ("{'orders':'none'}")))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("orders: expected a list, was a string \"none\"")
                .extracting(e -> ((WireFormatException) e).field()).isEqualTo("orders");
        assertThatThrownBy(() -> CODEC.products(jsonQ("{'productList':5}")))
                .isInstanceOf(WireFormatException.class);
    }

    @Test
    void envelopeMustBeAnObject() {
        assertThatThrownBy(() -> CODEC.orders(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("envelope must not be null");
        assertThatThrownBy(() -> CODEC.orders(jsonQ("[{'orders':[]}]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("envelope must be a JSON object");
        assertThatThrownBy(() -> CODEC.invoiceNo(jsonQ("'x'")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
