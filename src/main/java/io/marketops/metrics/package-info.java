/**
 * The one definition of every number: the metric catalog and the queries that compute metrics
 * from warehouse facts in the workspace time zone. Offers {@link io.marketops.metrics.MetricCatalog}
 * and {@link io.marketops.metrics.Overview}. Uses: warehouse, workspace, core; collect (channel display names, identities).
 * Owns derived warehouse tables, rebuilt from {@code events} at any time: the daily activity rollup
 * ({@code metrics_activity}, {@code metrics_activity_days}) and, built with it, the step-event projection funnels
 * read ({@code metrics_step_events}, {@code metrics_person_keys}); see docs/modules/metrics.md.
 */
package io.marketops.metrics;
