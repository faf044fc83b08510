package io.marketops.reports.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Metric;
import io.marketops.metrics.MetricQueries;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricQuery.Comparison;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.MetricResult;
import io.marketops.reports.internal.ReportContent.Kpi;
import io.marketops.reports.internal.ReportContent.Trend;
import io.marketops.reports.internal.ReportContent.TrendPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The KPI table (value, 环比, 同比, target, attainment) and the daily trends, all from {@link MetricQueries}. */
final class KpiSection {
    /** How many of the report's first metrics get a trend chart. */
    static final int TRENDS = 2;

    private KpiSection() {
    }

    record Kpis(List<Kpi> rows, MetricResult previous, MetricResult yearAgo) {
    }

    /**
     * The KPI query with its 环比 comparison; {@code extra} metrics (the channel ROI totals) ride along: measures are
     * computed once per query, so they cost almost nothing next to the report's own metrics.
     */
    static MetricQuery query(List<Metric> metrics, List<String> extra, Period p) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        metrics.forEach(m -> ids.add(m.id()));
        ids.addAll(extra);
        return new MetricQuery(List.copyOf(ids), p.from(), p.to(), Granularity.TOTAL, List.of(), List.of(), Comparison.PREVIOUS_PERIOD);
    }

    static Kpis kpis(MetricResult mom, MetricResult yoy, List<Metric> metrics, Map<String, BigDecimal> targets, Locale locale) {
        MetricResult.Row now = mom.rows().get(0), yearRow = yoy.rows().get(0);
        List<Kpi> rows = new ArrayList<>();
        for (Metric m : metrics) {
            BigDecimal value = Numbers.dec(now.value(m.id()));
            MetricResult.Change prev = now.compare().get(m.id()), year = yearRow.compare().get(m.id());
            BigDecimal target = targets.get(m.id());
            rows.add(new Kpi(m.id(), m.name(locale), m.unit(), m.direction().name().toLowerCase(), value, Numbers.dec(prev.value()), prev.change(),
                    Numbers.dec(year.value()), year.change(), target, attainment(value, target, m.direction())));
        }
        return new Kpis(rows, mom, yoy);
    }

    /** value ÷ target; for metrics where lower is better (cost, CPA) target ÷ value, so beating the target is above 100 %. */
    static Double attainment(BigDecimal value, BigDecimal target, Metric.Direction direction) {
        if (value == null || target == null || target.signum() == 0) return null;
        if (direction == Metric.Direction.DOWN) {
            return value.signum() == 0 ? null : target.divide(value, 6, RoundingMode.HALF_UP).doubleValue();
        }
        return value.divide(target, 6, RoundingMode.HALF_UP).doubleValue();
    }

    /** Daily values of the first metrics over the trend window, each day paired with the same position of the 环比 window. */
    static List<Trend> trends(MetricQueries queries, WorkspaceId ws, List<Metric> metrics, Period window, Locale locale) {
        List<Metric> first = metrics.subList(0, Math.min(TRENDS, metrics.size()));
        if (first.isEmpty()) return List.of();
        MetricQuery q = new MetricQuery(first.stream().map(Metric::id).toList(), window.from(), window.to(), Granularity.DAY,
                List.of(), List.of(), Comparison.PREVIOUS_PERIOD);
        MetricResult r = queries.run(ws, q);
        List<Trend> out = new ArrayList<>();
        for (Metric m : first) {
            List<TrendPoint> points = new ArrayList<>();
            for (MetricResult.Row row : r.rows()) {
                MetricResult.Change c = row.compare() == null ? null : row.compare().get(m.id());
                points.add(new TrendPoint(java.time.LocalDate.parse(row.period()), Numbers.dec(row.value(m.id())), c == null ? null : Numbers.dec(c.value())));
            }
            out.add(new Trend(m.id(), m.name(locale), m.unit(), points));
        }
        return out;
    }

    /** The days a report's trend shows: a daily report the 14 days up to its day, a weekly one its 4 weeks, else its own days. */
    static Period trendWindow(Frequency f, Period p) {
        return switch (f) {
            case DAILY -> p.days() == 1 ? new Period(p.to().minusDays(13), p.to()) : p;
            case WEEKLY -> p.days() == 7 ? new Period(p.to().minusDays(27), p.to()) : p;
            case MONTHLY -> p;
        };
    }
}
