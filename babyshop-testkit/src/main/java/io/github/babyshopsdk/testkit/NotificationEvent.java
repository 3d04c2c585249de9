package io.github.babyshopsdk.testkit;

/** What makes the simulator emit an order notification (see {@link OrderNotifications#events()}). */
public enum NotificationEvent {
    /** An order was added to the store (generated, added, or inserted by drift), in its first status. */
    CREATED,
    /** An order's status changed (through the API, a store mutator, or drift). */
    STATUS_CHANGED
}
