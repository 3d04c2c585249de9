-- Moderation refusals retried with a back-off (issue 12). retry_at_us: when a pending quantity Babyshop refused in
-- moderation is pushed again (NULL for every other row); such a row has due_class 3 and is listed through the
-- index below, by retry time, instead of by its update time. moderation_refusals: refusals in a row of the SKU's
-- pushed quantity (the back-off's exponent; the row is dead-lettered at the engine's maxModerationRefusals).
ALTER TABLE ${prefix}inventory ADD COLUMN retry_at_us BIGINT;
ALTER TABLE ${prefix}inventory ADD COLUMN moderation_refusals INT DEFAULT 0 NOT NULL;
CREATE INDEX ${prefix}inventory_back_off_idx ON ${prefix}inventory (store_id, due_class, retry_at_us, vendor_sku_code);
