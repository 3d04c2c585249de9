package io.github.babyshopsdk.client.model;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of a {@link ReturnOrder} (an item of {@code returns[].orderItems}, definition
 * {@code orderitemsforreturn2}, 14 wire fields). {@link #lineNo()} and {@link #sku()} are mandatory.
 */
@Value.Immutable
@ModelStyle
public abstract class ReturnLine {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Line number of the original order, numeric text (wire {@code lineNo}); never blank. */
    public abstract String lineNo();

    /** SKU code (wire {@code skuCode}); never blank, kept raw. */
    public abstract String sku();

    /** Display name (wire {@code skuName}), raw. */
    public abstract Optional<String> skuName();

    /** Ordered quantity (wire {@code orderQty}). */
    public abstract Optional<BigDecimal> orderQty();

    /** Cancelled quantity. */
    public abstract Optional<BigDecimal> cancelledQty();

    /** Shipped quantity. */
    public abstract Optional<BigDecimal> shippedQty();

    /** Returned quantity. */
    public abstract Optional<BigDecimal> returnedQty();

    /** Line total (wire {@code lineAmount}). */
    public abstract Optional<BigDecimal> lineAmount();

    /** Line tax (wire {@code lineTaxAmount}). */
    public abstract Optional<BigDecimal> taxAmount();

    /** Unit price. */
    public abstract Optional<BigDecimal> unitPrice();

    /** Cash-on-delivery charge of the line. */
    public abstract Optional<BigDecimal> codCharge();

    /** Forward invoice number of the line. */
    public abstract Optional<String> invoiceNo();

    /** Store credit on the line. */
    public abstract Optional<BigDecimal> storeCredit();

    /**
     * Raw line status code (wire {@code lineStatus}). Deliberately not mapped to an enum: it may be an
     * order or a return code (Q48).
     */
    public abstract Optional<String> lineStatusCode();

    @Value.Check
    void check() {
        Checks.nonBlank("lineNo", lineNo());
        Checks.nonBlank("sku", sku());
    }

    /** Builds a {@link ReturnLine}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableReturnLine.Builder {
        Builder() {}
    }
}
