package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Metric;
import io.marketops.metrics.MetricCatalog;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The catalog: built-in definitions first, then the workspace's custom metrics. */
@Service
class MetricDefinitions implements MetricCatalog {
    private final CustomMetrics custom;

    MetricDefinitions(CustomMetrics custom) {
        this.custom = custom;
    }

    Optional<MetricDefinition> definition(WorkspaceId ws, String id) {
        if (id == null) return Optional.empty();
        Optional<MetricDefinition> builtIn = BuiltInMetrics.find(id);
        if (builtIn.isPresent()) return builtIn;
        return custom.find(ws, id).map(CustomMetric::definition);
    }

    @Override
    public List<Metric> all() {
        return BuiltInMetrics.definitions().stream().map(MetricDefinition::metric).toList();
    }

    @Override
    public Optional<Metric> find(String id) {
        return BuiltInMetrics.find(id).map(MetricDefinition::metric);
    }

    @Override
    public List<Metric> all(WorkspaceId ws) {
        List<Metric> out = new ArrayList<>(all());
        custom.all(ws).forEach(c -> out.add(c.metric()));
        return out;
    }

    @Override
    public List<String> breakdowns(WorkspaceId ws, String id) {
        return definition(ws, id).map(d -> Dimensions.common(d.measures().stream().map(Measure::source).distinct().toList())).orElse(List.of());
    }

    @Override
    public Optional<Metric> find(WorkspaceId ws, String id) {
        return definition(ws, id).map(MetricDefinition::metric);
    }
}
