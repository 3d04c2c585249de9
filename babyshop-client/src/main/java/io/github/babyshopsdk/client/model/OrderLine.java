package io.github.babyshopsdk.client.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of an {@link Order} (an item of {@code orders[].orderItems}, definition
 * {@code itemlistforOrderreturn1}, 28 wire fields).
 *
 * <p>{@link #lineNo()} and {@link #sku()} are mandatory: a line that cannot be referenced (for
 * generateInvoice) or mapped to a product makes its whole order a per-record failure instead of being
 * imported half-known.
 */
@Value.Immutable
@ModelStyle
public abstract class OrderLine {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Line number, numeric text (wire {@code lineno}, lower-case n, or {@code lineNo}, Q24); never blank. */
    public abstract String lineNo();

    /** SKU code (wire {@code skuCode}); never blank, kept raw. */
    public abstract String sku();

    /** Display name (wire {@code skuName}), raw (the example carries a trailing space, Q19). */
    public abstract Optional<String> skuName();

    /** Delivery mode code, raw; value list undocumented ({@code "2"}), Q56. */
    public abstract Optional<String> deliveryMode();

    /** Ordered quantity (wire {@code orderQty}). */
    public abstract Optional<BigDecimal> orderQty();

    /** Rejected quantity. */
    public abstract Optional<BigDecimal> rejectedQty();

    /** Cancelled quantity. */
    public abstract Optional<BigDecimal> cancelledQty();

    /** Shipped quantity. */
    public abstract Optional<BigDecimal> shippedQty();

    /** Returned quantity. */
    public abstract Optional<BigDecimal> returnedQty();

    /** Delivered quantity. */
    public abstract Optional<BigDecimal> deliveredQty();

    /** Line total (wire {@code lineAmount}). */
    public abstract Optional<BigDecimal> lineAmount();

    /** Line tax (wire {@code lineTaxAmount}). */
    public abstract Optional<BigDecimal> taxAmount();

    /** Unit price. */
    public abstract Optional<BigDecimal> unitPrice();

    /** Maximum retail price (three decimals in the example). */
    public abstract Optional<BigDecimal> mrp();

    /** Discount on the line. */
    public abstract Optional<BigDecimal> discountAmount();

    /** Shipping charge of the line. */
    public abstract Optional<BigDecimal> shippingCharge();

    /** Cash-on-delivery charge of the line. */
    public abstract Optional<BigDecimal> codCharge();

    /** Gift-voucher amount (wire {@code gvAmount}). */
    public abstract Optional<BigDecimal> giftVoucherAmount();

    /** Store credit on the line. */
    public abstract Optional<BigDecimal> storeCredit();

    /** Invoice number; absent until the line is invoiced. */
    public abstract Optional<String> invoiceNo();

    /** Transporter code (wire {@code transCode}), raw. */
    public abstract Optional<String> transporterCode();

    /** Transporter name (wire {@code transName}). */
    public abstract Optional<String> transporterName();

    /** AWB / tracking number (wire {@code awbNo}). */
    public abstract Optional<String> awbNo();

    /** IMEI/serial numbers, comma-separated, raw (wire {@code imeiNos}). */
    public abstract Optional<String> imeiNos();

    /** When the line was confirmed (wire {@code confirmDate}). */
    public abstract Optional<Instant> confirmDate();

    /** Raw line status code (wire {@code lineStatus}); see {@link #lineStatus()}. */
    public abstract Optional<String> lineStatusCode();

    /** Legacy CST tax field, kept as text (type not knowable from the reference). */
    public abstract Optional<String> cst();

    /** Legacy VAT tax field, kept as text. */
    public abstract Optional<String> vat();

    /**
     * {@link #lineStatusCode()} as an {@link OrderStatus} (the order code table applies to lines by
     * inference, §4.1); {@link OrderStatus#UNKNOWN} if absent or unknown.
     */
    public OrderStatus lineStatus() {
        return lineStatusCode().map(OrderStatus::fromCode).orElse(OrderStatus.UNKNOWN);
    }

    @Value.Check
    void check() {
        Checks.nonBlank("lineNo", lineNo());
        Checks.nonBlank("sku", sku());
    }

    /** Builds a {@link OrderLine}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableOrderLine.Builder {
        Builder() {}
    }
}
