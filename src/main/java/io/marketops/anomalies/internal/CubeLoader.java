package io.marketops.anomalies.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.MetricQueries;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Fills a cube through the metrics module, so every number is the catalog's definition: one daily
 * query for the totals, one per dimension for the slices, one per custom metric (a custom metric
 * that fails, say after its event was renamed, is skipped and logged, not fatal).
 */
@Component
class CubeLoader {
    private static final Logger log = LoggerFactory.getLogger(CubeLoader.class);
    private final MetricQueries queries;

    CubeLoader(MetricQueries queries) {
        this.queries = queries;
    }

    Cube load(WorkspaceId ws, List<Watched> watched, LocalDate start, LocalDate end) {
        Cube cube = new Cube(start, (int) ChronoUnit.DAYS.between(start, end) + 1);
        List<Watched> builtIn = watched.stream().filter(w -> !custom(w)).toList();
        if (!builtIn.isEmpty()) {
            put(cube, queries.run(ws, MetricQuery.of(Watched.metricsFor(builtIn, null), start, end, MetricQuery.Granularity.DAY)), null);
        }
        for (String dim : Watched.dimensions(builtIn)) {
            MetricQuery q = MetricQuery.of(Watched.metricsFor(builtIn, dim), start, end, MetricQuery.Granularity.DAY).withDimensions(List.of(dim));
            put(cube, queries.run(ws, q), dim);
        }
        for (Watched w : watched) {
            if (!custom(w)) continue;
            try {
                put(cube, queries.run(ws, MetricQuery.of(List.of(w.id()), start, end, MetricQuery.Granularity.DAY)), null);
            } catch (InvalidRequest e) {
                log.warn("Anomaly detection skips custom metric {} of workspace {}: {}", w.id(), ws.value(), e.getMessage());
            }
        }
        cube.startAtFirstValue();
        return cube;
    }

    private static boolean custom(Watched w) {
        return w.kind() == Watched.Kind.CUSTOM || w.kind() == Watched.Kind.CUSTOM_RATE;
    }

    static void put(Cube cube, MetricResult result, String dimension) {
        for (MetricResult.Row row : result.rows()) {
            LocalDate day = LocalDate.parse(row.period());
            String value = dimension == null ? null : row.dimensions().get(dimension);
            row.values().forEach((metric, v) -> cube.put(new Cube.Key(metric, dimension, value), day, v == null ? Double.NaN : v.doubleValue()));
        }
    }
}
