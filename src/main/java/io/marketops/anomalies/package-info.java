/**
 * Anomaly detection and root cause: watches the core catalog metrics, flags what is abnormal
 * against a seasonality-aware expectation and names the dimension values that explain it.
 * Offers {@link io.marketops.anomalies.Anomalies}. Uses: metrics, warehouse, workspace, core.
 */
package io.marketops.anomalies;
