package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of {@link OutboxEntry#data()} used by the outbound flows, and small helpers over them.
 * Stateless.
 *
 * <p>Data of each operation:
 * <ul>
 *   <li>every entry: {@link #EVENT}, the host event type that caused it;</li>
 *   <li>{@code CREATE_SHIPMENT}: {@link #TRANSPORTER} and {@link #AWB_NO} from the PACKED event; once the
 *       invoice exists on Babyshop also {@link #INVOICE_NO}, and {@link #LABEL_PENDING} {@code "true"}
 *       while the AWB label has not reached the host (the next attempt then only fetches the label,
 *       never generates a second invoice);</li>
 *   <li>{@code SHIP}: {@link #TRANSPORTER} and {@link #AWB_NO} when the SHIPPED event carried them (the
 *       ones given to generateInvoice are preferred);</li>
 *   <li>{@code CANCEL}: {@link #LINE_NOS}, comma-separated, when the host named lines; the flow checks
 *       them against the order's lines before cancelling (whole orders only).</li>
 * </ul>
 */
final class OutboundData {
    /** The host event type that caused the entry. */
    static final String EVENT = "event";
    /** The courier name. */
    static final String TRANSPORTER = "transporter";
    /** The AWB (tracking) number. */
    static final String AWB_NO = "awbNo";
    /** The invoice number Babyshop returned (or that was found on read-back). */
    static final String INVOICE_NO = "invoiceNo";
    /** {@code "true"} while the invoice exists but its label has not been handed to the host. */
    static final String LABEL_PENDING = "labelPending";
    /** Line numbers a host cancellation named, comma-separated. */
    static final String LINE_NOS = "lineNos";

    private OutboundData() {
    }

    /** The non-blank value of {@code key}, or empty. */
    static Optional<String> get(OutboxEntry entry, String key) {
        return Optional.ofNullable(entry.data().get(key)).filter(value -> !value.isBlank());
    }

    /** Whether the entry's invoice exists and only its label is still to be delivered. */
    static boolean labelPending(OutboxEntry entry) {
        return "true".equals(entry.data().get(LABEL_PENDING)) && get(entry, INVOICE_NO).isPresent();
    }

    /** A copy of {@code entry} with {@code key} set to {@code value}. */
    static OutboxEntry with(OutboxEntry entry, String key, String value) {
        Map<String, String> data = new LinkedHashMap<>(entry.data());
        data.put(key, value);
        return OutboxEntry.builder().from(entry).data(data).build();
    }

    /** A copy of {@code entry} without {@code key}. */
    static OutboxEntry without(OutboxEntry entry, String key) {
        if (!entry.data().containsKey(key)) {
            return entry;
        }
        Map<String, String> data = new LinkedHashMap<>(entry.data());
        data.remove(key);
        return OutboxEntry.builder().from(entry).data(data).build();
    }

    /**
     * The operation name reported to the listener: the outbox operation, except for a Delivered event,
     * which has no SellerPanel operation and is reported as {@code DELIVERED}.
     */
    static String label(OutboxEntry entry) {
        return HostEventType.DELIVERED.name().equals(entry.data().get(EVENT))
                ? HostEventType.DELIVERED.name() : entry.operation().name();
    }

    /** A failure in words: its message, or its type when it has none. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
