package io.github.babyshopsdk.sync.state;

/**
 * The stores of one transaction. Valid only inside the {@link SyncStateStore#inTransaction} call that
 * passed it; not thread-safe (one transaction, one thread).
 */
public interface SyncTransaction {

    /** Store settings, mappings and the configuration log. */
    SettingsStore settings();

    /** Named cursors and feed tokens. */
    CursorStore cursors();

    /** Order records: links to host orders and the reasons for every decision. */
    OrderStore orders();

    /** Records that could not be read or applied. */
    QuarantineStore quarantine();

    /** Links between Vendor SKU Codes and Babyshop SKUs. */
    CatalogStore catalog();

    /** The inventory ledger and outbox, per Vendor SKU Code. */
    InventoryStore inventory();

    /** Outbound shipments and cancellations. */
    OutboxStore outbox();

    /** Order hints: order numbers the orders flow fetches at once (order notifications). */
    OrderHintStore hints();

    /**
     * Fences this transaction with {@code lease}: checks that {@code lease}'s token is the current token of
     * its flow's lease and that the lease was not released, and keeps the lease from changing hands until
     * this transaction ends (for instance by reading the lease row {@code FOR UPDATE}), so that no other
     * holder can take it over between the check and the commit. The engine calls it first in every
     * transaction of a flow run.
     *
     * @throws LeaseLostException when the token is not the current one or the lease was released; the
     *     caller lets it propagate, so the transaction is rolled back
     * @throws StateStoreException when the store fails
     */
    void fence(Lease lease);
}
