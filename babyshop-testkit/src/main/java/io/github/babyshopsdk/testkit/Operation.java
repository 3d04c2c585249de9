package io.github.babyshopsdk.testkit;

import java.util.Optional;

/** The 15 SellerPanel V3 operations, with the path segment and HTTP method the simulator serves. */
public enum Operation {
    /** {@code GET authToken?username=&password=}. */
    AUTH_TOKEN("authToken", "GET"),
    /** Catalogue read by update date or SKU codes (paged). */
    PRODUCT_FETCH("productFetch", "POST"),
    /** Stock / price submission; answers one moderation id per SKU. */
    INVENTORY_PRICE_UPDATE("inventoryPriceUpdate", "POST"),
    /** Moderation status of earlier submissions. */
    INVENTORY_PRICE_STATUS("inventoryPriceStatus", "POST"),
    /** JIT back-order book (no request body needed). */
    SKU_BACK_ORDER("skuBackOrder", "POST"),
    /** Order headers updated since a date and/or in statuses (paged). */
    ORDER_LIST("orderList", "POST"),
    /** {@link #ORDER_LIST} for JIT orders. */
    ORDER_LIST_JIT("orderListJIT", "POST"),
    /** Order details for a list of order numbers (paged). */
    ORDER_FETCH("orderFetch", "POST"),
    /** {@link #ORDER_FETCH} for JIT orders. */
    ORDER_FETCH_JIT("orderFetchJIT", "POST"),
    /** Customer returns by return number or by update window (paged). */
    ORDER_RETURN("orderReturn", "POST"),
    /** Creates an invoice (transporter + AWB) for lines of one order. */
    GENERATE_INVOICE("generateInvoice", "POST"),
    /** Line-level data of one invoice. */
    FETCH_INVOICE("fetchInvoice", "POST"),
    /** A PDF document (shipping label or invoice) of one invoice. */
    FETCH_DOCUMENTS("fetchDocuments", "POST"),
    /** Shipment handover; moves orders to Shipped (15). */
    ORDER_SHIPPING("orderShipping", "POST"),
    /** Seller-side cancellation of a whole order; moves it to Cancelled (8). */
    ORDER_CANCELLATION("orderCancellation", "POST");

    private final String path;
    private final String method;

    Operation(String path, String method) {
        this.path = path;
        this.method = method;
    }

    /**
     * The path segment under the base path, exactly as Vinculum spells it.
     *
     * @return for example {@code "orderList"}
     */
    public String path() {
        return path;
    }

    /**
     * The HTTP method the operation is served on.
     *
     * @return {@code "GET"} for {@link #AUTH_TOKEN}, {@code "POST"} otherwise
     */
    public String method() {
        return method;
    }

    /**
     * Whether the operation answers a list of records that a {@link FaultKind#MALFORMED_RECORD}
     * fault can corrupt (orderList, orderListJIT, orderFetch, orderFetchJIT, productFetch).
     *
     * @return true for the record-listing operations
     */
    public boolean listsRecords() {
        return this == ORDER_LIST || this == ORDER_LIST_JIT || this == ORDER_FETCH
                || this == ORDER_FETCH_JIT || this == PRODUCT_FETCH;
    }

    /**
     * Whether the operation pages over a moving, update-date ordered set that a
     * {@link FaultKind#DRIFT} fault can shift (orderList, orderListJIT, productFetch).
     *
     * @return true for the drift-capable listings
     */
    public boolean drifts() {
        return this == ORDER_LIST || this == ORDER_LIST_JIT || this == PRODUCT_FETCH;
    }

    /**
     * Finds the operation served on a path segment (case-sensitive, as the server is).
     *
     * @param path the segment after the base path, e.g. {@code "orderList"}
     * @return the operation, or empty for an unknown path
     */
    public static Optional<Operation> fromPath(String path) {
        for (Operation op : values()) {
            if (op.path.equals(path)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
