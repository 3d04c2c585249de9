package io.github.babyshopsdk.client;

/**
 * The 15 SellerPanel V3 operations, with their wire path and how safe each is to repeat.
 *
 * <p>The API has no idempotency key, so {@link #idempotency()} decides what the client does when a call
 * fails in a way that leaves its outcome open (a timeout after the request was sent, a dropped
 * connection, codes 9 and 309): reads and {@link Idempotency#IDEMPOTENT_WRITE idempotent writes} are
 * retried with backoff; {@link Idempotency#NON_IDEMPOTENT_WRITE other writes} are never repeated blindly
 * and fail with {@link io.github.babyshopsdk.client.error.OutcomeUnknownException} instead, so the caller
 * can read the state back before deciding.
 */
public enum Operation {
    /** {@code GET authToken}: trades the seller's username and password for the API key. */
    AUTH_TOKEN("authToken", Idempotency.READ),
    /** {@code productFetch}: reads the catalog. */
    PRODUCT_FETCH("productFetch", Idempotency.READ),
    /**
     * {@code inventoryPriceUpdate}: submits stock levels (and prices). Treated as absolute levels (the
     * safe reading of the reference's Q33), so a repeat sets the same level again: idempotent for stock,
     * though every call adds moderation entries.
     */
    INVENTORY_PRICE_UPDATE("inventoryPriceUpdate", Idempotency.IDEMPOTENT_WRITE),
    /** {@code inventoryPriceStatus}: reads moderation outcomes. */
    INVENTORY_PRICE_STATUS("inventoryPriceStatus", Idempotency.READ),
    /** {@code skuBackOrder}: reads the JIT back-order book. */
    SKU_BACK_ORDER("skuBackOrder", Idempotency.READ),
    /** {@code orderList}: reads order headers updated since a moment. */
    ORDER_LIST("orderList", Idempotency.READ),
    /** {@code orderListJIT}: {@link #ORDER_LIST} for JIT vendors. */
    ORDER_LIST_JIT("orderListJIT", Idempotency.READ),
    /** {@code orderFetch}: reads full orders by number. */
    ORDER_FETCH("orderFetch", Idempotency.READ),
    /** {@code orderFetchJIT}: {@link #ORDER_FETCH} for JIT vendors. */
    ORDER_FETCH_JIT("orderFetchJIT", Idempotency.READ),
    /** {@code orderReturn}: reads customer returns. */
    ORDER_RETURN("orderReturn", Idempotency.READ),
    /**
     * {@code generateInvoice}: creates an invoice. Not known to be idempotent (a repeat may create a
     * second invoice): check with {@code fetchInvoice} or {@code orderFetch} before repeating.
     */
    GENERATE_INVOICE("generateInvoice", Idempotency.NON_IDEMPOTENT_WRITE),
    /** {@code fetchInvoice}: reads an invoice's lines. */
    FETCH_INVOICE("fetchInvoice", Idempotency.READ),
    /** {@code fetchDocuments}: downloads a label or invoice file. */
    FETCH_DOCUMENTS("fetchDocuments", Idempotency.READ),
    /**
     * {@code orderShipping}: records shipment handover. Not known to be idempotent: check the order's
     * status ({@code orderFetch}, Shipped = 15) before repeating.
     */
    ORDER_SHIPPING("orderShipping", Idempotency.NON_IDEMPOTENT_WRITE),
    /**
     * {@code orderCancellation}: cancels a whole order. Not known to be idempotent: check the order's
     * status ({@code orderFetch}, Cancelled = 8) before repeating.
     */
    ORDER_CANCELLATION("orderCancellation", Idempotency.NON_IDEMPOTENT_WRITE);

    private final String path;
    private final Idempotency idempotency;

    Operation(String path, Idempotency idempotency) {
        this.path = path;
        this.idempotency = idempotency;
    }

    /** The path relative to the base URL, e.g. {@code "orderList"}; also the operation's name in the reference. */
    public String path() {
        return path;
    }

    /** How safe this operation is to repeat when its outcome is unknown. */
    public Idempotency idempotency() {
        return idempotency;
    }

    /** Whether a failure with an unknown outcome may be retried automatically. */
    public boolean isSafeToRepeat() {
        return idempotency != Idempotency.NON_IDEMPOTENT_WRITE;
    }

    @Override
    public String toString() {
        return path;
    }

    /** How an operation behaves when repeated. */
    public enum Idempotency {
        /** Reads nothing but state: always safe to repeat. */
        READ,
        /** Writes absolute values: a repeat leaves the same state. */
        IDEMPOTENT_WRITE,
        /** A repeat could duplicate the effect (a second invoice, shipment or cancellation). */
        NON_IDEMPOTENT_WRITE
    }
}
