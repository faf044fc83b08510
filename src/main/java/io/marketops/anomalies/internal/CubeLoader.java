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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Fills a cube through the metrics module, so every number is the catalog's definition: daily
 * queries for the totals, for the rolling metrics and per dimension for the slices, run side by
 * side. Sessions, the costly measure, are asked once by channel × campaign × device and summed
 * into each of those (a session counts once, under its first event's values); only other
 * dimensions ask for them again. A custom metric that fails (its event renamed, say) is skipped
 * and logged, not fatal.
 */
@Component
class CubeLoader {
    private static final Logger log = LoggerFactory.getLogger(CubeLoader.class);
    /** Metrics that add up across dimension values, asked once by these dimensions together. */
    static final Set<String> SUMMED = Set.of("sessions");
    static final List<String> SUMMED_BY = List.of("channel", "campaign", "device");
    static final Set<String> ROLLING = Set.of("wau", "mau", "stickiness");
    static final int THREADS = 3;

    private final MetricQueries queries;

    CubeLoader(MetricQueries queries) {
        this.queries = queries;
    }

    Cube load(WorkspaceId ws, List<Watched> watched, LocalDate start, LocalDate end) {
        Cube cube = new Cube(start, (int) ChronoUnit.DAYS.between(start, end) + 1);
        List<Watched> builtIn = watched.stream().filter(w -> !custom(w)).toList();
        List<Consumer<Cube>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Consumer<Cube>>> futures = new ArrayList<>();
            List<String> totals = Watched.metricsFor(builtIn, null);
            Set<String> summedHere = new LinkedHashSet<>();
            for (String m : SUMMED) {
                List<String> dims = dimensionsOf(builtIn, m);
                if (!totals.contains(m) || dims.isEmpty()) continue;
                summedHere.add(m);
                futures.add(pool.submit(() -> summed(run(ws, List.of(m), start, end, SUMMED_BY), SUMMED_BY.stream().filter(dims::contains).toList())));
            }
            // the costly queries (sessions, rolling windows) go first, so the light ones fill the gaps beside them
            List<String> plain = totals.stream().filter(m -> !ROLLING.contains(m) && !summedHere.contains(m)).toList();
            List<String> rolling = totals.stream().filter(ROLLING::contains).toList();
            if (!rolling.isEmpty()) futures.add(pool.submit(() -> put(run(ws, rolling, start, end, List.of()), null)));
            List<String> dims = new ArrayList<>(Watched.dimensions(builtIn));
            dims.sort(java.util.Comparator.comparing(d -> !Watched.metricsFor(builtIn, d).stream().anyMatch(m -> SUMMED.contains(m) && !SUMMED_BY.contains(d))));
            if (!plain.isEmpty()) futures.add(pool.submit(() -> put(run(ws, plain, start, end, List.of()), null)));
            for (String dim : dims) {
                List<String> metrics = Watched.metricsFor(builtIn, dim).stream()
                        .filter(m -> !summedHere.contains(m) || !SUMMED_BY.contains(dim)).toList();
                if (!metrics.isEmpty()) futures.add(pool.submit(() -> put(run(ws, metrics, start, end, List.of(dim)), dim)));
            }
            for (Watched w : watched) {
                if (custom(w)) futures.add(pool.submit(() -> customMetric(ws, w, start, end)));
            }
            for (Future<Consumer<Cube>> f : futures) results.add(f.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading metrics", e);
        } finally {
            pool.shutdownNow();
        }
        results.forEach(r -> r.accept(cube));
        cube.startAtFirstValue();
        return cube;
    }

    private MetricResult run(WorkspaceId ws, List<String> metrics, LocalDate start, LocalDate end, List<String> dims) {
        return queries.run(ws, MetricQuery.of(metrics, start, end, MetricQuery.Granularity.DAY).withDimensions(dims));
    }

    private Consumer<Cube> customMetric(WorkspaceId ws, Watched w, LocalDate start, LocalDate end) {
        try {
            return put(run(ws, List.of(w.id()), start, end, List.of()), null);
        } catch (InvalidRequest e) {
            log.warn("Anomaly detection skips custom metric {} of workspace {}: {}", w.id(), ws.value(), e.getMessage());
            return c -> { };
        }
    }

    /** Dimensions a metric is sliced or explained by. */
    private static List<String> dimensionsOf(List<Watched> watched, String metric) {
        Set<String> out = new LinkedHashSet<>();
        for (Watched w : watched) {
            if (w.id().equals(metric) || metric.equals(w.numerator()) || metric.equals(w.denominator()) || metric.equals(w.volume())) {
                out.addAll(w.slices());
                out.addAll(w.causes());
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean custom(Watched w) {
        return w.kind() == Watched.Kind.CUSTOM || w.kind() == Watched.Kind.CUSTOM_RATE;
    }

    static Consumer<Cube> put(MetricResult result, String dimension) {
        return cube -> {
            for (MetricResult.Row row : result.rows()) {
                LocalDate day = LocalDate.parse(row.period());
                String value = dimension == null ? null : row.dimensions().get(dimension);
                row.values().forEach((metric, v) -> cube.put(new Cube.Key(metric, dimension, value), day, v == null ? Double.NaN : v.doubleValue()));
            }
        };
    }

    /** Sums an additive metric broken down by several dimensions into its total and each dimension's values. */
    static Consumer<Cube> summed(MetricResult result, List<String> into) {
        Map<Cube.Key, Map<LocalDate, Double>> sums = new HashMap<>();
        for (MetricResult.Row row : result.rows()) {
            LocalDate day = LocalDate.parse(row.period());
            row.values().forEach((metric, v) -> {
                double x = v == null ? 0 : v.doubleValue();
                sums.computeIfAbsent(Cube.Key.total(metric), k -> new HashMap<>()).merge(day, x, Double::sum);
                for (String dim : into) {
                    sums.computeIfAbsent(new Cube.Key(metric, dim, row.dimensions().get(dim)), k -> new HashMap<>()).merge(day, x, Double::sum);
                }
            });
        }
        return cube -> sums.forEach((key, byDay) -> byDay.forEach((day, v) -> cube.put(key, day, v)));
    }
}
