package io.github.babyshopsdk.sync.config;

/** What the engine may do on Babyshop when the host reports an order event. */
public enum ChannelAction {
    /** {@code orderShipping}: Babyshop status Shipped. */
    SHIPPED,
    /** {@code orderCancellation}: Babyshop status Cancelled. */
    CANCELLED,
    /** Delivered: SellerPanel V3 has no operation for it, so the engine reports it and does nothing. */
    DELIVERED
}
