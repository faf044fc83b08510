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
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Results from the warehouse ({@link PerUserSums}): each catalog metric with a per-user
 * definition, analysed with CUPED when the experiment has a pre-period and some exposed person
 * was active in it (the unadjusted analysis is kept beside it), else without.
 */
@Service
class WarehouseResults implements ExperimentResults {
    private final Experiments experiments;
    private final PerUserSums sums;
    private final ExposureSync sync;
    private final MetricCatalog catalog;

    WarehouseResults(Experiments experiments, PerUserSums sums, ExposureSync sync, MetricCatalog catalog) {
        this.experiments = experiments;
        this.sums = sums;
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
        int preDays = e.design().prePeriodDays();
        Map<String, PerUserSums.Sums> byVariant = sums.perVariant(e, definition.get(), preDays);
        List<Analysis.VariantData> variants = new ArrayList<>();
        List<Analysis.PrePeriod> pre = new ArrayList<>();
        boolean preActivity = false;
        for (Variant v : e.variants()) {
            var x = byVariant.getOrDefault(v.key(), PerUserSums.Sums.NONE);
            variants.add(new Analysis.VariantData(v.key(), x.users(), x.sum(), x.sumSquares()));
            pre.add(new Analysis.PrePeriod(x.preSum(), x.preSumSquares(), x.sumProducts()));
            preActivity |= x.preSumSquares() > 0;
        }
        var plain = analysis(e, metric, definition.get(), s, variants, null);
        var plainReport = Analyzer.analyze(plain);
        if (preDays == 0 || !preActivity) return new MetricResult(metric, role, plain, plainReport, null, preDays);
        var adjusted = analysis(e, metric, definition.get(), s, variants, new Analysis.Cuped(null, pre));
        return new MetricResult(metric, role, adjusted, Analyzer.analyze(adjusted), plainReport, preDays);
    }

    private Analysis analysis(Experiment e, String metric, PerUserMetric m, Settings s, List<Analysis.VariantData> variants, Analysis.Cuped cuped) {
        return new Analysis(m.type(), s.engine(), s.sequential(), s.tuning(), Alternative.TWO_SIDED, s.alpha(), variants, e.weights(), cuped,
                null, e.variants().size() > 2 ? PValueCorrection.Method.HOLM : PValueCorrection.Method.NONE, lowerIsBetter(e.workspace(), metric));
    }

    private boolean lowerIsBetter(WorkspaceId ws, String metric) {
        return catalog.find(ws, metric).map(m -> m.direction() == Metric.Direction.DOWN).orElse(false);
    }
}
