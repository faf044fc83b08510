-- The demo workspace is generated once; this row says it was, with what seed and manifest.
CREATE TABLE demo_state (
    workspace_id BIGINT PRIMARY KEY REFERENCES workspaces (id),
    seed         BIGINT      NOT NULL,
    end_date     DATE        NOT NULL,
    manifest     TEXT        NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
