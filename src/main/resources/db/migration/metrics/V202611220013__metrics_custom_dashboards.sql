-- Metrics module: a workspace's custom metrics, dashboards with saved charts, read-only share
-- links, and saved groups of people (e.g. who dropped off at a funnel step).
CREATE TABLE metrics_custom_metrics (
    workspace_id BIGINT      NOT NULL REFERENCES workspaces (id),
    id           TEXT        NOT NULL,
    name_en      TEXT        NOT NULL,
    name_zh      TEXT        NOT NULL,
    description  TEXT,
    unit         TEXT        NOT NULL,
    direction    TEXT        NOT NULL,
    definition   TEXT        NOT NULL, -- JSON: {"numerator":{…},"denominator":{…}|null}
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE metrics_dashboards (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT      NOT NULL REFERENCES workspaces (id),
    name         TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX metrics_dashboards_workspace ON metrics_dashboards (workspace_id);

CREATE TABLE metrics_charts (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT      NOT NULL REFERENCES workspaces (id),
    dashboard_id BIGINT      NOT NULL REFERENCES metrics_dashboards (id) ON DELETE CASCADE,
    title        TEXT        NOT NULL,
    kind         TEXT        NOT NULL, -- metrics, funnel, retention, paths
    chart_type   TEXT        NOT NULL, -- line, bar, table, funnel, sankey, heatmap
    query        TEXT        NOT NULL, -- the request body as JSON; relative ranges via "lastDays"
    position     INT         NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX metrics_charts_dashboard ON metrics_charts (dashboard_id, position);

CREATE TABLE metrics_share_links (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT      NOT NULL REFERENCES workspaces (id),
    dashboard_id BIGINT      NOT NULL REFERENCES metrics_dashboards (id) ON DELETE CASCADE,
    token_hash   TEXT        NOT NULL UNIQUE, -- SHA-256 of the token; the token itself is shown once
    prefix       TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX metrics_share_links_dashboard ON metrics_share_links (dashboard_id);

CREATE TABLE metrics_cohorts (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id BIGINT      NOT NULL REFERENCES workspaces (id),
    name         TEXT        NOT NULL,
    origin       TEXT        NOT NULL, -- what produced it, e.g. the funnel request and step as JSON
    size         INT         NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX metrics_cohorts_workspace ON metrics_cohorts (workspace_id);

CREATE TABLE metrics_cohort_members (
    cohort_id BIGINT NOT NULL REFERENCES metrics_cohorts (id) ON DELETE CASCADE,
    person    TEXT   NOT NULL,
    PRIMARY KEY (cohort_id, person)
);
