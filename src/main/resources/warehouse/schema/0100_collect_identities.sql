-- Identity stitching (collect module): each alias id (an anonymous id, or an earlier user id
-- named by an alias call) and the user id it belongs to; the latest link wins.
CREATE TABLE IF NOT EXISTS identities (
    workspace_id BIGINT      NOT NULL,
    alias_id     VARCHAR     NOT NULL,
    user_id      VARCHAR     NOT NULL,
    source       VARCHAR     NOT NULL,  -- identify, alias or event (an event carrying both ids)
    first_seen   TIMESTAMPTZ NOT NULL,
    last_seen    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, alias_id)
);

-- Every event with the stitched person: the user id (or the user an earlier user id was
-- aliased to) when known, else the user its anonymous id was identified as, else the anonymous id.
CREATE OR REPLACE VIEW event_people AS
SELECT e.*, coalesce(iu.user_id, e.user_id, ia.user_id, e.anonymous_id) AS person_id
FROM events e
LEFT JOIN identities iu ON iu.workspace_id = e.workspace_id AND iu.alias_id = e.user_id
LEFT JOIN identities ia ON ia.workspace_id = e.workspace_id AND ia.alias_id = e.anonymous_id;
