package io.github.babyshopsdk.testkit;

/**
 * The body formats the simulator sends an order notification in. Vinculum does not publish its format, so the
 * simulator varies it (seeded) among the shapes configured in {@link OrderNotifications#shapes()}; a receiver should
 * survive them all. Every shape carries the order number and some fields a receiver must ignore.
 */
public enum NotificationShape {
    /** JSON with {@code orderNo} at the top: {@code {"orderNo":"500000012","orderStatus":"Pending",...}}. */
    ORDER_NO("application/json"),
    /** JSON with {@code masterOrderNo} and {@code orderNo} at the top. */
    WITH_MASTER_ORDER_NO("application/json"),
    /** JSON with a nested array: {@code {"event":"...","orders":[{"orderNo":"...","masterOrderNo":"..."}]}}. */
    ORDERS_ARRAY("application/json"),
    /**
     * A form body, as SellerPanel's own requests: {@code RequestBody=<url-encoded JSON with orderNo and
     * masterOrderNo>}.
     */
    FORM_REQUEST_BODY("application/x-www-form-urlencoded");

    private final String contentType;

    NotificationShape(String contentType) {
        this.contentType = contentType;
    }

    /**
     * The {@code Content-Type} a body of this shape is sent with.
     *
     * @return for example {@code application/json}
     */
    public String contentType() {
        return contentType;
    }
}
