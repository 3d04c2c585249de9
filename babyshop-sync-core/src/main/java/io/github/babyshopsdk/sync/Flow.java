package io.github.babyshopsdk.sync;

/**
 * The flows of the integration, in the order they spend the shared quota budget: orders and
 * cancellations first, then shipments, then inventory, then catalog, then reconciliation. A backlog in a later flow never
 * starves an earlier one.
 */
public enum Flow {
    /** Babyshop -> host: import orders in mapped statuses; Babyshop-side cancellations; item-level changes reported. */
    ORDERS(0),
    /** Host -> Babyshop: whole-order cancellations (only with "Automated Order Cancellation On Sales Channel"). */
    CANCELLATIONS(0),
    /** Host -> Babyshop: packed orders get their invoice (transporter, AWB) and label; shipped orders are pushed. */
    SHIPMENTS(1),
    /** Host -> Babyshop: available stock per Vendor SKU Code, changes only, 100 SKUs per call; moderation follow-up. */
    INVENTORY(2),
    /** Babyshop -> host: SKUs with a valid Vendor SKU Code, new and updated since the last run. */
    CATALOG(3),
    /**
     * Babyshop vs. engine vs. host over a window (default the last 7 days): missing orders imported, orders the host
     * lost created again, orders cancelled on Babyshop while live in the host cancelled per the rules, linked SKUs
     * Babyshop changed queued for a re-push. The least urgent flow: it never waits for quota.
     */
    RECONCILIATION(4);

    private final int priority;

    Flow(int priority) {
        this.priority = priority;
    }

    /** 0 is the most urgent; flows of equal priority share a tier. */
    public int priority() {
        return priority;
    }
}
