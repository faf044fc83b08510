package io.marketops.reports.internal;

import io.marketops.anomalies.Anomalies;
import io.marketops.core.InvalidRequest;
import io.marketops.metrics.Metric;
import io.marketops.metrics.MetricCatalog;
import io.marketops.metrics.MetricQueries;
import io.marketops.metrics.MetricQuery.Comparison;
import io.marketops.metrics.MetricResult;
import io.marketops.reports.internal.ReportContent.Mover;
import io.marketops.workspace.Workspace;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Builds a report's content for a period. Every number comes from {@link MetricQueries} (one definition of every
 * number); this class only chooses the queries, ranks and words the results. The independent queries (KPIs with 环比,
 * with 同比, trends, each breakdown's movers, channels, anomalies) run concurrently: DuckDB serves each on its own
 * connection, and a report's ~20 statements otherwise queue behind each other.
 */
@Component
class ReportBuilder implements DisposableBean {
    private final MetricQueries queries;
    private final MetricCatalog catalog;
    private final ObjectProvider<Anomalies> anomalies;
    private final MessageSource messages;
    private final ReportsProperties properties;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "report-builder");
        t.setDaemon(true);
        return t;
    });

    ReportBuilder(MetricQueries queries, MetricCatalog catalog, ObjectProvider<Anomalies> anomalies, MessageSource messages,
                  ReportsProperties properties) {
        this.queries = queries;
        this.catalog = catalog;
        this.anomalies = anomalies;
        this.messages = messages;
        this.properties = properties;
    }

    ReportContent build(ReportDefinition d, Workspace w, Period p, Instant now) {
        Texts t = new Texts(messages, d.language(), w.currency());
        List<Metric> metrics = new ArrayList<>();
        for (String id : d.metrics()) {
            metrics.add(catalog.find(w.id(), id).orElseThrow(() -> new InvalidRequest("metrics",
                    "the report names metric '" + id + "', which no longer exists in this workspace; edit the report")));
        }
        var kpiQuery = KpiSection.query(metrics, ChannelSection.METRICS, p);
        var mom = async(() -> queries.run(w.id(), kpiQuery));
        var yoy = async(() -> queries.run(w.id(), kpiQuery.withCompare(Comparison.PREVIOUS_YEAR)));
        var trends = async(() -> KpiSection.trends(queries, w.id(), metrics, KpiSection.trendWindow(d.frequency(), p), t.locale()));
        List<CompletableFuture<List<Mover>>> byBreakdown = d.breakdowns().stream()
                .map(dim -> async(() -> MoverSection.movers(queries, catalog, w.id(), metrics, dim, p, properties.moversPerMetric(), t.locale()))).toList();
        var channels = async(() -> ChannelSection.rows(queries, w.id(), p));
        var anomalySection = async(() -> AnomalyReading.read(anomalies, catalog, w.id(), p, t.locale()));

        List<Mover> movers = new ArrayList<>();
        byBreakdown.forEach(f -> movers.addAll(join(f)));
        Optional<Mover> driver = Narrative.lead(movers).flatMap(top -> MoverSection.driver(queries, catalog, w.id(),
                metrics.stream().filter(m -> m.id().equals(top.metric())).findFirst().orElseThrow(), top, p, t.locale()));
        MetricResult momResult = join(mom), yoyResult = join(yoy);
        var kpis = KpiSection.kpis(momResult, yoyResult, metrics, d.targets(), t.locale());
        List<ReportContent.ChannelRoi> channelRows = join(channels);
        ReportContent.AnomalySection anomalyResult = join(anomalySection);
        List<String> narrative = Narrative.write(new Narrative.Input(d.frequency().id(), p.from(), p.to(), kpis.rows(), movers, driver,
                channelRows, anomalyResult), t);
        return new ReportContent(d.id(), t.get("title." + d.frequency().id(), d.name()), w.name(), d.frequency().id(), d.language(),
                w.currency(), w.timezone().getId(), p.from(), p.to(), momResult.compareFrom(), momResult.compareTo(), yoyResult.compareFrom(),
                yoyResult.compareTo(), now, kpis.rows(), join(trends), movers, anomalyResult, channelRows, ChannelSection.total(momResult), narrative);
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }

    /** The result, or the query's own exception (an InvalidRequest keeps its field). */
    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
