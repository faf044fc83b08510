-- Reports module: report definitions per workspace, the archive of built runs, the delivery log
-- (one row per run × recipient, retried with backoff) and each workspace's SMTP settings.
CREATE TABLE reports_definitions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT      NOT NULL REFERENCES workspaces (id),
    name         TEXT        NOT NULL,
    frequency    TEXT        NOT NULL,          -- daily | weekly | monthly
    metrics      TEXT        NOT NULL,          -- JSON array of catalog metric ids, KPI table order
    breakdowns   TEXT        NOT NULL,          -- JSON array: channel, campaign, content, platform
    targets      TEXT        NOT NULL,          -- JSON object metric id → target for one period
    emails       TEXT        NOT NULL,          -- JSON array of e-mail addresses
    robots       TEXT        NOT NULL,          -- JSON array of {"kind","url","secret"}
    schedule     TEXT        NOT NULL,          -- 5-field cron in the workspace time zone
    language     TEXT        NOT NULL,          -- zh-CN | en
    enabled      BOOLEAN     NOT NULL DEFAULT true,
    next_run_at  TIMESTAMPTZ,                   -- next scheduled build (UTC); null when disabled
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX reports_definitions_workspace ON reports_definitions (workspace_id);
CREATE INDEX reports_definitions_due ON reports_definitions (next_run_at) WHERE enabled;

CREATE TABLE reports_runs (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id  BIGINT      NOT NULL REFERENCES workspaces (id),
    definition_id BIGINT      NOT NULL REFERENCES reports_definitions (id) ON DELETE CASCADE,
    period_from   DATE        NOT NULL,
    period_to     DATE        NOT NULL,
    status        TEXT        NOT NULL,         -- building | done | failed
    trigger       TEXT        NOT NULL,         -- manual | schedule
    content       TEXT,                         -- JSON of the built report: what every rendering shows
    error         TEXT,
    build_millis  BIGINT,
    requested_by  TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ
);
CREATE INDEX reports_runs_definition ON reports_runs (workspace_id, definition_id, created_at DESC);

CREATE TABLE reports_deliveries (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id    BIGINT      NOT NULL REFERENCES workspaces (id),
    run_id          BIGINT      NOT NULL REFERENCES reports_runs (id) ON DELETE CASCADE,
    channel         TEXT        NOT NULL,       -- email | wecom | dingtalk | feishu
    target          TEXT        NOT NULL,       -- address, or webhook URL
    secret          TEXT,                       -- robot signing secret (DingTalk, Feishu)
    status          TEXT        NOT NULL,       -- pending | sent | failed
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    requested_by    TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ
);
CREATE INDEX reports_deliveries_workspace ON reports_deliveries (workspace_id, created_at DESC);
CREATE INDEX reports_deliveries_due ON reports_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE reports_mail_settings (
    workspace_id BIGINT      PRIMARY KEY REFERENCES workspaces (id),
    host         TEXT        NOT NULL,
    port         INT         NOT NULL,
    username     TEXT,
    password     TEXT,
    from_address TEXT        NOT NULL,
    starttls     BOOLEAN     NOT NULL DEFAULT true,
    ssl          BOOLEAN     NOT NULL DEFAULT false,
    updated_by   TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
