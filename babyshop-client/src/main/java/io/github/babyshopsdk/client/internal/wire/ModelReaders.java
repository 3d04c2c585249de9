package io.github.babyshopsdk.client.internal.wire;

import io.github.babyshopsdk.client.model.Address;
import io.github.babyshopsdk.client.model.BackOrder;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceItem;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ReturnLine;
import io.github.babyshopsdk.client.model.ReturnOrder;

/**
 * One function per response record type: wire object to model value. This is the only place where
 * response wire names appear (reference §2, Appendix B). Stateless.
 *
 * <p>Each function throws {@link WireFormatException} (or the model's {@link IllegalArgumentException})
 * when the record cannot be read; the list reader turns that into a per-record failure.
 */
final class ModelReaders {

    /** The key field of each record type, used to label a failed record. */
    static final String PRODUCT_KEY = "sku";
    static final String MODERATION_KEY = "moderationId";
    static final String BACK_ORDER_KEY = "sku";
    static final String ORDER_KEY = "orderNo";
    static final String RETURN_KEY = "internalReturnNo";
    static final String INVOICE_ITEM_KEY = "orderNo";

    private ModelReaders() {}

    /** productFetch {@code productList[]} ({@code ProductList1}). */
    static Product product(WireRecord r) {
        return Product.builder()
                .sku(r.key("sku"))
                .vendorSkuCode(r.text("vendorSkuCode"))
                .manufacturerSkuCode(r.text("mfgSkuCode"))
                .skuName(r.text("skuName"))
                .mrp(r.decimal("mrp"))
                .salePrice(r.decimal("salePrice"))
                .baseCost(r.decimal("baseCost"))
                .statusCode(r.text("status"))
                .lastUpdated(r.instant("lastUpdateDate"))
                .brand(r.text("brand"))
                .color(r.text("color"))
                .size(r.text("size"))
                .weight(r.decimal("weight"))
                .length(r.decimal("length"))
                .width(r.decimal("width"))
                .height(r.decimal("height"))
                .serialTracking(r.text("serialTracking"))
                .build();
    }

    /** inventoryPriceUpdate / inventoryPriceStatus {@code skus[]}. */
    static InventoryModeration moderation(WireRecord r) {
        return InventoryModeration.builder()
                // sent back as a JSON integer by inventoryPriceStatus: an id that is not one makes the record unreadable
                .moderationId(r.integerKey("moderationId", RequestWriter.MAX_ID_DIGITS))
                .sku(r.key("sku"))
                .requestedQuantity(r.decimal("requestedInvQty"))
                .approvedQuantity(r.decimal("approvedInvQty"))
                .status(r.text("status"))
                .requestedSalePrice(r.decimal("requestedSalePrice"))
                .build();
    }

    /** skuBackOrder {@code data[]} ({@code skuBack}). */
    static BackOrder backOrder(WireRecord r) {
        return BackOrder.builder()
                .sku(r.key("sku"))
                .vendorCode(r.text("vendorCode"))
                .vendorSkuCode(r.text("vendorSKUCode"))
                .quantity(r.decimal("qty"))
                .price(r.decimal("price"))
                .build();
    }

    /** orderList / orderListJIT {@code orderList[]} ({@code orderDetailList1}). */
    static OrderSummary orderSummary(WireRecord r) {
        return OrderSummary.builder()
                .orderNo(r.key("orderNo"))
                .statusCode(r.text("orderStatus"))
                .orderDate(r.instant("orderDate"))
                .lastUpdated(r.instant("orderLastUpdateDate"))
                .onHold(r.text("onHold"))
                .build();
    }

    /** orderFetch / orderFetchJIT {@code orders[]} ({@code orderlistforreturn1}). */
    static Order order(WireRecord r) {
        return Order.builder()
                .orderNo(r.key("orderNo"))
                .masterOrderNo(r.text("masterOrderNo"))
                .statusCode(r.text("orderStatus"))
                .orderDate(r.instant("orderDate"))
                .lastUpdated(r.instant("orderLastUpdateDate"))
                .paymentMethod(r.text("paymentMethod"))
                .orderAmount(r.decimal("orderAmount"))
                .currency(r.text("orderCurrency"))
                .taxAmount(r.decimal("orderTaxAmount"))
                .shippingCharge(r.decimal("shippingCharge"))
                .discountAmount(r.decimal("discountAmount"))
                .couponCode(r.text("discCouponCode"))
                .storeCredit(r.decimal("storeCredit"))
                .giftVoucherAmount(r.decimal("gvAmount"))
                .codCharge(r.decimal("codCharge"))
                .onHold(r.text("onHold"))
                .shippingAddress(shippingAddress(r))
                .billingAddress(billingAddress(r, "bill_ZipCode"))
                .cancelRemark(r.text("cancelRemark"))
                .reasonForCancellation(r.text("reasonForCancellation"))
                .priority(r.text("priority"))
                .lines(r.objects("orderItems", ModelReaders::orderLine))
                .build();
    }

