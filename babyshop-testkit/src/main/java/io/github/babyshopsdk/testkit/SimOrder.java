package io.github.babyshopsdk.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated order with its lines: the simulator's record of truth. Immutable; the
 * {@code with...} methods return changed copies. Amounts are derived from the lines.
 *
 * @param orderNo order number (the key orderList reports and orderFetch accepts)
 * @param masterOrderNo master order number (orderFetch/generateInvoice also accept it)
 * @param status order status code (table 4.1)
 * @param onHold whether the order is on hold ({@code onHold} "1" / "0")
 * @param jit whether it is a JIT order (served by orderListJIT / orderFetchJIT only)
 * @param orderDate when the order was placed
 * @param lastUpdate {@code orderLastUpdateDate}; the store moves it on every change
 * @param customerName customer (and ship-to) name
 * @param email customer e-mail
 * @param address shipping address, also used as billing address
 * @param currency {@code "AED"} or {@code "SAR"} in fixtures
 * @param paymentMethod {@code "1"} prepaid or {@code "2"} cash on delivery (fixture convention)
 * @param shippingCharge shipping charge
 * @param codCharge cash-on-delivery charge, null when prepaid
 * @param couponCode discount coupon, may be null
 * @param cancelRemark cancellation remark, null unless cancelled
 * @param reasonForCancellation cancellation reason code, null unless cancelled
 * @param lines the order lines, at least one
 */
