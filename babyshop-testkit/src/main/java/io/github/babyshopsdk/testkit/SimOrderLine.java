package io.github.babyshopsdk.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a simulated order, as orderFetch reports it. Immutable; the {@code with...} methods
 * return changed copies.
 *
 * @param lineNo line number, 1-based
 * @param skuCode seller-panel SKU
 * @param skuName display name
 * @param orderQty ordered quantity
 * @param cancelledQty cancelled part of {@code orderQty}
 * @param shippedQty shipped quantity
 * @param deliveredQty delivered quantity
 * @param returnedQty returned quantity
 * @param unitPrice unit price (VAT inclusive)
 * @param mrp list price
 * @param discount line discount amount (zero when none)
 * @param status line status code (table 4.1)
 * @param invoiceNo invoice number, null until invoiced
 * @param transCode transporter code, null until invoiced
 * @param transName transporter name, null until invoiced
 * @param awbNo AWB / tracking number, null until invoiced
 * @param imeiNos IMEI / serial numbers, comma separated, usually null
 * @param confirmDate when the line was confirmed, null while pending
 */
public record SimOrderLine(int lineNo, String skuCode, String skuName, int orderQty, int cancelledQty,
                           int shippedQty, int deliveredQty, int returnedQty, BigDecimal unitPrice,
                           BigDecimal mrp, BigDecimal discount, int status, String invoiceNo,
                           String transCode, String transName, String awbNo, String imeiNos,
                           Instant confirmDate) {

    /** Checks the mandatory parts and fills a null discount with zero and a null mrp with the unit price. */
    public SimOrderLine {
        Objects.requireNonNull(skuCode, "skuCode");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (lineNo < 1 || orderQty < 0 || cancelledQty < 0 || shippedQty < 0 || deliveredQty < 0
                || returnedQty < 0) {
            throw new IllegalArgumentException("line numbers start at 1 and quantities are >= 0");
        }
        discount = discount == null ? BigDecimal.ZERO : discount;
        mrp = mrp == null ? unitPrice : mrp;
    }

    /**
     * A new Pending line without discount.
     *
     * @param lineNo line number, 1-based
     * @param skuCode SKU
     * @param skuName name
     * @param qty ordered quantity
     * @param unitPrice unit price
     * @return the line
     */
    public static SimOrderLine of(int lineNo, String skuCode, String skuName, int qty, BigDecimal unitPrice) {
        return new SimOrderLine(lineNo, skuCode, skuName, qty, 0, 0, 0, 0, unitPrice, unitPrice,
                BigDecimal.ZERO, OrderStatus.PENDING.code(), null, null, null, null, null, null);
    }

    /**
     * Line amount: unit price times ordered quantity minus the discount, two decimals.
     *
     * @return the amount
     */
    public BigDecimal lineAmount() {
        return unitPrice.multiply(BigDecimal.valueOf(orderQty)).subtract(discount)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Quantity still to be fulfilled.
     *
     * @return {@code orderQty - cancelledQty}
     */
    public int openQty() {
        return orderQty - cancelledQty;
    }

    /**
     * Copy with another status.
     *
     * @param newStatus status code
     * @return the copy
     */
    public SimOrderLine withStatus(int newStatus) {
        return new SimOrderLine(lineNo, skuCode, skuName, orderQty, cancelledQty, shippedQty, deliveredQty,
                returnedQty, unitPrice, mrp, discount, newStatus, invoiceNo, transCode, transName, awbNo,
                imeiNos, confirmDate);
    }

    /**
     * Copy with other quantities.
     *
     * @param newOrderQty ordered
     * @param newCancelledQty cancelled
     * @param newShippedQty shipped
     * @param newDeliveredQty delivered
     * @param newReturnedQty returned
     * @return the copy
     */
    public SimOrderLine withQuantities(int newOrderQty, int newCancelledQty, int newShippedQty,
                                       int newDeliveredQty, int newReturnedQty) {
        return new SimOrderLine(lineNo, skuCode, skuName, newOrderQty, newCancelledQty, newShippedQty,
                newDeliveredQty, newReturnedQty, unitPrice, mrp, discount, status, invoiceNo, transCode,
                transName, awbNo, imeiNos, confirmDate);
    }

    /**
     * Copy carrying invoice and courier data.
     *
     * @param newInvoiceNo invoice number
     * @param newTransCode transporter code
     * @param newTransName transporter name
     * @param newAwbNo AWB number
     * @param newImeiNos IMEI numbers, may be null
     * @return the copy
     */
    public SimOrderLine withInvoice(String newInvoiceNo, String newTransCode, String newTransName,
                                    String newAwbNo, String newImeiNos) {
        return new SimOrderLine(lineNo, skuCode, skuName, orderQty, cancelledQty, shippedQty, deliveredQty,
                returnedQty, unitPrice, mrp, discount, status, newInvoiceNo, newTransCode, newTransName,
                newAwbNo, newImeiNos, confirmDate);
    }

    /**
     * Copy with a confirmation time.
     *
     * @param when confirmation time, may be null
     * @return the copy
     */
    public SimOrderLine withConfirmDate(Instant when) {
        return new SimOrderLine(lineNo, skuCode, skuName, orderQty, cancelledQty, shippedQty, deliveredQty,
                returnedQty, unitPrice, mrp, discount, status, invoiceNo, transCode, transName, awbNo,
                imeiNos, when);
    }
}
