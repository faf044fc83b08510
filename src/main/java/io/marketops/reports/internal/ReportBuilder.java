package io.marketops.reports.internal;

import io.marketops.anomalies.Anomalies;
import io.marketops.core.InvalidRequest;
import io.marketops.metrics.Metric;
import io.marketops.metrics.MetricCatalog;
import io.marketops.metrics.MetricQueries;
import io.marketops.reports.internal.ReportContent.Mover;
import io.marketops.workspace.Workspace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a report's content for a period. Every number comes from {@link MetricQueries} (one definition of every
 * number); this class only chooses the queries, ranks and words the results.
 */
@Component
class ReportBuilder {
    private final MetricQueries queries;
    private final MetricCatalog catalog;
    private final ObjectProvider<Anomalies> anomalies;
    private final MessageSource messages;
    private final ReportsProperties properties;

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
        for (int k = 0; k < d.metrics().size(); k++) {
            String id = d.metrics().get(k);
            metrics.add(catalog.find(w.id(), id).orElseThrow(() -> new InvalidRequest("metrics",
                    "the report names metric '" + id + "', which no longer exists in this workspace; edit the report")));
        }
        var kpis = KpiSection.kpis(queries, w.id(), metrics, p, d.targets(), t.locale());
        var trends = KpiSection.trends(queries, w.id(), metrics, KpiSection.trendWindow(d.frequency(), p), t.locale());
        List<Mover> movers = MoverSection.movers(queries, catalog, w.id(), metrics, d.breakdowns(), p, properties.moversPerMetric(), t.locale());
        Optional<Mover> driver = Narrative.lead(movers).flatMap(top -> MoverSection.driver(queries, catalog, w.id(),
                metrics.stream().filter(m -> m.id().equals(top.metric())).findFirst().orElseThrow(), top, p, t.locale()));
        var channels = ChannelSection.rows(queries, w.id(), p);
        var total = ChannelSection.total(queries, w.id(), p);
        var anomalySection = AnomalyReading.read(anomalies, catalog, w.id(), p, t.locale());
        List<String> narrative = Narrative.write(new Narrative.Input(d.frequency().id(), p.from(), p.to(), kpis.rows(), movers, driver,
                channels, anomalySection), t);
        String title = t.get("title." + d.frequency().id(), d.name());
        return new ReportContent(d.id(), title, w.name(), d.frequency().id(), d.language(), w.currency(), w.timezone().getId(),
                p.from(), p.to(), kpis.previous().compareFrom(), kpis.previous().compareTo(), kpis.yearAgo().compareFrom(), kpis.yearAgo().compareTo(),
                now, kpis.rows(), trends, movers, anomalySection, channels, total, narrative);
    }
}
