package io.github.babyshopsdk.client.model;

import java.util.Optional;

/**
 * Order status codes of SellerPanel V3 (reference §4.1): the values of {@code orderStatus} and, by
 * inference, {@code lineStatus} in orderList, orderFetch and fetchInvoice, and of the orderList
 * {@code filterStatusList}.
 *
 * <p>Models keep the raw code next to this enum, so a code the table does not know (for instance the
 * unnamed JIT code {@code 7}, Q40) is carried as {@link #UNKNOWN} without being lost. Do not use this
 * enum for the status fields of return records: those use {@link ReturnStatus} (return status) or
 * stay raw (Q48).
 */
public enum OrderStatus {
    /** Code {@code 1}, "Pending". */
    PENDING("1", "Pending"),
    /** Code {@code 5}, "Confirmed". */
    CONFIRMED("5", "Confirmed"),
    /** Code {@code 8}, "Cancelled". */
    CANCELLED("8", "Cancelled"),
    /** Code {@code 9}, "Replaced". */
    REPLACED("9", "Replaced"),
    /** Code {@code 10}, "Ready for Ship". */
    READY_FOR_SHIP("10", "Ready for Ship"),
    /** Code {@code 12}, "AWB InProcess". */
    AWB_IN_PROCESS("12", "AWB InProcess"),
    /** Code {@code 15}, "Shipped". */
    SHIPPED("15", "Shipped"),
    /** Code {@code 18}, "In Process". */
    IN_PROCESS("18", "In Process"),
    /** Code {@code 20}, "Intransit". */
    IN_TRANSIT("20", "Intransit"),
    /** Code {@code 25}, "Delivered". */
    DELIVERED("25", "Delivered"),
    /** Code {@code 30}, "Ready for Pickup". */
    READY_FOR_PICKUP("30", "Ready for Pickup"),
    /** Code {@code 35}, "Pickup Intransit". */
    PICKUP_IN_TRANSIT("35", "Pickup Intransit"),
    /** Code {@code 40}, "Pickup Confirmed". */
    PICKUP_CONFIRMED("40", "Pickup Confirmed"),
    /** Code {@code 45}, "Disputed". */
    DISPUTED("45", "Disputed"),
    /** Code {@code 50}, "Rejected". */
    REJECTED("50", "Rejected"),
    /** Code {@code 55}, "Returned". */
    RETURNED("55", "Returned"),
    /** Code {@code 60}, "RTO" (return to origin: the shipment came back undelivered). */
    RTO("60", "RTO"),
    /** Code {@code 65}, "RTO Delivered". */
    RTO_DELIVERED("65", "RTO Delivered"),
    /**
     * Any code not in the table, or no code at all. Its {@link #code()} is {@code ""}; the raw code
     * stays available on the model that carried it.
     */
    UNKNOWN("", "Unknown");

    private final String code;
    private final String label;

    OrderStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The numeric code as sent on the wire, e.g. {@code "8"}; {@code ""} for {@link #UNKNOWN}. */
    public String code() {
        return code;
    }

    /** The name exactly as the reference writes it, e.g. {@code "Ready for Ship"}. */
    public String label() {
        return label;
    }

    /**
     * The status for a wire code. Surrounding whitespace and leading zeros are ignored ({@code "08"} is
     * {@link #CANCELLED}). Never throws.
     *
     * @param code the raw code; may be {@code null}
     * @return the matching status, or {@link #UNKNOWN} for {@code null}, blank or unknown codes
     */
    public static OrderStatus fromCode(String code) {
        String canonical = StatusCodes.canonicalCode(code);
        if (canonical.isEmpty()) {
            return UNKNOWN;
        }
        for (OrderStatus status : values()) {
            if (status != UNKNOWN && status.code.equals(canonical)) {
                return status;
            }
        }
        return UNKNOWN;
    }

    /**
     * The status whose {@link #label()} matches, ignoring case, surrounding whitespace and repeated inner
     * spaces; meant for configuration files ({@code "Pending"}, {@code "ready for ship"}). Never matches
     * {@link #UNKNOWN}.
     *
     * @param label the name to look up; may be {@code null}
     * @return the status, or empty when {@code label} is {@code null}, blank or not a known name
     */
    public static Optional<OrderStatus> fromLabel(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String wanted = StatusCodes.canonicalLabel(label);
        for (OrderStatus status : values()) {
            if (status != UNKNOWN && StatusCodes.canonicalLabel(status.label).equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
