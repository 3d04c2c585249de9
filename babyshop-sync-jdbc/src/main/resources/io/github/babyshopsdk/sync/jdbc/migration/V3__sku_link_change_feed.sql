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
