-- Deferred, batched moderation follow-up (issue 16). moderation_since_us: when the push that gave moderation_id
-- was acknowledged (the start of its moderation). moderation_check_at_us: when its status is next due to be read,
-- NULL when no read is due (no id, or a final status). The engine lists due rows through the index below, by
-- check time, instead of every row awaiting moderation at every run.
ALTER TABLE ${prefix}inventory ADD COLUMN moderation_since_us BIGINT;
ALTER TABLE ${prefix}inventory ADD COLUMN moderation_check_at_us BIGINT;
-- Rows that awaited moderation before this migration are due at once (their last change stands for the push).
UPDATE ${prefix}inventory SET moderation_since_us = updated_at_us, moderation_check_at_us = updated_at_us
    WHERE moderation_id IS NOT NULL AND (moderation_status IS NULL OR LOWER(moderation_status) = 'pending');
CREATE INDEX ${prefix}inventory_moderation_due_idx ON ${prefix}inventory (store_id, moderation_check_at_us, vendor_sku_code);
