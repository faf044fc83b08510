package io.marketops.metrics.internal;

import io.marketops.metrics.Metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/**
 * A metric with the measures it needs and the formula over them. A formula returns null when the
 * value is undefined (a ratio over zero).
 *
 * @param observeDays for cohort metrics: the days after a bucket's end that must have passed before its value is complete (else null)
 */
record MetricDefinition(Metric metric, List<Measure> measures, Function<Function<String, BigDecimal>, BigDecimal> formula, int observeDays) {

    MetricDefinition(Metric metric, List<Measure> measures, Function<Function<String, BigDecimal>, BigDecimal> formula) {
        this(metric, measures, formula, 0);
    }

    /** The value rounded for its unit: counts whole (averages to 2 places), money 2 places, ratios 6, seconds 1. */
    Number value(Function<String, BigDecimal> measures) {
        BigDecimal v = formula.apply(measures);
        if (v == null) return null;
        return switch (metric.unit()) {
            case "count" -> v.stripTrailingZeros().scale() <= 0 ? (Number) v.longValue() : v.setScale(2, RoundingMode.HALF_UP);
            case "currency" -> v.setScale(2, RoundingMode.HALF_UP);
            case "seconds" -> v.setScale(1, RoundingMode.HALF_UP);
            default -> v.setScale(6, RoundingMode.HALF_UP).doubleValue();
        };
    }

    static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        if (a == null || b == null || b.signum() == 0) return null;
        return a.divide(b, 10, RoundingMode.HALF_UP);
    }
}
