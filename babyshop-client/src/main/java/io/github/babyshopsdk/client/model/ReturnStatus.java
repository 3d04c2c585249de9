package io.github.babyshopsdk.client.model;

import java.util.Optional;

/**
 * Return status codes of SellerPanel V3 (reference §4.3): the values of a return record's
 * {@code returnStatus} and of the orderReturn {@code filterStatusList}.
 *
 * <p>The numbers overlap with {@link OrderStatus} but mean different things ({@code 10} is "Confirmed"
 * here and "Ready for Ship" there), so the two code spaces are separate enums. Labels keep the
 * reference's capitalisation ("PickUp" / "PickUP"). Unknown codes map to {@link #UNKNOWN}; models keep
 * the raw code as well.
 */
public enum ReturnStatus {
    /** Code {@code 5}, "Pending". */
    PENDING("5", "Pending"),
    /** Code {@code 10}, "Confirmed". */
    CONFIRMED("10", "Confirmed"),
    /** Code {@code 15}, "Reverse PickUp Delivered". */
    REVERSE_PICKUP_DELIVERED("15", "Reverse PickUp Delivered"),
    /** Code {@code 20}, "Disputed". */
    DISPUTED("20", "Disputed"),
    /** Code {@code 25}, "Cancelled". */
    CANCELLED("25", "Cancelled"),
    /** Code {@code 30}, "Reverse PickUP Initiated". */
    REVERSE_PICKUP_INITIATED("30", "Reverse PickUP Initiated"),
    /** Code {@code 35}, "Reverse PickUP Done". */
    REVERSE_PICKUP_DONE("35", "Reverse PickUP Done"),
    /** Code {@code 40}, "Reverse PickUP Terminated". */
    REVERSE_PICKUP_TERMINATED("40", "Reverse PickUP Terminated"),
    /** Any code not in the table, or no code at all. Its {@link #code()} is {@code ""}. */
    UNKNOWN("", "Unknown");

    private final String code;
    private final String label;

    ReturnStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The numeric code as sent on the wire, e.g. {@code "10"}; {@code ""} for {@link #UNKNOWN}. */
    public String code() {
        return code;
    }

    /** The name exactly as the reference writes it, e.g. {@code "Reverse PickUP Done"}. */
    public String label() {
        return label;
    }

    /**
     * The status for a wire code. Surrounding whitespace and leading zeros are ignored. Never throws.
     *
     * @param code the raw code; may be {@code null}
     * @return the matching status, or {@link #UNKNOWN} for {@code null}, blank or unknown codes
     */
    public static ReturnStatus fromCode(String code) {
        String canonical = StatusCodes.canonicalCode(code);
        if (canonical.isEmpty()) {
            return UNKNOWN;
        }
        for (ReturnStatus status : values()) {
            if (status != UNKNOWN && status.code.equals(canonical)) {
                return status;
            }
        }
        return UNKNOWN;
    }

    /**
     * The status whose {@link #label()} matches, ignoring case, surrounding whitespace and repeated inner
     * spaces ({@code "reverse pickup done"}). Never matches {@link #UNKNOWN}.
     *
     * @param label the name to look up; may be {@code null}
     * @return the status, or empty when {@code label} is {@code null}, blank or not a known name
     */
    public static Optional<ReturnStatus> fromLabel(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String wanted = StatusCodes.canonicalLabel(label);
        for (ReturnStatus status : values()) {
            if (status != UNKNOWN && StatusCodes.canonicalLabel(status.label).equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
