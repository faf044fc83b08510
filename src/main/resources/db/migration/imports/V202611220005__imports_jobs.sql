-- Import jobs, saved column mappings, and customers' PII (encrypted) with their consents.
CREATE TABLE imports_jobs (
    id                  VARCHAR(36)  PRIMARY KEY,
    workspace_id        BIGINT       NOT NULL,
    kind                VARCHAR(32)  NOT NULL,
    file_name           TEXT         NOT NULL,
    file_size           BIGINT       NOT NULL,
    format              VARCHAR(8),
    encoding            VARCHAR(32),
    header_row          BIGINT       NOT NULL DEFAULT 1,
    source              TEXT,
    mapping             TEXT,                 -- JSON: the mapping applied (header -> field, defaults, zone)
    status              VARCHAR(16)  NOT NULL, -- draft, queued, running, merging, done, failed
    stage               VARCHAR(16),          -- reading, counting, applying
    progress            REAL         NOT NULL DEFAULT 0,
    rows_read           BIGINT       NOT NULL DEFAULT 0,
    imported            BIGINT       NOT NULL DEFAULT 0,
    updated             BIGINT       NOT NULL DEFAULT 0,
    rejected            BIGINT       NOT NULL DEFAULT 0,
    skipped             BIGINT       NOT NULL DEFAULT 0,
    other_currency_rows BIGINT       NOT NULL DEFAULT 0,
    rejections          TEXT,                 -- JSON: the first rejections; all of them are in the job's file
    error               TEXT,
    work_dir            TEXT         NOT NULL, -- the source and staging files; resumed only by the server owning it
    attempts            INT          NOT NULL DEFAULT 0,
    created_by          TEXT         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at          TIMESTAMPTZ,
    finished_at         TIMESTAMPTZ
);
CREATE INDEX imports_jobs_workspace ON imports_jobs (workspace_id, created_at DESC);
CREATE INDEX imports_jobs_unfinished ON imports_jobs (status) WHERE status IN ('queued', 'running', 'merging');

CREATE TABLE imports_mappings (
    workspace_id     BIGINT      NOT NULL,
    kind             VARCHAR(32) NOT NULL,
    source           TEXT        NOT NULL,
    mapping          TEXT        NOT NULL,    -- JSON ColumnMapping
    header_signature TEXT        NOT NULL,    -- normalised headers, to recognise the next file from the same source
    updated_by       TEXT        NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, kind, source)
);

-- PII never goes to the warehouse. Values are AES-GCM ciphertexts (key in the data directory).
CREATE TABLE imports_customer_pii (
    workspace_id BIGINT      NOT NULL,
    customer_id  TEXT        NOT NULL,
    name_enc     TEXT,
    phone_enc    TEXT,
    email_enc    TEXT,
    openid_enc   TEXT,
    unionid_enc  TEXT,
    traits       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    import_id    VARCHAR(36),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, customer_id)
);

-- One consent decision per customer and channel (sms, email, wechat, phone); no row = never asked.
CREATE TABLE imports_customer_consents (
    workspace_id BIGINT      NOT NULL,
    customer_id  TEXT        NOT NULL,
    channel      VARCHAR(16) NOT NULL,
    granted      BOOLEAN     NOT NULL,
    source       TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, customer_id, channel)
);
