package io.github.babyshopsdk.sync.jdbc;

import java.util.Collections;
import java.util.List;

/**
 * The SQL of the stores, for one table prefix and dialect. Built once per store; immutable.
 * Single-key reads end in {@code FOR UPDATE}: a row read in a transaction stays locked until it ends.
 */
final class Statements {
    static final List<String> SETTINGS_TOGGLES =
            List.of("order_sync", "catalog_sync", "inventory_sync", "auto_cancel_on_channel");
    static final String ORDER_COLUMNS = "order_no, master_order_no, state, reason, detail, host_order_id, hub, stage,"
            + " channel_status_code, channel_updated_at_us, line_signature, invoice_no, updated_at_us";
    static final List<String> ORDER_VALUES = List.of("master_order_no", "state", "reason", "detail", "host_order_id",
            "hub", "stage", "channel_status_code", "channel_updated_at_us", "line_signature", "invoice_no",
            "updated_at_us");
    static final String QUARANTINE_COLUMNS =
            "flow, record_key, reason, attempts, dead_lettered, first_failed_at_us, last_failed_at_us";
    static final List<String> QUARANTINE_VALUES =
            List.of("reason", "attempts", "dead_lettered", "first_failed_at_us", "last_failed_at_us");
    static final String INVENTORY_COLUMNS = "vendor_sku_code, sku, pending_quantity, acknowledged_quantity, attempts,"
            + " last_error, dead_lettered, moderation_id, moderation_status, updated_at_us, moderation_since_us,"
            + " moderation_check_at_us, retry_at_us, moderation_refusals, first_failed_at_us";
    static final List<String> INVENTORY_VALUES = List.of("sku", "pending_quantity", "acknowledged_quantity",
            "attempts", "last_error", "dead_lettered", "moderation_id", "moderation_status", "updated_at_us",
            "moderation_since_us", "moderation_check_at_us", "due_class", "retry_at_us", "moderation_refusals",
            "first_failed_at_us");
    /** {@code due_class} of an inventory state with nothing pending, or dead-lettered: never due. */
    static final int NOT_DUE = 0;
    /** {@code due_class} of a pending inventory state never tried: due. */
    static final int DUE_NEW = 1;
    /** {@code due_class} of a pending inventory state whose push failed: due after the retry delay. */
    static final int DUE_RETRY = 2;
    /** {@code due_class} of a pending inventory state in a moderation back-off: due at its {@code retry_at_us}. */
    static final int DUE_BACK_OFF = 3;
    static final String OUTBOX_COLUMNS = "id, operation, order_no, data, status, attempts, last_error,"
            + " outcome_unknown, not_before_us, created_at_us, updated_at_us, first_failed_at_us";
    static final List<String> OUTBOX_VALUES = List.of("operation", "order_no", "data", "status", "attempts",
            "last_error", "outcome_unknown", "not_before_us", "created_at_us", "updated_at_us", "first_failed_at_us");
    static final String HINT_COLUMNS = "order_no, first_hinted_at_us, last_hinted_at_us, times_hinted, attempts,"
            + " due_at_us, dropped_at_us, reason";
    /** The value columns of an order hint's upsert, after store id and order number. */
    static final List<String> HINT_VALUES = List.of("first_hinted_at_us", "last_hinted_at_us", "times_hinted",
            "attempts", "due_at_us", "dropped_at_us", "reason", "pending");

    final String settingsFind;
    final String settingsUpsertToggles;
    final String settingsUpsertStatusMapping;
    final String settingsUpsertHubMapping;
    final String settingsFindSafetyStock;
    final String settingsUpsertSafetyStock;
    final String changeInsert;
    final String changesList;

    final String cursorFind;
    final String cursorUpsert;

    final String orderFind;
    final String orderUpsert;
    final String ordersInState;

    final String quarantineFind;
    final String quarantineUpsert;
    final String quarantineDelete;
    final String quarantineRetryable;
    final String quarantineAll;
    final String quarantineDeadLettered;

    final String linkFind;
    final String linkUpsert;
    final String linksAll;
    final String linksToSku;
    final String linksDeleteToSku;
    final String linksChangedAfter;
    final String linkSequenceInsertIfAbsent;
    final String linkSequenceIncrement;
    final String linkSequenceRead;
    final String linksInPrefix;

    final String inventoryFind;
    final String inventoryUpsert;
    final String inventoryModerationDue;
    final String inventoryDue;
    final String inventoryInPrefix;
    final String inventoryDeadLettered;

    final String outboxInsertIfAbsent;
    final String outboxFind;
    final String outboxUpdate;
    final String outboxDuePrefix;
    final String outboxForOrder;
    final String outboxDead;

    final String keyLockInsertIfAbsent;
    final String keyLockLock;

