package io.marketops.metrics.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which measures each source must compute for a set of metrics (each once), and the statement that does it. */
final class SourcePlan {
    private SourcePlan() {
    }

    static Map<Source, List<Measure>> of(List<MetricDefinition> defs) {
        Map<Source, Set<Measure>> bySource = new EnumMap<>(Source.class);
        Set<String> seen = new LinkedHashSet<>();
        for (MetricDefinition d : defs) {
            for (Measure m : d.measures()) {
                if (seen.add(m.id())) bySource.computeIfAbsent(m.source(), s -> new LinkedHashSet<>()).add(m);
            }
        }
        Map<Source, List<Measure>> out = new EnumMap<>(Source.class);
        bySource.forEach((s, ms) -> out.put(s, new ArrayList<>(ms)));
        return out;
    }

    /** The statement for one source; {@code defs} names the metric in messages about unsupported dimensions. */
    static Sql sql(QueryScope scope, Source source, List<Measure> measures, List<MetricDefinition> defs) {
        String metric = defs.stream().filter(d -> d.measures().stream().anyMatch(m -> m.source() == source))
                .map(d -> d.metric().id()).findFirst().orElse("?");
        Set<String> ids = new LinkedHashSet<>();
        measures.forEach(m -> ids.add(m.id()));
        return switch (source) {
            case EVENTS -> EventSources.events(scope, measures);
            case SESSIONS -> EventSources.sessions(scope, measures);
            case ACTIVITY -> EventSources.activity(scope, measures);
            case COHORT -> EventSources.cohort(scope, measures, ids.stream().anyMatch(i -> i.startsWith("returned_")), ids.contains("revenue_30d"));
            case ORDERS -> FactSources.orders(scope, measures, metric, ids.contains("new_customers"));
            case ADS -> FactSources.ads(scope, measures, metric);
            case CONTENT -> FactSources.content(scope, measures, metric);
        };
    }
}
