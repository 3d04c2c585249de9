package io.github.babyshopsdk.client.model;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of an {@link InvoiceRequest} (an entry of generateInvoice's {@code orderItemsList}, without
 * the order number).
 *
 * <p>Rules, checked on {@code build()} ({@link IllegalArgumentException} naming the field):
 * {@link #lineNo()} digits only, at most 11 (Integer(11)); {@link #invoiceNo()} non-blank and at most 50
 * characters if present; {@link #transporterName()} non-blank, at most 200; {@link #trackingNo()}
 * non-blank, at most 50; {@link #imeiNos()} at most 100 characters if present; each dimension greater
 * than 0 and at most 50 characters in plain notation when present (omit unknown dimensions).
 */
@Value.Immutable
@ModelStyle
public abstract class InvoiceLineRequest {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Order line to invoice, numeric text (wire {@code lineNo}, sent as a JSON string). */
    public abstract String lineNo();

    /**
     * The seller's own invoice number, if the seller numbers invoices (wire {@code invoiceNo}); left out
     * of the request when absent. Always keep the number the server returns (Q50).
     */
    public abstract Optional<String> invoiceNo();

    /** Courier name, free text such as {@code "ECOM"} (wire {@code transporterName}). */
    public abstract String transporterName();

    /** AWB / tracking number (wire {@code trackingNo}). */
    public abstract String trackingNo();

    /** IMEI/serial numbers, comma-separated (wire {@code imeiNos}); left out when absent. */
    public abstract Optional<String> imeiNos();

    /** Package length in centimetres (wire {@code length}, a string; {@code ""} when absent). */
    public abstract Optional<BigDecimal> length();

    /**
     * Package breadth in centimetres (wire {@code bredth}, misspelt on purpose, Q21; {@code ""} when
     * absent).
     */
    public abstract Optional<BigDecimal> breadth();

    /** Package height in centimetres (wire {@code height}; {@code ""} when absent). */
    public abstract Optional<BigDecimal> height();

    /** Package weight in kilograms (wire {@code weight}; {@code ""} when absent). */
    public abstract Optional<BigDecimal> weight();

    @Value.Check
    void check() {
        Checks.numericText("lineNo", lineNo(), 11);
        invoiceNo().ifPresent(no -> {
            Checks.nonBlank("invoiceNo", no);
            Checks.maxLength("invoiceNo", no, 50);
        });
        Checks.nonBlank("transporterName", transporterName());
        Checks.maxLength("transporterName", transporterName(), 200);
        Checks.nonBlank("trackingNo", trackingNo());
        Checks.maxLength("trackingNo", trackingNo(), 50);
        imeiNos().ifPresent(imei -> Checks.maxLength("imeiNos", imei, 100));
        length().ifPresent(v -> dimension("length", v));
        breadth().ifPresent(v -> dimension("breadth", v));
        height().ifPresent(v -> dimension("height", v));
        weight().ifPresent(v -> dimension("weight", v));
    }

    private static void dimension(String field, BigDecimal value) {
        Checks.positive(field, value);
        Checks.maxLength(field, value.toPlainString(), 50);
    }

    /** Builds a {@link InvoiceLineRequest}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableInvoiceLineRequest.Builder {
        Builder() {}
    }
}
