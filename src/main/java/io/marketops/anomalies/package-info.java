/**
 * Anomaly detection and root cause: watches the core catalog metrics (and a workspace's custom
 * metrics) daily in the workspace time zone and on demand, flags what is abnormal against a
 * seasonality- and calendar-aware expectation (seasonal median baseline, backtested bands), names
 * the dimension values that explain it (Adtributor, ratio split) and stores it in PostgreSQL.
 * Offers {@link io.marketops.anomalies.Anomalies} and the event
 * {@link io.marketops.anomalies.AnomaliesDetected}, which carries the new high-severity anomalies
 * to alert about (the reports module delivers them). Uses: metrics, workspace, runtime, core.
 * User guide: docs/modules/anomalies.md.
 */
package io.marketops.anomalies;
