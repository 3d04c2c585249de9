-- A host application's own schema, migrated by the host's own Flyway (history: flyway_schema_history).
CREATE TABLE host_orders (
    id    VARCHAR(64) NOT NULL,
    total VARCHAR(32),
    CONSTRAINT host_orders_pk PRIMARY KEY (id)
);
