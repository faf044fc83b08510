-- Who enters an experiment (coverage, targeting by request attributes) and how many days before
-- each user's first exposure CUPED looks back on the results page (0 = off).
ALTER TABLE experiments ADD COLUMN coverage DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (coverage > 0 AND coverage <= 1);
ALTER TABLE experiments ADD COLUMN targeting JSONB NOT NULL DEFAULT '{}'::jsonb;  -- {"attribute": ["allowed value", …]}
ALTER TABLE experiments ADD COLUMN pre_period_days INT NOT NULL DEFAULT 14 CHECK (pre_period_days BETWEEN 0 AND 90);
