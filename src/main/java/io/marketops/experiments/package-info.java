/**
 * Experiments: the registry (hypothesis, variants and weights, metrics, owner, lifecycle
 * draft → running → stopped → decided), deterministic assignment with recorded exposures,
 * results per exposed user from the warehouse, the plain-language {@link io.marketops.experiments.DecisionGuide},
 * and the statistics engine ({@code stats} named interface) that matches GrowthBook's gbstats.
 * Offers {@link io.marketops.experiments.Experiments}, {@link io.marketops.experiments.Assignments},
 * {@link io.marketops.experiments.ExperimentResults}, {@link io.marketops.experiments.Bucketing} and
 * {@link io.marketops.experiments.Targeting} and the events in {@link io.marketops.experiments.ExperimentEvents}.
 * Uses: metrics (catalog ids and directions), warehouse (exposure events, per-person results with
 * CUPED pre-periods, through collection's {@code event_people} view and {@code identities} table),
 * workspace (caller; the API security chain applies this module's CORS mapping for the
 * assignment endpoint), core.
 */
package io.marketops.experiments;
