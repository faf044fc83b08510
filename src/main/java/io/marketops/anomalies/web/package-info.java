/** Anomalies API (detect, list, chart series, settings) and pages (alerts list, per-metric chart). */
package io.marketops.anomalies.web;
