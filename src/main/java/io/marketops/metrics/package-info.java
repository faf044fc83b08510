/**
 * The one definition of every number: the metric catalog and the queries that compute metrics
 * from warehouse facts in the workspace time zone. Offers {@link io.marketops.metrics.MetricCatalog}
 * and {@link io.marketops.metrics.Overview}. Uses: warehouse, workspace, core; collect (channel display names, identities).
 */
package io.marketops.metrics;
