-- Identity stitching, written by live collection (collect) and read by metrics: one row per
-- anonymousId → userId link seen in identify calls, alias calls (previousId → userId) and events
-- that carry both ids. A link is written once; when an anonymous id was linked to several users
-- the earliest link counts (so a shared device never fans out rows). Same shape as
-- 0300_metrics_identities.sql, which metrics wrote against; whichever runs first creates it.
CREATE TABLE IF NOT EXISTS identities (
    workspace_id BIGINT      NOT NULL,
    anonymous_id VARCHAR     NOT NULL,
    user_id      VARCHAR     NOT NULL,
    first_seen   TIMESTAMPTZ NOT NULL
);

-- Every event with the stitched person, resolved as metrics' EventScope does: the user the
-- event's anonymous id was first linked to, else the event's user id, else its anonymous id.
CREATE OR REPLACE VIEW event_people AS
SELECT e.*, coalesce(i.user_id, e.user_id, e.anonymous_id) AS person_id
FROM events e
LEFT JOIN (SELECT workspace_id, anonymous_id, arg_min(user_id, first_seen) AS user_id FROM identities GROUP BY ALL) i
       ON i.workspace_id = e.workspace_id AND i.anonymous_id = e.anonymous_id;
