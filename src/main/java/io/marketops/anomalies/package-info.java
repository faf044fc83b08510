/**
 * Anomaly detection and root cause: watches the core catalog metrics (and a workspace's custom
 * metrics), flags what is abnormal against a seasonality- and calendar-aware expectation, names
 * the dimension values that explain it and announces {@link io.marketops.anomalies.AnomaliesDetected}.
 * Offers {@link io.marketops.anomalies.Anomalies}. Uses: metrics, workspace, runtime, core.
 */
package io.marketops.anomalies;
