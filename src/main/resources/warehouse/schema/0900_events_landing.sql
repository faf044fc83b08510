-- The landing zone of events (warehouse module, docs/modules/warehouse.md "Landing zone"): the native
-- table becomes events_stored, and events becomes a view, (re)defined at every start by the
-- warehouse, over events_stored and the landed Parquet files not yet absorbed into it.
ALTER TABLE events RENAME TO events_stored;

-- Landed files already moved into events_stored (in the same transaction that moved their rows), so the
-- view skips them until they are deleted.
CREATE TABLE IF NOT EXISTS events_absorbed (
    file        VARCHAR PRIMARY KEY,
    absorbed_at TIMESTAMPTZ NOT NULL
);
