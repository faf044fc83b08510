-- Anomalies module: what detection found (one row per metric, local day and slice), each
-- workspace's sensitivity settings, and the runs (scheduled or on demand) with their outcome.
CREATE TABLE anomalies (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id    BIGINT           NOT NULL REFERENCES workspaces (id),
    metric          TEXT             NOT NULL,
    day             DATE             NOT NULL, -- local day in the workspace time zone
    dimension_name  TEXT,                      -- null for the metric's total
    dimension_value TEXT,
    expected        DOUBLE PRECISION NOT NULL,
    actual          DOUBLE PRECISION NOT NULL,
    lower_bound     DOUBLE PRECISION NOT NULL,
    upper_bound     DOUBLE PRECISION NOT NULL,
    change          DOUBLE PRECISION NOT NULL, -- actual / expected - 1
    score           DOUBLE PRECISION NOT NULL, -- signed robust standard deviations
    severity        TEXT             NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    method          TEXT             NOT NULL, -- level, share or peers
    known_day       TEXT,                      -- holiday or peak the day belongs to
    causes          TEXT             NOT NULL, -- JSON list of {dimension, value, explains, change}
    split           TEXT,                      -- JSON ratio split (numerator/denominator, mix/rate) or null
    explanation_en  TEXT             NOT NULL,
    explanation_zh  TEXT             NOT NULL,
    detected_at     TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX anomalies_one_per_slice ON anomalies (workspace_id, metric, day, coalesce(dimension_name, ''), coalesce(dimension_value, ''));
CREATE INDEX anomalies_workspace_day ON anomalies (workspace_id, day);

CREATE TABLE anomaly_settings (
    workspace_id BIGINT      PRIMARY KEY REFERENCES workspaces (id),
    sensitivity  TEXT        NOT NULL CHECK (sensitivity IN ('low', 'medium', 'high')),
    min_volume   INTEGER     NOT NULL CHECK (min_volume >= 0),
    updated_by   TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE anomaly_runs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT      NOT NULL REFERENCES workspaces (id),
    range_from   DATE        NOT NULL,
    range_to     DATE        NOT NULL,
    trigger      TEXT        NOT NULL CHECK (trigger IN ('schedule', 'request')),
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ,
    found        INTEGER,
    error        TEXT
);
CREATE INDEX anomaly_runs_workspace ON anomaly_runs (workspace_id, started_at DESC);
