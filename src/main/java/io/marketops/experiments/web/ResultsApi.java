package io.marketops.experiments.web;

import io.marketops.experiments.ExperimentResults;
import io.marketops.experiments.stats.Analysis;
import io.marketops.workspace.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An experiment's results from the warehouse, as the results page shows them. */
@RestController
@RequestMapping("/api/v1/experiments/{key}")
@Tag(name = "Experiments")
class ResultsApi {
    private final ExperimentResults results;

    ResultsApi(ExperimentResults results) {
        this.results = results;
    }

    /**
     * @param data the sums each result was computed from, the same fields {@code /analyze} takes
     *             (pre-period sums only when CUPED was applied)
     */
    record MetricView(String metric, String role, boolean computed, int prePeriodDays, boolean cuped, List<VariantData> data,
                      AnalysisView result, AnalysisView unadjusted, Map<String, Double> varianceReduction) {
    }

    record VariantData(String name, long users, double sum, Double sumSquares, Double preSum, Double preSumSquares, Double sumProducts) {
    }

    record ResultsView(String experimentKey, List<MetricView> metrics) {
    }

    @GetMapping("/results")
    @PreAuthorize("hasAnyAuthority('metrics.read', 'experiments.manage')")
    @Operation(summary = "Per metric: what the exposed people (matched through identity links) did after their first exposure, "
            + "analysed by the engine; with CUPED over the experiment's pre-period (prePeriodDays before each first exposure) when "
            + "there was pre-period activity: result is then the adjusted analysis, unadjusted the plain one, varianceReduction "
            + "per treatment = 1 − se²(adjusted)/se²(plain) of the absolute lift. data holds the sums, in /analyze's terms.")
    ResultsView results(@PathVariable String key,
                        @Parameter(description = "frequentist (default) or bayesian") @RequestParam(defaultValue = "frequentist") String engine,
                        @RequestParam(defaultValue = "false") boolean sequential) {
        var eng = Fields.choice("engine", engine, Analysis.Engine.FREQUENTIST, Analysis.Engine.class);
        var computed = results.compute(Actors.workspace(), key, new ExperimentResults.Settings(eng, sequential, 0.05, 5000));
        return new ResultsView(key, computed.stream().map(ResultsApi::view).toList());
    }

    private static MetricView view(ExperimentResults.MetricResult m) {
        if (!m.computed()) return new MetricView(m.metric(), m.role(), false, m.prePeriodDays(), false, List.of(), null, null, Map.of());
        var a = m.analysis();
        List<VariantData> data = new ArrayList<>();
        Map<String, Double> reduction = new LinkedHashMap<>();
        for (int i = 0; i < a.variants().size(); i++) {
            var v = a.variants().get(i);
            var pre = a.cuped() == null ? null : a.cuped().pre().get(i);
            data.add(new VariantData(v.name(), v.users(), v.sum(), v.sumSquares(), pre == null ? null : pre.sum(),
                    pre == null ? null : pre.sumSquares(), pre == null ? null : pre.sumProducts()));
            if (i > 0 && m.cuped()) reduction.put(v.name(), m.varianceReduction(i));
        }
        return new MetricView(m.metric(), m.role(), true, m.prePeriodDays(), m.cuped(), data, AnalysisView.of(a, m.report()),
                m.cuped() ? AnalysisView.of(a, m.unadjusted()) : null, reduction);
    }
}
