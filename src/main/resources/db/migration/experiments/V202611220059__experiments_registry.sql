-- The experiment registry: design, lifecycle, decision; variants and metrics in their own rows.
CREATE TABLE experiments (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id    BIGINT      NOT NULL REFERENCES workspaces (id),
    key             TEXT        NOT NULL,
    name            TEXT        NOT NULL,
    hypothesis      TEXT        NOT NULL,
    owner           TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'RUNNING', 'STOPPED', 'DECIDED')),
    primary_metric  TEXT        NOT NULL,
    started_at      TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ,
    decision        TEXT CHECK (decision IN ('SHIP', 'ROLLBACK', 'INCONCLUSIVE')),
    shipped_variant TEXT,
    decision_reason TEXT,
    decided_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, key)
);

CREATE TABLE experiment_variants (
    experiment_id BIGINT           NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    position      INT              NOT NULL,
    key           TEXT             NOT NULL,
    name          TEXT             NOT NULL,
    weight        DOUBLE PRECISION NOT NULL CHECK (weight >= 0),
    PRIMARY KEY (experiment_id, position),
    UNIQUE (experiment_id, key)
);

-- secondary and guardrail metrics; the primary metric is on experiments
CREATE TABLE experiment_metrics (
    experiment_id BIGINT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    role          TEXT   NOT NULL CHECK (role IN ('SECONDARY', 'GUARDRAIL')),
    position      INT    NOT NULL,
    metric_id     TEXT   NOT NULL,
    PRIMARY KEY (experiment_id, role, position)
);

-- One row per user and experiment: the first exposure; later ones are the same exposure.
CREATE TABLE experiment_exposures (
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    workspace_id     BIGINT      NOT NULL,
    experiment_id    BIGINT      NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    user_id          TEXT        NOT NULL,
    variant_key      TEXT        NOT NULL,
    first_exposed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    warehoused       BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (experiment_id, user_id)
);
CREATE INDEX experiment_exposures_to_warehouse ON experiment_exposures (id) WHERE NOT warehoused;
CREATE INDEX experiment_exposures_by_variant ON experiment_exposures (experiment_id, variant_key);