    final String hintUpsert;
    final String hintsDue;
    final String hintsEarliestDue;
    final String hintsPendingCount;
    final String hintsDroppedBefore;
    private final String hintFindManyPrefix;
    private final String hintDeleteManyPrefix;
    private final String hintDeleteDroppedManyPrefix;

    /**
     * The most keys one multi-key statement binds ({@link #orderFindMany}, {@link #quarantineFindMany},
     * {@link #hintFindMany}, {@link #hintDeleteMany}, {@link #hintDeleteDroppedMany}).
     */
    static final int MAX_KEYS_PER_READ = 100;
    private final String orderFindManyPrefix;
    private final String quarantineFindManyPrefix;

    Statements(Database db) {
        Dialect d = db.dialect();
        String settings = db.table("settings");
        settingsFind = "SELECT order_sync, catalog_sync, inventory_sync, auto_cancel_on_channel, status_mapping,"
                + " hub_mapping FROM " + settings + " WHERE store_id = ? FOR UPDATE";
        settingsUpsertToggles = d.upsert(settings, List.of("store_id"), SETTINGS_TOGGLES);
        settingsUpsertStatusMapping = d.upsert(settings, List.of("store_id"), List.of("status_mapping"));
        settingsUpsertHubMapping = d.upsert(settings, List.of("store_id"), List.of("hub_mapping"));
        settingsFindSafetyStock = "SELECT safety_stock FROM " + settings + " WHERE store_id = ? FOR UPDATE";
        settingsUpsertSafetyStock = d.upsert(settings, List.of("store_id"), List.of("safety_stock"));
        String changes = db.table("config_change");
        changeInsert = "INSERT INTO " + changes
                + " (store_id, actor, changed_at_us, subject, value_before, value_after) VALUES (?, ?, ?, ?, ?, ?)";
        changesList = "SELECT actor, changed_at_us, subject, value_before, value_after FROM " + changes
                + " WHERE store_id = ? ORDER BY id";

        String cursor = db.table("cursor");
        cursorFind = "SELECT cursor_value FROM " + cursor + " WHERE store_id = ? AND name = ? FOR UPDATE";
        cursorUpsert = d.upsert(cursor, List.of("store_id", "name"), List.of("cursor_value"));

        String orders = db.table("order_record");
        orderFind = "SELECT " + ORDER_COLUMNS + " FROM " + orders + " WHERE store_id = ? AND order_no = ? FOR UPDATE";
        orderUpsert = d.upsert(orders, List.of("store_id", "order_no"), ORDER_VALUES);
        ordersInState = "SELECT " + ORDER_COLUMNS + " FROM " + orders
                + " WHERE store_id = ? AND state = ? ORDER BY updated_at_us, order_no LIMIT ?";

        String quarantine = db.table("quarantine");
        quarantineFind = "SELECT " + QUARANTINE_COLUMNS + " FROM " + quarantine
                + " WHERE store_id = ? AND flow = ? AND record_key = ? FOR UPDATE";
        quarantineUpsert = d.upsert(quarantine, List.of("store_id", "flow", "record_key"), QUARANTINE_VALUES);
        quarantineDelete = "DELETE FROM " + quarantine + " WHERE store_id = ? AND flow = ? AND record_key = ?";
        String quarantineOrder = " ORDER BY last_failed_at_us, first_failed_at_us, record_key";
        quarantineRetryable = "SELECT " + QUARANTINE_COLUMNS + " FROM " + quarantine
                + " WHERE store_id = ? AND flow = ? AND dead_lettered = FALSE" + quarantineOrder + " LIMIT ?";
        quarantineAll = "SELECT " + QUARANTINE_COLUMNS + " FROM " + quarantine + " WHERE store_id = ? AND flow = ?"
                + quarantineOrder;
        // a range read of quarantine_dead_idx (V7)
        quarantineDeadLettered = "SELECT " + QUARANTINE_COLUMNS + " FROM " + quarantine
                + " WHERE store_id = ? AND dead_lettered = TRUE"
                + " ORDER BY last_failed_at_us, first_failed_at_us, flow, record_key LIMIT ?";

        String links = db.table("sku_link");
        linkFind = "SELECT vendor_sku_code, sku, updated_at_us FROM " + links
                + " WHERE store_id = ? AND vendor_sku_code = ? FOR UPDATE";
        linkUpsert = d.upsert(links, List.of("store_id", "vendor_sku_code"),
                List.of("sku", "updated_at_us", "change_seq"));
        linksAll = "SELECT vendor_sku_code, sku, updated_at_us FROM " + links
                + " WHERE store_id = ? ORDER BY vendor_sku_code";
        linksToSku = "SELECT vendor_sku_code, sku, updated_at_us FROM " + links
                + " WHERE store_id = ? AND sku = ? ORDER BY vendor_sku_code FOR UPDATE";
        linksDeleteToSku = "DELETE FROM " + links + " WHERE store_id = ? AND sku = ?";
        linksChangedAfter = "SELECT vendor_sku_code, sku, updated_at_us, change_seq FROM " + links
                + " WHERE store_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?";
        linksInPrefix = "SELECT vendor_sku_code, sku, updated_at_us FROM " + links
                + " WHERE store_id = ? AND vendor_sku_code IN ";
        String linkSequence = db.table("link_sequence");
        linkSequenceInsertIfAbsent = d.insertIfAbsent(linkSequence, List.of("store_id"), List.of("last_value"));
        linkSequenceIncrement = "UPDATE " + linkSequence + " SET last_value = last_value + 1 WHERE store_id = ?";
        linkSequenceRead = "SELECT last_value FROM " + linkSequence + " WHERE store_id = ?";

        String inventory = db.table("inventory");
        inventoryFind = "SELECT " + INVENTORY_COLUMNS + " FROM " + inventory
                + " WHERE store_id = ? AND vendor_sku_code = ? FOR UPDATE";
        inventoryUpsert = d.upsert(inventory, List.of("store_id", "vendor_sku_code"), INVENTORY_VALUES);
        // two range scans of inventory_due_idx (never tried; failed up to the bound), merged: neither reads a
        // state that is not due
        String dueOrder = " ORDER BY updated_at_us, vendor_sku_code LIMIT ?";
        inventoryDue = "SELECT " + INVENTORY_COLUMNS + " FROM (SELECT " + INVENTORY_COLUMNS + " FROM " + inventory
                + " WHERE store_id = ? AND due_class = " + DUE_NEW + dueOrder + ") due_new"
                + " UNION ALL SELECT " + INVENTORY_COLUMNS + " FROM (SELECT " + INVENTORY_COLUMNS + " FROM " + inventory
                + " WHERE store_id = ? AND due_class = " + DUE_RETRY + " AND updated_at_us <= ?" + dueOrder
                + ") due_retry"
                // a range scan of inventory_back_off_idx (V5): the states whose moderation back-off has passed
                + " UNION ALL SELECT " + INVENTORY_COLUMNS + " FROM (SELECT " + INVENTORY_COLUMNS + " FROM " + inventory
                + " WHERE store_id = ? AND due_class = " + DUE_BACK_OFF + " AND retry_at_us <= ?"
                + " ORDER BY retry_at_us, vendor_sku_code LIMIT ?) due_back_off" + dueOrder;
        inventoryInPrefix = "SELECT " + INVENTORY_COLUMNS + " FROM " + inventory
                + " WHERE store_id = ? AND vendor_sku_code IN ";
        // a range read of inventory_dead_idx (V7)
        inventoryDeadLettered = "SELECT " + INVENTORY_COLUMNS + " FROM " + inventory
                + " WHERE store_id = ? AND dead_lettered = TRUE ORDER BY updated_at_us, vendor_sku_code LIMIT ?";
        // a range read of the (store_id, moderation_check_at_us, vendor_sku_code) index (V4): rows without a
        // check time are not in the range; the status test only guards rows saved with an odd combination
        inventoryModerationDue = "SELECT " + INVENTORY_COLUMNS + " FROM " + inventory
                + " WHERE store_id = ? AND moderation_check_at_us <= ? AND moderation_id IS NOT NULL"
                + " AND (moderation_status IS NULL OR LOWER(moderation_status) = 'pending')"
                + " ORDER BY moderation_check_at_us, vendor_sku_code LIMIT ?";

        String outbox = db.table("outbox");
        outboxInsertIfAbsent = d.insertIfAbsent(outbox, List.of("store_id", "id"), OUTBOX_VALUES);
        outboxFind = "SELECT " + OUTBOX_COLUMNS + " FROM " + outbox + " WHERE store_id = ? AND id = ? FOR UPDATE";
        StringBuilder update = new StringBuilder("UPDATE ").append(outbox).append(" SET ");
        for (int i = 0; i < OUTBOX_VALUES.size(); i++) {
            update.append(i == 0 ? "" : ", ").append(OUTBOX_VALUES.get(i)).append(" = ?");
        }
        outboxUpdate = update.append(" WHERE store_id = ? AND id = ?").toString();
        outboxDuePrefix = "SELECT " + OUTBOX_COLUMNS + " FROM " + outbox
                + " WHERE store_id = ? AND status = ? AND not_before_us <= ? AND operation IN ";
        outboxForOrder = "SELECT " + OUTBOX_COLUMNS + " FROM " + outbox
                + " WHERE store_id = ? AND order_no = ? ORDER BY created_at_us, id";
        // a range read of outbox_dead_idx (V7)
        outboxDead = "SELECT " + OUTBOX_COLUMNS + " FROM " + outbox
                + " WHERE store_id = ? AND status = ? ORDER BY updated_at_us, id LIMIT ?";

        String keyLock = db.table("key_lock");
        keyLockInsertIfAbsent = d.insertIfAbsent(keyLock, List.of("store_id", "bucket"), List.of());
        keyLockLock = "SELECT bucket FROM " + keyLock + " WHERE store_id = ? AND bucket = ? FOR UPDATE";

        String hints = db.table("order_hint");
        hintUpsert = d.upsert(hints, List.of("store_id", "order_no"), HINT_VALUES);
        // range reads of order_hint_due_idx (V8): the pending hints by due time, then order number. The ORDER BY
        // names the index's leading columns too (fixed by the WHERE, so the order is the same): H2 then reads the
        // rows in index order and stops at the limit instead of sorting every due hint
        String hintDueOrder = " ORDER BY store_id, pending, due_at_us, order_no";
        hintsDue = "SELECT " + HINT_COLUMNS + " FROM " + hints
                + " WHERE store_id = ? AND pending = TRUE AND due_at_us <= ?" + hintDueOrder + " LIMIT ?";
        hintsEarliestDue = "SELECT due_at_us FROM " + hints + " WHERE store_id = ? AND pending = TRUE" + hintDueOrder
                + " LIMIT 1";
        hintsPendingCount = "SELECT COUNT(*) FROM " + hints + " WHERE store_id = ? AND pending = TRUE";
        // a range read of order_hint_dropped_idx (V8): the dropped hints by drop time, then order number (not
        // locked: H2 sorts a locking read instead of reading the index in order; the delete checks them again)
        hintsDroppedBefore = "SELECT order_no FROM " + hints
                + " WHERE store_id = ? AND pending = FALSE AND dropped_at_us < ?"
                + " ORDER BY store_id, pending, dropped_at_us, order_no LIMIT ?";
        hintFindManyPrefix = "SELECT " + HINT_COLUMNS + " FROM " + hints + " WHERE store_id = ? AND order_no IN (";
        hintDeleteManyPrefix = "DELETE FROM " + hints + " WHERE store_id = ? AND order_no IN (";
        hintDeleteDroppedManyPrefix = "DELETE FROM " + hints
                + " WHERE store_id = ? AND pending = FALSE AND dropped_at_us < ? AND order_no IN (";

        orderFindManyPrefix = "SELECT " + ORDER_COLUMNS + " FROM " + orders + " WHERE store_id = ? AND order_no IN (";
        quarantineFindManyPrefix = "SELECT " + QUARANTINE_COLUMNS + " FROM " + quarantine
                + " WHERE store_id = ? AND flow = ? AND record_key IN (";
    }

