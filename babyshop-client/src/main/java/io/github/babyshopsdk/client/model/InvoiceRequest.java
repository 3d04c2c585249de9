package io.github.babyshopsdk.client.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A generateInvoice request: the lines of <b>one</b> order to put on one invoice, with transporter and
 * tracking data. The API's list may not mix orders (server code 102) and answers with a single invoice
 * number (Q49), so the order number is given once here and written into every wire entry.
 *
 * <p>Rules, checked on {@code build()}: {@link #orderNo()} non-blank; at least one line; no line number
 * twice (invoicing a line twice in one call is never intended).
 */
@Value.Immutable
@ModelStyle
public abstract class InvoiceRequest {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The order, sent raw in every entry (wire {@code orderItemsList[].orderNo}). The reference calls it
     * the master order number; which number a deployment wants is to be verified (Q42).
     */
    public abstract String orderNo();

    /** The lines to invoice, in the order they are sent; at least one. */
    public abstract List<InvoiceLineRequest> lines();

    @Value.Check
    void check() {
        Checks.nonBlank("orderNo", orderNo());
        if (lines().isEmpty()) {
            throw new IllegalArgumentException("lines must hold at least one line");
        }
        Set<String> seen = new HashSet<>();
        for (InvoiceLineRequest line : lines()) {
            if (!seen.add(line.lineNo())) {
                throw new IllegalArgumentException("lines must not repeat lineNo " + line.lineNo());
            }
        }
    }

    /** Builds a {@link InvoiceRequest}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableInvoiceRequest.Builder {
        Builder() {}
    }
}
