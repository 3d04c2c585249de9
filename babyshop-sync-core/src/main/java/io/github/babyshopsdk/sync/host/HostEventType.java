package io.github.babyshopsdk.sync.host;

/** Order events the host reports to the engine. */
public enum HostEventType {
    /** Packing completed: create the shipment (invoice with transporter and AWB) and fetch the label. */
    PACKED,
    /** The order left the warehouse: push the shipping details where outbound mapping says so. */
    SHIPPED,
    /** Delivered: reported only, SellerPanel V3 has no operation for it. */
    DELIVERED,
    /** The host cancelled the whole order (a line list asks for a partial cancellation, which is refused). */
    CANCELLED
}
