package io.marketops.reports.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.MetricQueries;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricQuery.Comparison;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.MetricResult;
import io.marketops.reports.internal.ReportContent.ChannelRoi;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** The channel ROI table: ad cost, GMV, orders, ROAS and ROI per channel (catalog metrics), biggest GMV first, and the total. */
final class ChannelSection {
    static final List<String> METRICS = List.of("cost", "gmv", "orders", "roas", "roi");

    private ChannelSection() {
    }

    static List<ChannelRoi> rows(MetricQueries queries, WorkspaceId ws, Period p) {
        MetricResult r = queries.run(ws, new MetricQuery(METRICS, p.from(), p.to(), Granularity.TOTAL, List.of("channel"), List.of(), Comparison.NONE));
        return r.rows().stream().map(row -> roi(row.dimensions().get("channel"), row))
                .filter(c -> nonZero(c.cost()) || nonZero(c.gmv()))
                .sorted(Comparator.comparing(ChannelRoi::gmv, Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder())).reversed()
                        .thenComparing(ChannelRoi::channel, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** The all-channel row, read from the KPI query's result (which carries these metrics too). */
    static ChannelRoi total(MetricResult kpis) {
        return roi(null, kpis.rows().get(0));
    }

    private static ChannelRoi roi(String channel, MetricResult.Row row) {
        return new ChannelRoi(channel, Numbers.dec(row.value("cost")), Numbers.dec(row.value("gmv")), Numbers.dec(row.value("orders")),
                Numbers.dec(row.value("roas")), Numbers.dec(row.value("roi")));
    }

    private static boolean nonZero(BigDecimal v) {
        return v != null && v.signum() != 0;
    }
}
