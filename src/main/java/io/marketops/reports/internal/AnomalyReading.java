package io.marketops.reports.internal;

import io.marketops.anomalies.Anomalies;
import io.marketops.anomalies.Anomaly;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.MetricCatalog;
import io.marketops.reports.internal.ReportContent.AnomalyItem;
import io.marketops.reports.internal.ReportContent.AnomalySection;
import org.springframework.beans.factory.ObjectProvider;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The anomalies section: what the anomalies module stored for the period (or, when it stored nothing yet, what it
 * detects now), most severe first. Without an anomalies module the section says detection is not available.
 */
final class AnomalyReading {
    static final int MAX_ITEMS = 10;
    private static final Map<String, Integer> SEVERITY = Map.of("high", 0, "medium", 1, "low", 2);

    private AnomalyReading() {
    }

    static AnomalySection read(ObjectProvider<Anomalies> provider, MetricCatalog catalog, WorkspaceId ws, Period p, Locale locale) {
        Anomalies anomalies = provider.getIfAvailable();
        if (anomalies == null) return new AnomalySection(false, List.of());
        List<Anomaly> found = anomalies.list(ws, p.from(), p.to(), null);
        if (found.isEmpty()) found = anomalies.detect(ws, p.from(), p.to());
        return new AnomalySection(true, found.stream()
                .sorted(Comparator.<Anomaly>comparingInt(a -> SEVERITY.getOrDefault(a.severity(), 3)).thenComparing(Anomaly::date).thenComparing(Anomaly::metric))
                .limit(MAX_ITEMS)
                .map(a -> new AnomalyItem(a.metric(), catalog.find(ws, a.metric()).map(m -> m.name(locale)).orElse(a.metric()), a.date(),
                        a.dimension() == null ? null : a.dimension().name(), a.dimension() == null ? null : a.dimension().value(),
                        a.expected(), a.actual(), a.severity(), a.explanation()))
                .toList());
    }
}
