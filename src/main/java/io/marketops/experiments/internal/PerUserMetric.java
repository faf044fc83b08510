package io.marketops.experiments.internal;

import io.marketops.experiments.stats.Analysis;

import java.util.Map;
import java.util.Optional;

/**
 * How a catalog metric is measured per exposed user, from the events the user produced after
 * first seeing the experiment (rows {@code c} of the candidate events). Fixed SQL only: the
 * metric id selects one of these expressions, nothing else reaches the query text.
 */
record PerUserMetric(String id, Analysis.MetricType type, String valueSql) {
    private static final String PURCHASE = "c.type = 'track' AND c.event = 'purchase'";
    private static final Map<String, PerUserMetric> KNOWN = Map.of(
            "orders", new PerUserMetric("orders", Analysis.MetricType.MEAN,
                    "count(DISTINCT CASE WHEN " + PURCHASE + " THEN coalesce(c.order_id, c.message_id) END)"),
            "gmv", new PerUserMetric("gmv", Analysis.MetricType.MEAN,
                    "coalesce(sum(CASE WHEN " + PURCHASE + " THEN c.revenue END), 0)"),
            "pv", new PerUserMetric("pv", Analysis.MetricType.MEAN,
                    "count(CASE WHEN c.type IN ('page', 'screen') THEN 1 END)"),
            "buyers", new PerUserMetric("buyers", Analysis.MetricType.BINOMIAL,
                    "CASE WHEN count(CASE WHEN " + PURCHASE + " THEN 1 END) > 0 THEN 1 ELSE 0 END"),
            "cvr", new PerUserMetric("cvr", Analysis.MetricType.BINOMIAL,
                    "CASE WHEN count(CASE WHEN " + PURCHASE + " THEN 1 END) > 0 THEN 1 ELSE 0 END"));

    static Optional<PerUserMetric> of(String metricId) {
        return Optional.ofNullable(KNOWN.get(metricId));
    }

    static java.util.List<String> ids() {
        return KNOWN.keySet().stream().sorted().toList();
    }
}
