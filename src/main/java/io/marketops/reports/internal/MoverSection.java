package io.marketops.reports.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Filter;
import io.marketops.metrics.Metric;
import io.marketops.metrics.MetricCatalog;
import io.marketops.metrics.MetricQueries;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricQuery.Comparison;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.MetricResult;
import io.marketops.reports.internal.ReportContent.Mover;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Top movers: per breakdown, the dimension values whose metric changed most against the previous period (by absolute
 * difference), for the report's first count and money metrics that the breakdown applies to. Ratios are left out:
 * their differences across values of different size do not rank meaningfully.
 */
final class MoverSection {
    /** Count and money metrics ranked per breakdown, taken in the report's order. */
    static final int METRICS_PER_BREAKDOWN = 3;
    /** Where a mover's change "mainly comes from" is looked for, in this order. */
    static final List<String> DRIVER_DIMENSIONS = List.of("campaign", "content", "channel", "platform");
    private static final Comparator<Mover> BY_SIZE = Comparator.<Mover, BigDecimal>comparing(m -> m.delta().abs()).reversed()
            .thenComparing(Mover::dimensionValue, Comparator.nullsLast(Comparator.naturalOrder()));

    private MoverSection() {
    }

    /** The movers of one breakdown (empty when none of the report's count or money metrics applies to it). */
    static List<Mover> movers(MetricQueries queries, MetricCatalog catalog, WorkspaceId ws, List<Metric> metrics, String dim,
                              Period p, int perMetric, Locale locale) {
        List<Metric> ms = metrics.stream().filter(m -> additive(m) && catalog.breakdowns(ws, m.id()).contains(dim))
                .limit(METRICS_PER_BREAKDOWN).toList();
        if (ms.isEmpty()) return List.of();
        MetricResult r = queries.run(ws, new MetricQuery(ms.stream().map(Metric::id).toList(), p.from(), p.to(), Granularity.TOTAL,
                List.of(dim), List.of(), Comparison.PREVIOUS_PERIOD));
        List<Mover> out = new ArrayList<>();
        for (Metric m : ms) out.addAll(ranked(r, dim, m, locale).stream().limit(perMetric).toList());
        return out;
    }

    static boolean additive(Metric m) {
        return "count".equals(m.unit()) || "currency".equals(m.unit());
    }

    private static List<Mover> ranked(MetricResult r, String dim, Metric m, Locale locale) {
        List<Mover> all = new ArrayList<>();
        for (MetricResult.Row row : r.rows()) {
            BigDecimal value = Numbers.dec(row.value(m.id()));
            MetricResult.Change c = row.compare().get(m.id());
            BigDecimal previous = Numbers.dec(c.value());
            if (value == null || previous == null || value.compareTo(previous) == 0) continue;
            all.add(new Mover(dim, row.dimensions().get(dim), m.id(), m.name(locale), m.unit(), value, previous, value.subtract(previous), c.change()));
        }
        all.sort(BY_SIZE);
        return all;
    }

    /**
     * Where a mover's change mainly comes from: within the mover's value (e.g. channel douyin), the value of the next
     * breakdown (campaign, else content …) that moved most in the same direction. Empty when none did.
     */
    static Optional<Mover> driver(MetricQueries queries, MetricCatalog catalog, WorkspaceId ws, Metric metric, Mover top, Period p, Locale locale) {
        List<String> allowed = catalog.breakdowns(ws, metric.id());
        Optional<String> sub = DRIVER_DIMENSIONS.stream().filter(d -> !d.equals(top.dimension()) && allowed.contains(d)).findFirst();
        if (sub.isEmpty()) return Optional.empty();
        Filter only = top.dimensionValue() == null ? new Filter(top.dimension(), "is_not_set", List.of())
                : Filter.eq(top.dimension(), top.dimensionValue());
        MetricResult r = queries.run(ws, new MetricQuery(List.of(metric.id()), p.from(), p.to(), Granularity.TOTAL, List.of(sub.get()),
                List.of(only), Comparison.PREVIOUS_PERIOD));
        return ranked(r, sub.get(), metric, locale).stream().filter(m -> m.delta().signum() == top.delta().signum()).findFirst();
    }
}
