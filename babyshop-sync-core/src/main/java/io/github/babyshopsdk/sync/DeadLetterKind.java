package io.github.babyshopsdk.sync;

/** Where a {@link DeadLetter} lives in the state store. */
public enum DeadLetterKind {
    /** An outbound operation (shipment, shipped, cancellation) given up on: an outbox entry with status {@code DEAD}. */
    OUTBOX("outbox"),
    /** A record (an order, a SKU) that stayed unreadable or unappliable: a dead-lettered quarantine entry. */
    QUARANTINE("quarantine"),
    /** A stock push given up on (unknown SKU, refused in moderation): a dead-lettered inventory ledger entry. */
    INVENTORY("inventory");

    private final String prefix;

    DeadLetterKind(String prefix) {
        this.prefix = prefix;
    }

    /** The first part of a {@link DeadLetter#key()} of this kind, e.g. {@code outbox}. */
    public String prefix() {
        return prefix;
    }
}