public record SimOrder(String orderNo, String masterOrderNo, int status, boolean onHold, boolean jit,
                       Instant orderDate, Instant lastUpdate, String customerName, String email,
                       SimAddress address, String currency, String paymentMethod, BigDecimal shippingCharge,
                       BigDecimal codCharge, String couponCode, String cancelRemark,
                       String reasonForCancellation, List<SimOrderLine> lines) {

    /** Checks the mandatory parts and copies the line list. */
    public SimOrder {
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(lastUpdate, "lastUpdate");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        masterOrderNo = masterOrderNo == null ? orderNo : masterOrderNo;
        shippingCharge = shippingCharge == null ? BigDecimal.ZERO : shippingCharge;
        paymentMethod = paymentMethod == null ? "1" : paymentMethod;
    }

    /**
     * A new prepaid Pending order placed at {@code when}; the currency follows the country (SAR for
     * SAU, AED otherwise).
     *
     * @param orderNo order number
     * @param customerName customer
     * @param address address
     * @param when order date and last update
     * @param lines lines
     * @return the order
     */
    public static SimOrder of(String orderNo, String customerName, SimAddress address, Instant when,
                              List<SimOrderLine> lines) {
        String currency = "SAU".equals(address.countryCode()) ? "SAR" : "AED";
        return new SimOrder(orderNo, "BSM" + orderNo, OrderStatus.PENDING.code(), false, false, when, when,
                customerName, null, address, currency, "1", BigDecimal.ZERO, null, null, null, null, lines);
    }

    /**
     * VAT rate by country: 15 % in Saudi Arabia, 5 % elsewhere (UAE).
     *
     * @return 0.15 or 0.05
     */
    public BigDecimal vatRate() {
        return "SAU".equals(address.countryCode()) ? new BigDecimal("0.15") : new BigDecimal("0.05");
    }

    /**
     * Sum of line amounts plus shipping and COD charges.
     *
     * @return order amount, two decimals
     */
    public BigDecimal orderAmount() {
        BigDecimal sum = shippingCharge.add(codCharge == null ? BigDecimal.ZERO : codCharge);
        for (SimOrderLine l : lines) {
            sum = sum.add(l.lineAmount());
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * VAT contained in a VAT-inclusive amount at this order's rate.
     *
     * @param amount amount including VAT
     * @return the VAT part, two decimals
     */
    public BigDecimal taxOf(BigDecimal amount) {
        BigDecimal rate = vatRate();
        return amount.multiply(rate).divide(BigDecimal.ONE.add(rate), 2, RoundingMode.HALF_UP);
    }

    /**
     * VAT of all lines.
     *
     * @return order tax amount, two decimals
     */
    public BigDecimal taxAmount() {
        BigDecimal sum = BigDecimal.ZERO;
        for (SimOrderLine l : lines) {
            sum = sum.add(taxOf(l.lineAmount()));
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Sum of line discounts.
     *
     * @return discount amount, two decimals
     */
    public BigDecimal discountAmount() {
        BigDecimal sum = BigDecimal.ZERO;
        for (SimOrderLine l : lines) {
            sum = sum.add(l.discount());
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Finds a line.
     *
     * @param lineNo line number
     * @return the line, or empty
     */
    public Optional<SimOrderLine> line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst();
    }

    /**
     * Copy with another order status (lines unchanged).
     *
     * @param newStatus status code
     * @return the copy
     */
    public SimOrder withStatus(int newStatus) {
        return new SimOrder(orderNo, masterOrderNo, newStatus, onHold, jit, orderDate, lastUpdate, customerName,
                email, address, currency, paymentMethod, shippingCharge, codCharge, couponCode, cancelRemark,
                reasonForCancellation, lines);
    }

    /**
     * Copy with another last-update time.
     *
     * @param when new {@code orderLastUpdateDate}
     * @return the copy
     */
    public SimOrder withLastUpdate(Instant when) {
        return new SimOrder(orderNo, masterOrderNo, status, onHold, jit, orderDate, when, customerName, email,
                address, currency, paymentMethod, shippingCharge, codCharge, couponCode, cancelRemark,
                reasonForCancellation, lines);
    }

    /**
     * Copy with other lines.
     *
     * @param newLines lines
     * @return the copy
     */
    public SimOrder withLines(List<SimOrderLine> newLines) {
        return new SimOrder(orderNo, masterOrderNo, status, onHold, jit, orderDate, lastUpdate, customerName,
                email, address, currency, paymentMethod, shippingCharge, codCharge, couponCode, cancelRemark,
                reasonForCancellation, newLines);
    }

    /**
     * Copy with one line replaced (matched by line number).
     *
     * @param line the new version of a line
     * @return the copy
     * @throws IllegalArgumentException if the order has no such line
     */
    public SimOrder withLine(SimOrderLine line) {
        List<SimOrderLine> copy = new ArrayList<>(lines);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).lineNo() == line.lineNo()) {
                copy.set(i, line);
                return withLines(copy);
            }
        }
        throw new IllegalArgumentException("order " + orderNo + " has no line " + line.lineNo());
    }

    /**
     * Copy with the hold flag set or cleared.
     *
     * @param hold new flag
     * @return the copy
     */
    public SimOrder withOnHold(boolean hold) {
        return new SimOrder(orderNo, masterOrderNo, status, hold, jit, orderDate, lastUpdate, customerName, email,
                address, currency, paymentMethod, shippingCharge, codCharge, couponCode, cancelRemark,
                reasonForCancellation, lines);
    }

    /**
     * Copy marked as a JIT order or not.
     *
     * @param isJit new flag
     * @return the copy
     */
    public SimOrder withJit(boolean isJit) {
        return new SimOrder(orderNo, masterOrderNo, status, onHold, isJit, orderDate, lastUpdate, customerName,
                email, address, currency, paymentMethod, shippingCharge, codCharge, couponCode, cancelRemark,
                reasonForCancellation, lines);
    }

    /**
     * Copy with cancellation remark and reason.
     *
     * @param remark remark
     * @param reason reason code
     * @return the copy
     */
    public SimOrder withCancellation(String remark, String reason) {
        return new SimOrder(orderNo, masterOrderNo, status, onHold, jit, orderDate, lastUpdate, customerName,
                email, address, currency, paymentMethod, shippingCharge, codCharge, couponCode, remark, reason,
                lines);
    }
}
