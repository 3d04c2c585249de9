package io.github.babyshopsdk.sync.state;

/** Where an outbox entry stands. */
public enum OutboxStatus {
    /** Waiting to be sent (again). */
    PENDING,
    /** Acknowledged by Babyshop (or found done on read-back). */
    DONE,
    /** Not sent, on purpose, with the reason (e.g. Delivered has no SellerPanel operation; a partial cancellation). */
    SKIPPED,
    /** Given up after the retry limit or a permanent failure, with the reason. */
    DEAD
}
