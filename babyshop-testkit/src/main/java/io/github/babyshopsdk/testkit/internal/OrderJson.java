package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimOrderLine;
import io.github.babyshopsdk.testkit.SimReturn;
import java.math.BigDecimal;

/** JSON shapes of orders, lines, returns and invoice lines, field for field as the reference gives them. */
public final class OrderJson {

    private final Dates dates;

    /**
     * Writers using a date format.
     *
     * @param dates the format
     */
    public OrderJson(Dates dates) {
        this.dates = dates;
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * An orderList element ({@code orderDetailList1}).
     *
     * @param o the order
     * @return the node
     */
    public ObjectNode listEntry(SimOrder o) {
        ObjectNode n = object();
        n.put("orderNo", o.orderNo());
        Wire.count(n, "orderStatus", o.status());
        n.put("orderDate", dates.format(o.orderDate()));
        n.put("orderLastUpdateDate", dates.format(o.lastUpdate()));
        n.put("onHold", o.onHold() ? "1" : "0");
        return n;
    }

    /**
     * An orderFetch element ({@code orderlistforreturn1}, 40 fields) with its lines.
     *
     * @param o the order
     * @return the node
     */
    public ObjectNode fetchEntry(SimOrder o) {
        ObjectNode n = object();
        n.put("orderNo", o.orderNo());
        Wire.count(n, "orderStatus", o.status());
        n.put("orderDate", dates.format(o.orderDate()));
        n.put("customerName", o.customerName());
        n.put("paymentMethod", o.paymentMethod());
        Wire.money(n, "orderAmount", o.orderAmount());
        n.put("orderCurrency", o.currency());
        Wire.money(n, "orderTaxAmount", o.taxAmount());
        n.put("onHold", o.onHold() ? "1" : "0");
        Wire.money(n, "shippingCharge", o.shippingCharge());
        BigDecimal discount = o.discountAmount();
        Wire.money(n, "discountAmount", discount.signum() == 0 ? null : discount);
        n.put("discCouponCode", o.couponCode());
        n.putNull("storeCredit");
        n.putNull("gvAmount");
        Wire.money(n, "codCharge", o.codCharge());
        address(n, o, "");
        n.put("billToName", o.customerName());
        address(n, o, "bill_");
        n.put("bill_ZipCode", o.address().pinCode());
        n.put("cancelRemark", o.cancelRemark());
        n.put("reasonForCancellation", o.reasonForCancellation());
        n.putNull("priority");
        n.put("orderLastUpdateDate", dates.format(o.lastUpdate()));
        n.put("masterOrderNo", o.masterOrderNo());
        var items = n.putArray("orderItems");
        for (SimOrderLine l : o.lines()) {
            items.add(fetchLine(o, l));
        }
        return n;
    }

    private static void address(ObjectNode n, SimOrder o, String prefix) {
        boolean bill = !prefix.isEmpty();
        n.put(bill ? "bill_Address1" : "address1", o.address().line1());
        n.put(bill ? "bill_Address2" : "address2", o.address().line2());
        n.putNull(bill ? "bill_Address3" : "address3");
        n.put(bill ? "bill_Phone" : "phone", o.address().phone());
        n.put(bill ? "bill_Email" : "email", o.email());
        n.put(bill ? "bill_CountryCode" : "countryCode", o.address().countryCode());
        n.put(bill ? "bill_State" : "state", o.address().state());
        n.put(bill ? "bill_City" : "city", o.address().city());
        if (!bill) {
            n.put("pinCode", o.address().pinCode());
        }
    }

    /**
     * An orderFetch line ({@code itemlistforOrderreturn1}, 28 fields; note {@code lineno}).
     *
     * @param o the order
     * @param l the line
     * @return the node
     */
    public ObjectNode fetchLine(SimOrder o, SimOrderLine l) {
        ObjectNode n = object();
        Wire.count(n, "lineno", l.lineNo());
        n.put("deliveryMode", "1");
        n.put("skuCode", l.skuCode());
        n.put("skuName", l.skuName());
        Wire.count(n, "orderQty", l.orderQty());
        n.putNull("rejectedQty");
        Wire.countOrNull(n, "cancelledQty", l.cancelledQty());
        Wire.countOrNull(n, "shippedQty", l.shippedQty());
        Wire.countOrNull(n, "returnedQty", l.returnedQty());
        Wire.countOrNull(n, "deliveredQty", l.deliveredQty());
        Wire.money(n, "lineAmount", l.lineAmount());
        Wire.money(n, "lineTaxAmount", o.taxOf(l.lineAmount()));
        Wire.money(n, "unitPrice", l.unitPrice());
        Wire.decimal(n, "mrp", l.mrp());
        Wire.money(n, "discountAmount", l.discount());
        n.putNull("shippingCharge");
        n.putNull("codCharge");
        n.put("invoiceNo", l.invoiceNo());
        n.put("transCode", l.transCode());
        n.put("transName", l.transName());
        n.put("awbNo", l.awbNo());
        n.put("imeiNos", l.imeiNos());
        n.put("confirmDate", dates.format(l.confirmDate()));
        n.putNull("gvAmount");
        n.put("storeCredit", "0.00");
        Wire.count(n, "lineStatus", l.status());
        n.putNull("cst");
        n.putNull("vat");
        return n;
    }

    /**
     * An orderReturn element ({@code returnlistforreturn2}, 44 fields).
     *
     * @param r the return
     * @param o its order
     * @param sellerId the seller id
     * @return the node
     */
    public ObjectNode returnEntry(SimReturn r, SimOrder o, String sellerId) {
        ObjectNode n = object();
        n.put("internalReturnNo", r.internalReturnNo());
        n.put("returnNo", r.returnNo());
        n.put("orderNo", o.orderNo());
        Wire.count(n, "returnStatus", r.returnStatus());
        n.put("returnDate", dates.format(r.returnDate()));
        n.put("orderDate", dates.format(o.orderDate()));
        n.put("returnConfirmDate", dates.format(r.confirmDate()));
        n.put("returnCloseDate", dates.format(r.closeDate()));
        Wire.count(n, "orderStatus", o.status());
        n.put("sellerId", sellerId);
        n.put("returnType", r.returnType());
        n.put("paymentMethod", o.paymentMethod());
        Wire.money(n, "orderAmount", o.orderAmount());
        BigDecimal returnAmount = BigDecimal.ZERO;
        for (SimReturn.Line rl : r.lines()) {
            SimOrderLine l = o.line(rl.lineNo()).orElse(null);
            if (l != null) {
                returnAmount = returnAmount.add(l.unitPrice().multiply(BigDecimal.valueOf(rl.qty())));
            }
        }
        Wire.money(n, "returnAmount", returnAmount);
        n.put("orderCurrency", o.currency());
        n.put("retTrackingNo", r.retTrackingNo());
        n.put("transporterName", r.transporterName());
        n.put("trackingURL", "");
        n.put("reasonForCancellation", "");
        n.put("comments", r.comments());
        n.putNull("refundstoreCredit");
        n.put("customerName", o.customerName());
        address(n, o, "");
        n.put("address3", "");
        n.put("billToName", o.customerName());
        address(n, o, "bill_");
        n.put("bill_Address3", "");
        n.put("bill_PinCode", o.address().pinCode());
        n.put("returnLastUpdateDate", dates.format(r.lastUpdate()));
        n.put("masterOrderNo", o.masterOrderNo());
        var items = n.putArray("orderItems");
        for (SimReturn.Line rl : r.lines()) {
            o.line(rl.lineNo()).ifPresent(l -> items.add(returnLine(o, l, rl.qty())));
        }
        return n;
    }

    private ObjectNode returnLine(SimOrder o, SimOrderLine l, int qty) {
        ObjectNode n = object();
        Wire.count(n, "lineNo", l.lineNo());
        n.put("skuCode", l.skuCode());
        n.put("skuName", l.skuName());
        n.put("orderQty", l.orderQty() + ".00");
        Wire.countOrNull(n, "cancelledQty", l.cancelledQty());
        Wire.count(n, "shippedQty", l.shippedQty());
        n.put("returnedQty", qty + ".00");
        BigDecimal amount = l.unitPrice().multiply(BigDecimal.valueOf(qty));
        Wire.money(n, "lineAmount", amount);
        Wire.money(n, "lineTaxAmount", o.taxOf(amount));
        Wire.money(n, "unitPrice", l.unitPrice());
        n.putNull("codCharge");
        n.put("invoiceNo", l.invoiceNo());
        n.put("storeCredit", "0.00");
        Wire.count(n, "lineStatus", l.status());
        return n;
    }

    /**
     * A fetchInvoice element ({@code InvoiceList1}, 11 fields).
     *
     * @param inv the invoice
     * @param o its order (current state)
     * @param l the line
     * @return the node
     */
    public ObjectNode invoiceItem(IssuedInvoice inv, SimOrder o, SimOrderLine l) {
        ObjectNode n = object();
        n.put("orderNo", o.orderNo());
        n.put("orderDate", dates.format(o.orderDate()));
        n.put("orderLastUpdateDate", dates.format(o.lastUpdate()));
        Wire.count(n, "orderStatus", o.status());
        Wire.count(n, "lineNo", l.lineNo());
        n.put("lineInvoiceNo", inv.invoiceNo());
        Wire.count(n, "lineStatus", l.status());
        n.put("lineTransporterCode", l.transCode() != null ? l.transCode() : Transporters.codeOf(inv.transporterName()));
        n.put("lineTransporterName", l.transName() != null ? l.transName() : inv.transporterName());
        n.put("lineTrackingNo", l.awbNo() != null ? l.awbNo() : inv.trackingNo());
        n.put("lineImeiNos", l.imeiNos());
        return n;
    }
}
