package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Derived views and key rules of the response value types. */
class ResponseModelsTest {

    @Test
    void vendorSkuCodeIsValidOnlyWhenPresentAndNotBlank() {
        assertThat(Product.builder().sku("A").vendorSkuCode("V").build().hasValidVendorSkuCode()).isTrue();
        assertThat(Product.builder().sku("A").vendorSkuCode(" ").build().hasValidVendorSkuCode()).isFalse();
        assertThat(Product.builder().sku("A").vendorSkuCode("").build().hasValidVendorSkuCode()).isFalse();
        assertThat(Product.builder().sku("A").build().hasValidVendorSkuCode()).isFalse();
        assertThat(BackOrder.builder().sku("A").vendorSkuCode("V").build().hasValidVendorSkuCode()).isTrue();
        assertThat(BackOrder.builder().sku("A").build().hasValidVendorSkuCode()).isFalse();
    }

    @Test
    void moderationIsPendingIgnoringCase() {
        InventoryModeration.Builder base = InventoryModeration.builder().moderationId("1").sku("A");

        assertThat(base.status("Pending").build().isPending()).isTrue();
        assertThat(base.status("PENDING").build().isPending()).isTrue();
        assertThat(base.status("Approved").build().isPending()).isFalse();
        assertThat(InventoryModeration.builder().moderationId("1").sku("A").build().isPending()).isFalse();
    }

    @Test
    void statusEnumsAreDerivedFromTheRawCodes() {
        Order order = Order.builder().orderNo("A").statusCode("8").build();
        OrderLine line = OrderLine.builder().lineNo("1").sku("S").lineStatusCode("77").build();
        ReturnOrder ret = ReturnOrder.builder().internalReturnNo("R").orderNo("A").returnStatusCode("35").build();
        InvoiceItem item = InvoiceItem.builder().orderNo("A").lineNo("1").orderStatusCode("25").build();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(line.lineStatusCode()).contains("77");
        assertThat(line.lineStatus()).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(ret.returnStatus()).isEqualTo(ReturnStatus.REVERSE_PICKUP_DONE);
        assertThat(item.orderStatus()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(item.lineStatus()).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(OrderSummary.builder().orderNo("A").build().status()).isEqualTo(OrderStatus.UNKNOWN);
    }

    @Test
    void nullForAnOptionalMeansAbsent() {
        Order order = Order.builder().orderNo("A").orderAmount((BigDecimal) null).currency((String) null).build();

        assertThat(order.orderAmount()).isEmpty();
        assertThat(order.currency()).isEmpty();
        assertThat(order.lines()).isEmpty();
        assertThat(order.shippingAddress()).isEqualTo(Address.empty());
    }

    @Test
    void customerNameIsTheShippingAddressName() {
        Order order = Order.builder().orderNo("A").shippingAddress(Address.builder().name("Anuj").build()).build();

        assertThat(order.customerName()).contains("Anuj");
        assertThat(order.billingAddress().isEmpty()).isTrue();
    }

    @Test
    void blankKeysAreRejected() {
        assertThatThrownBy(() -> Order.builder().orderNo(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("orderNo must not be blank");
        assertThatThrownBy(() -> OrderLine.builder().lineNo("1").sku("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sku must not be blank");
        assertThatThrownBy(() -> ReturnOrder.builder().internalReturnNo("").orderNo("A").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("internalReturnNo must not be blank");
        assertThatThrownBy(() -> InventoryModeration.builder().moderationId(" ").sku("A").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("moderationId must not be blank");
        assertThatThrownBy(() -> Order.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orderNo");
    }

    @Test
    void amountsKeepTheirScaleSoCompareWithCompareTo() {
        Order a = Order.builder().orderNo("A").orderAmount(new BigDecimal("630.00")).build();
        Order b = Order.builder().orderNo("A").orderAmount(new BigDecimal("630")).build();

        assertThat(a.orderAmount().get()).isEqualByComparingTo(b.orderAmount().get());
        assertThat(a).isNotEqualTo(b);
    }
}
