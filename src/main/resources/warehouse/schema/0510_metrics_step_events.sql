-- The metrics engine's step-event projection (owned by metrics, derived from events, rebuilt with the daily
-- activity rollup, day by day and in the same transaction; see docs/modules/metrics.md): every event that has a
-- name, narrowed to what a funnel without step filters or breakdown reads. Person ids are kept as sent but as
-- integer keys (user id, anonymous id), so stitching is still applied when reading: identities are mapped to the
-- same keys by the reading statement.

-- One integer key per person id string of a workspace (user ids and anonymous ids share it: the same string is
-- the same key, as the same string is the same person when ids are compared as text). Keys only ever grow.
CREATE TABLE IF NOT EXISTS metrics_person_keys (
    workspace_id BIGINT NOT NULL,
    id           VARCHAR NOT NULL,
    key          BIGINT NOT NULL
);

-- One row per named event: local day of the workspace time zone (the rollup's day), event name, time and the
-- keys of its user id and anonymous id. Each rebuild writes its rows ordered by (hash(event), ts), so a funnel's
-- event and time filters skip the row groups of other events and times.
CREATE TABLE IF NOT EXISTS metrics_step_events (
    workspace_id  BIGINT NOT NULL,
    day           DATE NOT NULL,
    event         VARCHAR NOT NULL,
    ts            TIMESTAMPTZ NOT NULL,
    user_key      BIGINT,
    anonymous_key BIGINT
);

-- Days built before this table existed have no rows in it: forget them, so each is rebuilt (rollup and
-- projection together) when it is next read.
DELETE FROM metrics_activity_days;
