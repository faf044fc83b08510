/** Metric definitions and the SQL that computes them. */
package io.marketops.metrics.internal;
