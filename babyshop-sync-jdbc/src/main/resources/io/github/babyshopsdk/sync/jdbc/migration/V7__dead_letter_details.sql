-- Dead letters an operator can act on (issue 12): list them (oldest last failure first), re-drive or discard.
-- first_failed_at_us: when the outbox entry / the inventory ledger entry's pending quantity first failed (NULL while
-- nothing failed). Rows that failed before this migration take their last change as their first failure.
ALTER TABLE ${prefix}outbox ADD COLUMN first_failed_at_us BIGINT;
ALTER TABLE ${prefix}inventory ADD COLUMN first_failed_at_us BIGINT;
UPDATE ${prefix}outbox SET first_failed_at_us = updated_at_us WHERE status = 'DEAD';
UPDATE ${prefix}inventory SET first_failed_at_us = updated_at_us WHERE attempts > 0;
-- The dead letters of each store are listed through these indexes, not by reading every row.
CREATE INDEX ${prefix}outbox_dead_idx ON ${prefix}outbox (store_id, status, updated_at_us, id);
CREATE INDEX ${prefix}inventory_dead_idx ON ${prefix}inventory (store_id, dead_lettered, updated_at_us, vendor_sku_code);
CREATE INDEX ${prefix}quarantine_dead_idx
    ON ${prefix}quarantine (store_id, dead_lettered, last_failed_at_us, first_failed_at_us, flow, record_key);
