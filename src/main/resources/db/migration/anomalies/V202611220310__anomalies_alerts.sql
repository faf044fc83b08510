-- Anomalies module: whether a workspace sends new high-severity anomalies to its report recipients
-- (null while the workspace has not chosen: the configured default marketops.anomalies.alerts applies).
ALTER TABLE anomaly_settings ADD COLUMN alerts BOOLEAN;