    /** The order records of {@code keys} order numbers, locked: binds store, then each order number. */
    String orderFindMany(int keys) {
        return orderFindManyPrefix + placeholders(keys) + ") FOR UPDATE";
    }

    /** The quarantine entries of {@code keys} keys of one flow, locked: binds store, flow, then each key. */
    String quarantineFindMany(int keys) {
        return quarantineFindManyPrefix + placeholders(keys) + ") FOR UPDATE";
    }

    /** The order hints of {@code keys} order numbers, locked: binds store, then each order number. */
    String hintFindMany(int keys) {
        return hintFindManyPrefix + placeholders(keys) + ") FOR UPDATE";
    }

    /** Deletes the order hints of {@code keys} order numbers: binds store, then each order number. */
    String hintDeleteMany(int keys) {
        return hintDeleteManyPrefix + placeholders(keys) + ")";
    }

    /**
     * Deletes those of the order hints of {@code keys} order numbers that are dropped before a time: binds store,
     * the time (microseconds), then each order number.
     */
    String hintDeleteDroppedMany(int keys) {
        return hintDeleteDroppedManyPrefix + placeholders(keys) + ")";
    }

    private static String placeholders(int count) {
        if (count < 1 || count > MAX_KEYS_PER_READ) {
            throw new IllegalArgumentException("between 1 and " + MAX_KEYS_PER_READ + " keys: " + count);
        }
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** A query of the links of {@code codes} Vendor SKU Codes: binds store, then each code. */
    String linksIn(int codes) {
        return linksInPrefix + inList(codes);
    }

    /** A locking query of the inventory states of {@code codes} Vendor SKU Codes: binds store, then each code. */
    String inventoryIn(int codes) {
        return inventoryInPrefix + inList(codes) + " FOR UPDATE";
    }

    /** {@code (?, ?, ...)} with {@code count} parameters. */
    private static String inList(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /** The due query for {@code operations} operation names: binds store, status, now, each name, limit. */
    String outboxDue(int operations) {
        return outboxDuePrefix + inList(operations) + " ORDER BY created_at_us, id LIMIT ?";
    }
}
