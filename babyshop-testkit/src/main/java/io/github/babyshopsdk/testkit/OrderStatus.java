package io.github.babyshopsdk.testkit;

import java.util.Optional;

/** Order and line status codes of the reference's table 4.1, for building and asserting orders. */
public enum OrderStatus {
    /** 1. */ PENDING(1, "Pending"),
    /** 5. */ CONFIRMED(5, "Confirmed"),
    /** 8. */ CANCELLED(8, "Cancelled"),
    /** 9. */ REPLACED(9, "Replaced"),
    /** 10. */ READY_FOR_SHIP(10, "Ready for Ship"),
    /** 12. */ AWB_IN_PROCESS(12, "AWB InProcess"),
    /** 15. */ SHIPPED(15, "Shipped"),
    /** 18. */ IN_PROCESS(18, "In Process"),
    /** 20. */ INTRANSIT(20, "Intransit"),
    /** 25. */ DELIVERED(25, "Delivered"),
    /** 30. */ READY_FOR_PICKUP(30, "Ready for Pickup"),
    /** 35. */ PICKUP_INTRANSIT(35, "Pickup Intransit"),
    /** 40. */ PICKUP_CONFIRMED(40, "Pickup Confirmed"),
    /** 45. */ DISPUTED(45, "Disputed"),
    /** 50. */ REJECTED(50, "Rejected"),
    /** 55. */ RETURNED(55, "Returned"),
    /** 60. */ RTO(60, "RTO"),
    /** 65. */ RTO_DELIVERED(65, "RTO Delivered");

    private final int code;
    private final String label;

    OrderStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The wire code.
     *
     * @return for example 15 for {@link #SHIPPED}
     */
    public int code() {
        return code;
    }

    /**
     * The name as the reference spells it.
     *
     * @return for example {@code "Ready for Ship"}
     */
    public String label() {
        return label;
    }

    /**
     * Looks a code up.
     *
     * @param code a wire code
     * @return the status, or empty for codes outside table 4.1 (such as JIT's 7)
     */
    public static Optional<OrderStatus> of(int code) {
        for (OrderStatus s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
