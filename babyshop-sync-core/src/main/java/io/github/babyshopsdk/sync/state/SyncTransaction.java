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
}
