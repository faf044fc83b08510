/**
 * Experiments: the registry (hypothesis, variants and weights, metrics, owner, lifecycle
 * draft → running → stopped → decided), deterministic assignment with recorded exposures, and
 * the statistics engine ({@code stats}) that matches GrowthBook's gbstats. Offers
 * {@link io.marketops.experiments.Experiments}, {@link io.marketops.experiments.Assignments}
 * and the {@code stats} named interface. Uses: metrics (catalog ids), warehouse, workspace, core.
 */
package io.marketops.experiments;
