-- Identity stitching shared with live collection: one row per anonymousId ↔ userId link seen
-- in identify/alias calls. Metrics resolve a person as the stitched user when known, else the
-- event's userId, else its anonymousId (metrics EventScope). Collection fills it; metrics read it.
CREATE TABLE IF NOT EXISTS identities (
    workspace_id BIGINT      NOT NULL,
    anonymous_id VARCHAR     NOT NULL,
    user_id      VARCHAR     NOT NULL,
    first_seen   TIMESTAMPTZ NOT NULL
);
