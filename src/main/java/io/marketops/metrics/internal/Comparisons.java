package io.marketops.metrics.internal;

import io.marketops.metrics.MetricResult;
import io.marketops.metrics.MetricResult.Change;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each row with the comparison period's row of the same bucket position (the i-th day,
 * week or month of each range) and the same dimension values.
 */
final class Comparisons {
    private Comparisons() {
    }

    /** @param empty each metric's value over no facts (0 for counts and sums, null for ratios): the comparison of a row the earlier period lacks */
    static List<MetricResult.Row> attach(List<MetricResult.Row> rows, List<MetricResult.Row> before, List<LocalDate> buckets, List<LocalDate> prevBuckets,
                                         Map<String, Number> empty) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < buckets.size(); k++) index.put(buckets.get(k).toString(), k);
        Map<String, Integer> prevIndex = new HashMap<>();
        for (int k = 0; k < prevBuckets.size(); k++) prevIndex.put(prevBuckets.get(k).toString(), k);
        Map<List<Object>, MetricResult.Row> byKey = new HashMap<>();
        for (MetricResult.Row r : before) byKey.put(key(prevIndex.get(r.period()), r), r);
        List<MetricResult.Row> out = new ArrayList<>();
        for (MetricResult.Row r : rows) {
            MetricResult.Row p = byKey.get(key(index.get(r.period()), r));
            Map<String, Change> compare = new LinkedHashMap<>();
            for (var v : r.values().entrySet()) {
                Number prev = p == null ? empty.get(v.getKey()) : p.values().get(v.getKey());
                compare.put(v.getKey(), new Change(prev, change(v.getValue(), prev)));
            }
            out.add(new MetricResult.Row(r.period(), r.dimensions(), r.values(), compare));
        }
        return out;
    }

    private static List<Object> key(Integer bucket, MetricResult.Row r) {
        List<Object> k = new ArrayList<>();
        k.add(bucket);
        k.addAll(r.dimensions().values());
        return k;
    }

    /** (value − previous) / previous rounded to 6 places; null when either is missing or previous is 0. */
    static Double change(Number value, Number previous) {
        if (value == null || previous == null) return null;
        BigDecimal p = new BigDecimal(previous.toString()), v = new BigDecimal(value.toString());
        if (p.signum() == 0) return null;
        return v.subtract(p).divide(p.abs(), 6, RoundingMode.HALF_UP).doubleValue();
    }
}
