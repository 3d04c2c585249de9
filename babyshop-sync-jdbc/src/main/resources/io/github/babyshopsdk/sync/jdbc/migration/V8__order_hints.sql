-- Order hints (issue 13): order numbers an order notification or the host named, for the orders flow to fetch
-- (OrderHint). One row per store and order number. pending is TRUE while dropped_at_us is NULL (the store writes
-- both with every save): the due hints are a range read of order_hint_due_idx (pending, by due time, then order
-- number) and the hints to prune a range read of order_hint_dropped_idx (dropped, by drop time, then order
-- number), so neither reads every hint.
CREATE TABLE ${prefix}order_hint (
    store_id           VARCHAR(100) NOT NULL,
    order_no           VARCHAR(512) NOT NULL,
    first_hinted_at_us BIGINT       NOT NULL,
    last_hinted_at_us  BIGINT       NOT NULL,
    times_hinted       INTEGER      NOT NULL,
    attempts           INTEGER      NOT NULL,
    due_at_us          BIGINT       NOT NULL,
    dropped_at_us      BIGINT,
    reason             VARCHAR,
    pending            BOOLEAN      NOT NULL,
    CONSTRAINT ${prefix}order_hint_pk PRIMARY KEY (store_id, order_no)
);
CREATE INDEX ${prefix}order_hint_due_idx ON ${prefix}order_hint (store_id, pending, due_at_us, order_no);
CREATE INDEX ${prefix}order_hint_dropped_idx ON ${prefix}order_hint (store_id, pending, dropped_at_us, order_no);
