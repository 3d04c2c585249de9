package io.github.babyshopsdk.client.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One invoiced order line as fetchInvoice returns it (an item of {@code invoiceItems}, definition
 * {@code InvoiceList1}). {@link #orderNo()} and {@link #lineNo()} are mandatory.
 */
@Value.Immutable
@ModelStyle
public abstract class InvoiceItem {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Order number; never blank, kept raw. */
    public abstract String orderNo();

    /** When the order was placed. */
    public abstract Optional<Instant> orderDate();

    /** Last update of the order (wire {@code orderLastUpdateDate}). */
    public abstract Optional<Instant> lastUpdated();

    /** Raw order status code (wire {@code orderStatus}); see {@link #orderStatus()}. */
    public abstract Optional<String> orderStatusCode();

    /** Order line number, numeric text (wire {@code lineNo}); never blank. */
    public abstract String lineNo();

    /** Invoice number of this line (wire {@code lineInvoiceNo}). */
    public abstract Optional<String> invoiceNo();

    /** Raw line status code (wire {@code lineStatus}); see {@link #lineStatus()}. */
    public abstract Optional<String> lineStatusCode();

    /** Transporter id, raw (wire {@code lineTransporterCode}); code list undocumented. */
    public abstract Optional<String> transporterCode();

    /** Transporter name (wire {@code lineTransporterName}). */
    public abstract Optional<String> transporterName();

    /** AWB / tracking number (wire {@code lineTrackingNo}). */
    public abstract Optional<String> trackingNo();

    /** IMEI/serial numbers, comma-separated, raw (wire {@code lineImeiNos}). */
    public abstract Optional<String> imeiNos();

    /**
     * {@link #orderStatusCode()} as an {@link OrderStatus} (§4.1 by inference);
     * {@link OrderStatus#UNKNOWN} if absent or unknown.
     */
    public OrderStatus orderStatus() {
        return orderStatusCode().map(OrderStatus::fromCode).orElse(OrderStatus.UNKNOWN);
    }

    /**
     * {@link #lineStatusCode()} as an {@link OrderStatus} (§4.1 by inference);
     * {@link OrderStatus#UNKNOWN} if absent or unknown.
     */
    public OrderStatus lineStatus() {
        return lineStatusCode().map(OrderStatus::fromCode).orElse(OrderStatus.UNKNOWN);
    }

    @Value.Check
    void check() {
        Checks.nonBlank("orderNo", orderNo());
        Checks.nonBlank("lineNo", lineNo());
    }

    /** Builds a {@link InvoiceItem}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableInvoiceItem.Builder {
        Builder() {}
    }
}
