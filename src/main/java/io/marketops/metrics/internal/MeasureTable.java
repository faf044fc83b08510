package io.marketops.metrics.internal;

import io.marketops.metrics.MetricResult;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measure values keyed by (period, dimension values…), merged across sources. A measure a source
 * returned no row for is 0 (no facts), so formulas see zeros, not gaps.
 */
final class MeasureTable {
    private final QueryScope scope;
    private final Map<List<Object>, Map<String, BigDecimal>> rows = new LinkedHashMap<>();

    MeasureTable(QueryScope scope) {
        this.scope = scope;
        if (scope.dims().isEmpty()) {
            for (LocalDate p : scope.buckets()) rows.put(List.of(p), new LinkedHashMap<>());
        }
    }

    QueryScope scope() {
        return scope;
    }

    int size() {
        return rows.size();
    }

    void put(List<Object> key, Map<String, BigDecimal> values) {
        rows.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(values);
    }

    static BigDecimal decimal(Object o) {
        if (o == null) return BigDecimal.ZERO;
        if (o instanceof BigDecimal b) return b;
        if (o instanceof BigInteger b) return new BigDecimal(b);
        if (o instanceof Double d) return BigDecimal.valueOf(d);
        if (o instanceof Float f) return BigDecimal.valueOf(f.doubleValue());
        if (o instanceof Number n) return BigDecimal.valueOf(n.longValue());
        return new BigDecimal(o.toString());
    }

    /** Rows sorted by period, then dimension values (missing values last); cohort metrics not yet observable are null. */
    List<MetricResult.Row> rows(List<MetricDefinition> defs, LocalDate today) {
        List<MetricResult.Row> out = new ArrayList<>();
        for (var e : rows.entrySet()) {
            LocalDate period = (LocalDate) e.getKey().get(0);
            Map<String, String> dims = new LinkedHashMap<>();
            for (int k = 0; k < scope.dims().size(); k++) dims.put(scope.dims().get(k), (String) e.getKey().get(k + 1));
            Map<String, BigDecimal> m = e.getValue();
            Map<String, Number> values = new LinkedHashMap<>();
            for (MetricDefinition d : defs) {
                boolean complete = d.observeDays() == 0 || scope.bucketEnd(period).plusDays(d.observeDays()).isBefore(today);
                values.put(d.metric().id(), complete ? d.value(id -> m.getOrDefault(id, BigDecimal.ZERO)) : null);
            }
            out.add(new MetricResult.Row(period.toString(), dims, values, null));
        }
        Comparator<MetricResult.Row> order = Comparator.comparing(MetricResult.Row::period);
        for (String dim : scope.dims()) {
            order = order.thenComparing(r -> r.dimensions().get(dim), Comparator.nullsLast(Comparator.naturalOrder()));
        }
        out.sort(order);
        return out;
    }
}
