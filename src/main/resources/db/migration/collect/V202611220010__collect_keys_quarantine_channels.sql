-- Event collection: write keys, quarantined events, channel names and classification rules.

-- Write keys identify a workspace to the tracking API. They are not secrets (they sit in every
-- tracked page's source, as Segment's do), so they are stored as they are and shown in the UI.
CREATE TABLE collect_write_keys (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT      NOT NULL REFERENCES workspaces (id),
    name         TEXT        NOT NULL,
    write_key    TEXT        NOT NULL UNIQUE,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    rotated_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX collect_write_keys_workspace ON collect_write_keys (workspace_id);

-- Invalid events as sent, with the reason; (log_id, log_position, batch_index) makes moving
-- them here from the collect log idempotent.
CREATE TABLE collect_quarantine (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT      NOT NULL,
    log_id       TEXT        NOT NULL,
    log_position BIGINT      NOT NULL,
    batch_index  INT         NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    reason       TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    UNIQUE (log_id, log_position, batch_index)
);
CREATE INDEX collect_quarantine_workspace_at ON collect_quarantine (workspace_id, received_at DESC);

-- Channels a workspace added or renamed (the defaults live in code).
CREATE TABLE collect_channels (
    workspace_id BIGINT      NOT NULL REFERENCES workspaces (id),
    channel_id   TEXT        NOT NULL,
    name_en      TEXT        NOT NULL,
    name_zh      TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, channel_id)
);

-- A workspace's own classification rules; a row in collect_channel_rulesets means it replaced the defaults.
CREATE TABLE collect_channel_rulesets (
    workspace_id BIGINT      PRIMARY KEY REFERENCES workspaces (id),
    updated_by   TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE collect_channel_rules (
    workspace_id     BIGINT NOT NULL REFERENCES workspaces (id),
    position         INT    NOT NULL,
    channel_id       TEXT   NOT NULL,
    source_pattern   TEXT,
    medium_pattern   TEXT,
    referrer_pattern TEXT,
    PRIMARY KEY (workspace_id, position)
);
