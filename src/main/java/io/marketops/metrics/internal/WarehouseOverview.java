package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.MetricQueries;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricQuery.Comparison;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.MetricResult;
import io.marketops.metrics.Overview;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The home dashboard from five metric queries run side by side: totals of the period, of the period before (环比) and of
 * the same days a year before (同比), the daily series and the channel table.
 */
@Service
class WarehouseOverview implements Overview {
    /** DuckDB parallelises each statement itself; four threads let the four small statements overlap. */
    private static final java.util.concurrent.Executor POOL = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "metrics-overview");
        t.setDaemon(true);
        return t;
    });
    private final MetricQueries queries;
    private final Workspaces workspaces;

    WarehouseOverview(MetricQueries queries, Workspaces workspaces) {
        this.queries = queries;
        this.workspaces = workspaces;
    }

    @Override
    public Summary summarize(WorkspaceId ws, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new InvalidRequest("to", "must not be before from");
        List<String> metrics = Arrays.asList(METRICS);
        LocalDate[] month = MetricEngine.compareRange(from, to, Comparison.PREVIOUS_PERIOD), year = MetricEngine.compareRange(from, to, Comparison.PREVIOUS_YEAR);
        var now = total(ws, metrics, from, to);
        var before = total(ws, metrics, month[0], month[1]);
        var lastYear = total(ws, metrics, year[0], year[1]);
        var daily = CompletableFuture.supplyAsync(() -> queries.run(ws, MetricQuery.of(metrics, from, to, Granularity.DAY)), POOL);
        var channels = CompletableFuture.supplyAsync(() -> queries.run(ws,
                MetricQuery.of(Arrays.asList(CHANNEL_METRICS), from, to, Granularity.TOTAL).withDimensions(List.of("channel"))), POOL);
        MetricResult.Row n = join(now).rows().get(0), b = join(before).rows().get(0), y = join(lastYear).rows().get(0);
        MetricResult d = join(daily), c = join(channels);
        List<Kpi> kpis = new ArrayList<>();
        for (String id : METRICS) {
            kpis.add(new Kpi(id, decimal(n.value(id)), decimal(b.value(id)), Comparisons.change(n.value(id), b.value(id)),
                    decimal(y.value(id)), Comparisons.change(n.value(id), y.value(id))));
        }
        List<Day> days = d.rows().stream().map(r -> new Day(LocalDate.parse(r.period()), decimals(r.values()))).toList();
        List<ChannelRow> table = new ArrayList<>(c.rows().stream().map(r -> new ChannelRow(r.dimensions().get("channel"), decimals(r.values()))).toList());
        table.sort(Comparator.comparing((ChannelRow r) -> r.values().get("gmv"), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.values().get("uv"), Comparator.nullsLast(Comparator.reverseOrder())));
        return new Summary(from, to, month[0], month[1], year[0], year[1], workspaces.get(ws).currency(), kpis, days, table);
    }

    private CompletableFuture<MetricResult> total(WorkspaceId ws, List<String> metrics, LocalDate from, LocalDate to) {
        return CompletableFuture.supplyAsync(() -> queries.run(ws, MetricQuery.of(metrics, from, to, Granularity.TOTAL)), POOL);
    }

    private static MetricResult join(CompletableFuture<MetricResult> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private static Map<String, BigDecimal> decimals(Map<String, Number> values) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, decimal(v)));
        return out;
    }

    static BigDecimal decimal(Number n) {
        if (n == null) return null;
        return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }
}
