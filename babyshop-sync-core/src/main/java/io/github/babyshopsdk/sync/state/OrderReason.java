package io.github.babyshopsdk.sync.state;

/**
 * Why an order was or was not imported or updated: the vocabulary of
 * {@code SyncEngine.explain(orderNo)}, of skip counts, and of the troubleshooting guide.
 */
public enum OrderReason {
    /** Imported into the host. */
    IMPORTED("imported"),
    /** Order Sync is off for the store. */
    SYNC_OFF("sync off"),
    /** Its Babyshop status is not mapped inbound. */
    STATUS_UNMAPPED("status unmapped"),
    /** No hub-mapping rule matched its shipping address and the store has no default hub. */
    NO_HUB("no hub"),
    /**
     * The engine asked the host to create it and has not heard back yet (a crash or a lost answer in
     * between): the next run asks again, and the host's idempotent {@code createOrder} returns the same order.
     */
    CREATING("being created"),
    /** The host refused or failed to create it; retried on later runs. */
    HOST_REJECTED("host rejected"),
    /** Its record could not be read; fetched again on later runs. */
    QUARANTINED("quarantined"),
    /** It stayed unreadable after the retry limit; needs a person. */
    DEAD_LETTERED("dead-lettered"),
    /** A line was cancelled or a quantity changed on Babyshop: reported, not applied (order-level sync only). */
    ITEM_LEVEL_CHANGE("item-level change"),
    /** The quota budget ran out before the order was reached; it is next in line. */
    WAITING_ON_QUOTA("waiting on quota"),
    /** Cancelled on Babyshop, and the host order was cancelled. */
    CANCELLED_ON_CHANNEL("cancelled on channel"),
    /** Updated before the configured import start ({@code orderImportFrom}). */
    BEFORE_IMPORT_FROM("before import start"),
    /**
     * Already cancelled on Babyshop when the engine first saw it: recorded, not created in the host (unless
     * {@code EngineOptions.importOrdersCancelledBeforeFirstSeen()}).
     */
    CANCELLED_BEFORE_FIRST_SEEN("cancelled before first seen"),
    /** The engine has never seen it. */
    NOT_SEEN("not seen"),
    /** It was dead-lettered and an operator discarded it on purpose (the record's detail says who and why). */
    DISCARDED("discarded");

    private final String label;

    OrderReason(String label) {
        this.label = label;
    }

    /** A short lower-case label, e.g. {@code "status unmapped"}. */
    public String label() {
        return label;
    }
}