    /**
     * orderFetch {@code orders[].orderItems[]} ({@code itemlistforOrderreturn1}); the line number is
     * {@code lineno} or {@code lineNo} (case-insensitive lookup, Q24).
     */
    static OrderLine orderLine(WireRecord r) {
        return OrderLine.builder()
                .lineNo(r.key("lineno"))
                .sku(r.key("skuCode"))
                .skuName(r.text("skuName"))
                .deliveryMode(r.text("deliveryMode"))
                .orderQty(r.decimal("orderQty"))
                .rejectedQty(r.decimal("rejectedQty"))
                .cancelledQty(r.decimal("cancelledQty"))
                .shippedQty(r.decimal("shippedQty"))
                .returnedQty(r.decimal("returnedQty"))
                .deliveredQty(r.decimal("deliveredQty"))
                .lineAmount(r.decimal("lineAmount"))
                .taxAmount(r.decimal("lineTaxAmount"))
                .unitPrice(r.decimal("unitPrice"))
                .mrp(r.decimal("mrp"))
                .discountAmount(r.decimal("discountAmount"))
                .shippingCharge(r.decimal("shippingCharge"))
                .codCharge(r.decimal("codCharge"))
                .giftVoucherAmount(r.decimal("gvAmount"))
                .storeCredit(r.decimal("storeCredit"))
                .invoiceNo(r.text("invoiceNo"))
                .transporterCode(r.text("transCode"))
                .transporterName(r.text("transName"))
                .awbNo(r.text("awbNo"))
                .imeiNos(r.text("imeiNos"))
                .confirmDate(r.instant("confirmDate"))
                .lineStatusCode(r.text("lineStatus"))
                .cst(r.text("cst"))
                .vat(r.text("vat"))
                .build();
    }

    /** orderReturn {@code returns[]} ({@code returnlistforreturn2}). */
    static ReturnOrder returnOrder(WireRecord r) {
        return ReturnOrder.builder()
                .internalReturnNo(r.key("internalReturnNo"))
                .returnNo(r.text("returnNo"))
                .orderNo(r.key("orderNo"))
                .masterOrderNo(r.text("masterOrderNo"))
                .returnStatusCode(r.text("returnStatus"))
                .returnDate(r.instant("returnDate"))
                .orderDate(r.instant("orderDate"))
                .returnConfirmDate(r.instant("returnConfirmDate"))
                .returnCloseDate(r.instant("returnCloseDate"))
                .lastUpdated(r.instant("returnLastUpdateDate"))
                .orderStatusCode(r.text("orderStatus"))
                .sellerId(r.text("sellerId"))
                .returnType(r.text("returnType"))
                .paymentMethod(r.text("paymentMethod"))
                .orderAmount(r.decimal("orderAmount"))
                .returnAmount(r.decimal("returnAmount"))
                .currency(r.text("orderCurrency"))
                .returnTrackingNo(r.text("retTrackingNo"))
                .transporterName(r.text("transporterName"))
                .trackingUrl(r.text("trackingURL"))
                .reasonForCancellation(r.text("reasonForCancellation"))
                .comments(r.text("comments"))
                .refundStoreCredit(r.decimal("refundstoreCredit"))
                .shippingAddress(shippingAddress(r))
                .billingAddress(billingAddress(r, "bill_PinCode"))
                .lines(r.objects("orderItems", ModelReaders::returnLine))
                .build();
    }

    /** orderReturn {@code returns[].orderItems[]} ({@code orderitemsforreturn2}). */
    static ReturnLine returnLine(WireRecord r) {
        return ReturnLine.builder()
                .lineNo(r.key("lineNo"))
                .sku(r.key("skuCode"))
                .skuName(r.text("skuName"))
                .orderQty(r.decimal("orderQty"))
                .cancelledQty(r.decimal("cancelledQty"))
                .shippedQty(r.decimal("shippedQty"))
                .returnedQty(r.decimal("returnedQty"))
                .lineAmount(r.decimal("lineAmount"))
                .taxAmount(r.decimal("lineTaxAmount"))
                .unitPrice(r.decimal("unitPrice"))
                .codCharge(r.decimal("codCharge"))
                .invoiceNo(r.text("invoiceNo"))
                .storeCredit(r.decimal("storeCredit"))
                .lineStatusCode(r.text("lineStatus"))
                .build();
    }

    /** fetchInvoice {@code invoiceItems[]} ({@code InvoiceList1}). */
    static InvoiceItem invoiceItem(WireRecord r) {
        return InvoiceItem.builder()
                .orderNo(r.key("orderNo"))
                .orderDate(r.instant("orderDate"))
                .lastUpdated(r.instant("orderLastUpdateDate"))
                .orderStatusCode(r.text("orderStatus"))
                .lineNo(r.key("lineNo"))
                .invoiceNo(r.text("lineInvoiceNo"))
                .lineStatusCode(r.text("lineStatus"))
                .transporterCode(r.text("lineTransporterCode"))
                .transporterName(r.text("lineTransporterName"))
                .trackingNo(r.text("lineTrackingNo"))
                .imeiNos(r.text("lineImeiNos"))
                .build();
    }

    /** The ship-to block shared by order and return records. */
    private static Address shippingAddress(WireRecord r) {
        return Address.builder()
                .name(r.text("customerName"))
                .line1(r.text("address1"))
                .line2(r.text("address2"))
                .line3(r.text("address3"))
                .phone(r.text("phone"))
                .email(r.text("email"))
                .countryCode(r.text("countryCode"))
                .state(r.text("state"))
                .city(r.text("city"))
                .postalCode(r.text("pinCode"))
                .build();
    }

    /**
     * The bill-to block. The postal code is {@code bill_ZipCode} in orders and {@code bill_PinCode} in
     * returns (Q26); the other name is read as a fallback, so either record accepts either spelling.
     */
    private static Address billingAddress(WireRecord r, String postalCodeField) {
        String otherPostalCodeField =
                postalCodeField.equals("bill_ZipCode") ? "bill_PinCode" : "bill_ZipCode";
        return Address.builder()
                .name(r.text("billToName"))
                .line1(r.text("bill_Address1"))
                .line2(r.text("bill_Address2"))
                .line3(r.text("bill_Address3"))
                .phone(r.text("bill_Phone"))
                .email(r.text("bill_Email"))
                .countryCode(r.text("bill_CountryCode"))
                .state(r.text("bill_State"))
                .city(r.text("bill_City"))
                .postalCode(r.text(postalCodeField).or(() -> r.text(otherPostalCodeField)))
                .build();
    }
}
