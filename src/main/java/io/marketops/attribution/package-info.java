/**
 * Multi-touch attribution: which channels earned the conversions. Owns the models (first touch,
 * last touch, last non-direct, linear, time decay, position based, Markov chain of order 1–3 with
 * exact removal effects, Shapley values) and the conversion paths built from warehouse events,
 * joined with ad cost into CPA, ROAS and ROI. Offers {@link io.marketops.attribution.Attribution}
 * and its records. Uses: warehouse (events, identities, ad_costs), workspace (caller, audit log), core.
 */
package io.marketops.attribution;
