-- The change feed of SKU links (issue 16): every save of a link gives it the next value of its store's counter
-- (link_sequence.last_value, a row per store that the saving transaction updates, so writers of one store's
-- links run one after the other and their sequences become visible in increasing order). The inventory flow
-- takes in the links changed after its cursor instead of reading every link on every run.
--
-- Upgrade: the links already kept get sequences 1..n per store (in Vendor SKU Code order) and each store's
-- counter starts after them, so an upgraded store's inventory flow takes its old links in once.
ALTER TABLE ${prefix}sku_link ADD COLUMN change_seq BIGINT;

CREATE TABLE ${prefix}link_sequence (
    store_id   VARCHAR(100) NOT NULL,
    last_value BIGINT       NOT NULL,
    CONSTRAINT ${prefix}link_sequence_pk PRIMARY KEY (store_id)
);

CREATE TABLE ${prefix}v3_link_numbers AS
    SELECT store_id, vendor_sku_code,
           ROW_NUMBER() OVER (PARTITION BY store_id ORDER BY vendor_sku_code) AS seq
    FROM ${prefix}sku_link;
CREATE UNIQUE INDEX ${prefix}v3_link_numbers_idx ON ${prefix}v3_link_numbers (store_id, vendor_sku_code);
UPDATE ${prefix}sku_link SET change_seq = (
    SELECT n.seq FROM ${prefix}v3_link_numbers n
    WHERE n.store_id = ${prefix}sku_link.store_id AND n.vendor_sku_code = ${prefix}sku_link.vendor_sku_code);
INSERT INTO ${prefix}link_sequence (store_id, last_value)
    SELECT store_id, MAX(change_seq) FROM ${prefix}sku_link GROUP BY store_id;
DROP TABLE ${prefix}v3_link_numbers;

ALTER TABLE ${prefix}sku_link ALTER COLUMN change_seq SET NOT NULL;
CREATE UNIQUE INDEX ${prefix}sku_link_change_idx ON ${prefix}sku_link (store_id, change_seq);

-- The inventory states due for a push, read without going through the rest of the ledger: due_class is 0 for a
-- state with nothing pending (or dead-lettered), 1 for a pending state never tried, 2 for a pending state whose
-- push failed (due again once the engine's retry delay has passed since updated_at_us). The store writes it
-- with every save; the index gives each class in update order.
ALTER TABLE ${prefix}inventory ADD COLUMN due_class SMALLINT DEFAULT 0 NOT NULL;
UPDATE ${prefix}inventory SET due_class = CASE
    WHEN pending_quantity IS NULL OR dead_lettered = TRUE THEN 0
    WHEN attempts = 0 THEN 1
    ELSE 2 END;
CREATE INDEX ${prefix}inventory_due_idx ON ${prefix}inventory (store_id, due_class, updated_at_us, vendor_sku_code);

-- removeLinksTo finds the links to one Babyshop SKU without reading every link.
CREATE INDEX ${prefix}sku_link_sku_idx ON ${prefix}sku_link (store_id, sku);
