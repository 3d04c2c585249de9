package io.github.babyshopsdk.testkit;

/**
 * What an injected fault does on the wire. See {@link FaultPlan} for scheduling.
 *
 * <p>The first four act before the request reaches the simulated server: no authentication,
 * no quota use and no state change. The others let the request be processed.
 */
public enum FaultKind {
    /** HTTP 500 with an HTML body (a proxy or container error page); request not processed. */
    HTTP_500(500),
    /** HTTP 502 Bad Gateway with an HTML body; request not processed. */
    HTTP_502(502),
    /** HTTP 503 Service Unavailable with an HTML body; request not processed. */
    HTTP_503(503),
    /** The connection is closed without any response bytes; request not processed. */
    DROPPED_CONNECTION(0),
    /**
     * The request is fully processed (state changes, quota is used) but the connection is then
     * closed without a response: the "did my write happen?" case.
     */
    DROPPED_AFTER_PROCESSING(0),
    /** The response is delayed by {@link FaultPlan#slowDelay()} of real time, then sent normally. */
    SLOW_RESPONSE(0),
    /**
     * One record of the answered page is corrupted (an impossible date in orderList, a
     * {@code "orderQty":"abc"} in orderFetch, a {@code "mrp":"abc"} in productFetch). Only
     * applies to operations where {@link Operation#listsRecords()} is true.
     */
    MALFORMED_RECORD(0),
    /**
     * After the page is computed, one record of that page is updated (its last-update time moves
     * to now, so it moves to the end of the listing) and, for order listings, one new order is
     * inserted: naive page-by-page reading then skips one record and sees another twice. Only
     * applies to operations where {@link Operation#drifts()} is true.
     */
    DRIFT(0);

    private final int httpStatus;

    FaultKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /**
     * The HTTP status of an error-page fault.
     *
     * @return 500, 502 or 503 for the HTTP kinds, 0 for the others
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Whether this kind can affect a call of the given operation.
     *
     * @param operation the operation
     * @return false for {@link #MALFORMED_RECORD} and {@link #DRIFT} on operations that do not list
     *     records or drift; true otherwise
     */
    public boolean appliesTo(Operation operation) {
        if (this == MALFORMED_RECORD) {
            return operation.listsRecords();
        }
        if (this == DRIFT) {
            return operation.drifts();
        }
        return true;
    }

    /**
     * Whether the request is answered before it reaches the simulated server.
     *
     * @return true for the HTTP error kinds and {@link #DROPPED_CONNECTION}
     */
    public boolean shortCircuits() {
        return httpStatus != 0 || this == DROPPED_CONNECTION;
    }
}
