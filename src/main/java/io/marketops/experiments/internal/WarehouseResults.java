package io.marketops.experiments.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.experiments.Experiment;
import io.marketops.experiments.ExperimentResults;
import io.marketops.experiments.Experiments;
import io.marketops.experiments.Variant;
import io.marketops.experiments.stats.Alternative;
import io.marketops.experiments.stats.Analysis;
import io.marketops.experiments.stats.Analyzer;
import io.marketops.experiments.stats.PValueCorrection;
import io.marketops.metrics.Metric;
import io.marketops.metrics.MetricCatalog;
import io.marketops.warehouse.Warehouse;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Results from the warehouse. Exposed users are those with a {@code $experiment_viewed} event
 * of the experiment; users seen in more than one variant are left out (as GrowthBook does).
 * A user's events are matched by user id or anonymous id, from the first exposure up to the
 * experiment's end (or now while it runs); an event matched both ways counts once.
 */
@Service
class WarehouseResults implements ExperimentResults {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private final Experiments experiments;
    private final Warehouse warehouse;
    private final ExposureSync sync;
    private final MetricCatalog catalog;

    WarehouseResults(Experiments experiments, Warehouse warehouse, ExposureSync sync, MetricCatalog catalog) {
        this.experiments = experiments;
        this.warehouse = warehouse;
        this.sync = sync;
        this.catalog = catalog;
    }

    @Override
    public List<String> supported() {
        return PerUserMetric.ids();
    }

    @Override
    public List<MetricResult> compute(WorkspaceId ws, String key, Settings settings) {
        Experiment e = experiments.get(ws, key);
        sync.syncAll();
        var d = e.design();
        List<MetricResult> out = new ArrayList<>();
        out.add(result(e, d.primaryMetric(), "primary", settings));
        d.secondaryMetrics().forEach(m -> out.add(result(e, m, "secondary", settings)));
        d.guardrailMetrics().forEach(m -> out.add(result(e, m, "guardrail", settings)));
        return out;
    }

    private MetricResult result(Experiment e, String metric, String role, Settings s) {
        var definition = PerUserMetric.of(metric);
        if (definition.isEmpty()) return new MetricResult(metric, role, null, null);
        Map<String, double[]> sums = perVariant(e, definition.get());
        List<Analysis.VariantData> variants = new ArrayList<>();
        for (Variant v : e.variants()) {
            double[] x = sums.getOrDefault(v.key(), new double[3]);
            variants.add(new Analysis.VariantData(v.key(), (long) x[0], x[1], x[2]));
        }
        var analysis = new Analysis(definition.get().type(), s.engine(), s.sequential(), s.tuning(), Alternative.TWO_SIDED, s.alpha(),
                variants, e.weights(), null, null, e.variants().size() > 2 ? PValueCorrection.Method.HOLM : PValueCorrection.Method.NONE, lowerIsBetter(e.workspace(), metric));
        return new MetricResult(metric, role, analysis, Analyzer.analyze(analysis));
    }

    private boolean lowerIsBetter(WorkspaceId ws, String metric) {
        return catalog.find(ws, metric).map(m -> m.direction() == Metric.Direction.DOWN).orElse(false);
    }

    /** variant → {users, Σ value, Σ value²}. */
    private Map<String, double[]> perVariant(Experiment e, PerUserMetric m) {
        long ws = e.workspace().value();
        String until = TS.format(e.endedAt() != null ? e.endedAt() : Instant.now());
        String sql = """
                WITH exposed AS (
                    SELECT anonymous_id AS uid, min(json_extract_string(properties, '$.variant')) AS variant, min(ts) AS first_ts
                    FROM events
                    WHERE workspace_id = ? AND type = 'track' AND event = '$experiment_viewed'
                      AND json_extract_string(properties, '$.experimentKey') = ?
                    GROUP BY anonymous_id
                    HAVING count(DISTINCT json_extract_string(properties, '$.variant')) = 1
                ), candidates AS (
                    SELECT x.uid, e.message_id, e.type, e.event, e.order_id, e.revenue FROM exposed x JOIN events e
                      ON e.workspace_id = ? AND e.user_id = x.uid AND e.ts >= x.first_ts AND e.ts < CAST(? AS TIMESTAMPTZ)
                    UNION
                    SELECT x.uid, e.message_id, e.type, e.event, e.order_id, e.revenue FROM exposed x JOIN events e
                      ON e.workspace_id = ? AND e.anonymous_id = x.uid AND e.ts >= x.first_ts AND e.ts < CAST(? AS TIMESTAMPTZ)
                ), per_user AS (
                    SELECT x.variant, x.uid, CAST(%s AS DOUBLE) AS value
                    FROM exposed x LEFT JOIN candidates c ON c.uid = x.uid
                    GROUP BY x.variant, x.uid
                )
                SELECT variant, count(*) AS users, sum(value) AS s, sum(value * value) AS ss FROM per_user GROUP BY variant
                """.formatted(m.valueSql());
        Map<String, double[]> out = new HashMap<>();
        warehouse.sql().sql(sql).params(ws, e.key(), ws, until, ws, until)
                .query((rs, i) -> out.put(rs.getString(1), new double[]{rs.getLong(2), rs.getDouble(3), rs.getDouble(4)}))
                .list();
        return out;
    }
}
