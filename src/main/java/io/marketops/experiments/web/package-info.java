/** Experiment API (registry, transitions, assignment, analysis, sample size) and the experiment pages. */
package io.marketops.experiments.web;
