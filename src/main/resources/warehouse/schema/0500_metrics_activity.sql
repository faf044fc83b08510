-- The metrics engine's daily activity rollup (owned by metrics, derived from events, rebuilt from
-- them at any time): one row per workspace, local day of the workspace time zone, person keys as
-- sent (user id, anonymous id: stitching is applied when reading, as on events) and the main
-- event dimensions, with how many events of each kind that group had. UV, PV and DAU/WAU/MAU by
-- day and these dimensions read it instead of every event.
CREATE TABLE IF NOT EXISTS metrics_activity (
    workspace_id BIGINT NOT NULL,
    day          DATE NOT NULL,
    user_id      VARCHAR,
    anonymous_id VARCHAR,
    channel      VARCHAR,
    utm_campaign VARCHAR,
    utm_content  VARCHAR,
    utm_source   VARCHAR,
    utm_medium   VARCHAR,
    device       VARCHAR,
    region       VARCHAR,
    city         VARCHAR,
    platform     VARCHAR,
    os           VARCHAR,
    browser      VARCHAR,
    views        BIGINT NOT NULL, -- page + screen events
    active       BIGINT NOT NULL, -- track + page + screen events
    events       BIGINT NOT NULL  -- all events, of any type
);

-- Which local days the rollup holds, in which zone, and how many events each day had when it was
-- built: a day whose count in events differs (or that is missing) is rebuilt before it is read.
CREATE TABLE IF NOT EXISTS metrics_activity_days (
    workspace_id BIGINT NOT NULL,
    day          DATE NOT NULL,
    zone         VARCHAR NOT NULL,
    events       BIGINT NOT NULL,
    built_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, day)
);
