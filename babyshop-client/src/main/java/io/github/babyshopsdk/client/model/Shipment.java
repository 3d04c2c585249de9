package io.github.babyshopsdk.client.model;

import org.immutables.value.Value;

/**
 * One handover record for orderShipping (an entry of {@code shipDetails}): order, invoice, transporter
 * and AWB. All four are required and non-blank (the reference documents only the first two, Q53; the
 * client always sends all four, as strings, raw). Use the transporter and AWB given to generateInvoice.
 */
@Value.Immutable
@ModelStyle
public abstract class Shipment {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A shipment with all four fields.
     *
     * @throws IllegalArgumentException if a field is blank
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Shipment of(String orderNo, String invoiceNo, String transporter, String awbNo) {
        return builder().orderNo(orderNo).invoiceNo(invoiceNo).transporter(transporter).awbNo(awbNo).build();
    }

    /** Order number (wire {@code orderNo}). */
    public abstract String orderNo();

    /** Invoice number from generateInvoice (wire {@code invNo}). */
    public abstract String invoiceNo();

    /** Transporter name or code, free text (wire {@code transporter}). */
    public abstract String transporter();

    /** AWB / tracking number (wire {@code awbNo}). */
    public abstract String awbNo();

    @Value.Check
    void check() {
        Checks.nonBlank("orderNo", orderNo());
        Checks.nonBlank("invoiceNo", invoiceNo());
        Checks.nonBlank("transporter", transporter());
        Checks.nonBlank("awbNo", awbNo());
    }

    /** Builds a {@link Shipment}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableShipment.Builder {
        Builder() {}
    }
}
