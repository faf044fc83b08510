package io.marketops.experiments.web;

import io.marketops.core.InvalidRequest;
import io.marketops.experiments.Assignments;
import io.marketops.experiments.Decision;
import io.marketops.experiments.DecisionGuide;
import io.marketops.experiments.Experiment;
import io.marketops.experiments.ExperimentRejected;
import io.marketops.experiments.ExperimentResults;
import io.marketops.experiments.Experiments;
import io.marketops.experiments.stats.Analysis;
import io.marketops.experiments.stats.Analyzer;
import io.marketops.experiments.stats.SampleRatio;
import io.marketops.metrics.MetricCatalog;
import io.marketops.workspace.Actors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One experiment: design, exposures with the SRM check, results per metric, the decision guide,
 * a form for numbers from elsewhere, and the lifecycle buttons.
 */
@Controller
@RequestMapping("/experiments/{key}")
class ExperimentPage {
    private final Experiments experiments;
    private final Assignments assignments;
    private final ExperimentResults results;
    private final MetricCatalog catalog;

    ExperimentPage(Experiments experiments, Assignments assignments, ExperimentResults results, MetricCatalog catalog) {
        this.experiments = experiments;
        this.assignments = assignments;
        this.results = results;
        this.catalog = catalog;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('metrics.read', 'experiments.manage')")
    String show(@PathVariable String key, @RequestParam(defaultValue = "frequentist") String engine,
                @RequestParam(defaultValue = "false") boolean sequential, Model model, Locale locale) {
        var ws = Actors.workspace();
        Experiment e = experiments.get(ws, key);
        var eng = Fields.choice("engine", engine, Analysis.Engine.FREQUENTIST, Analysis.Engine.class);
        var metrics = results.compute(ws, key, new ExperimentResults.Settings(eng, sequential, 0.05, 5000));
        var counts = assignments.exposureCounts(ws, key);
        double srm = SampleRatio.pValue(counts.values().stream().mapToLong(Long::longValue).toArray(), e.weights());
        var primary = metrics.get(0);
        if (primary.computed()) srm = Math.min(srm, primary.report().srmPValue());
        model.addAttribute("engine", eng.name().toLowerCase(Locale.ROOT));
        model.addAttribute("sequential", sequential);
        model.addAttribute("metricResults", metrics);
        if (primary.computed()) model.addAttribute("guide", guide(primary, metrics, eng));
        fill(model, e, counts, srm, locale);
        return "experiments/show";
    }

    /** Numbers from elsewhere (an export, another tool): analysed on the spot, nothing stored. */
    @PostMapping("/analyze")
    @PreAuthorize("hasAnyAuthority('metrics.read', 'experiments.manage')")
    String analyze(@PathVariable String key, @RequestParam String metricType, @RequestParam List<Long> users,
                   @RequestParam List<Double> sum, @RequestParam(required = false) List<Double> sumSquares,
                   @RequestParam(defaultValue = "frequentist") String engine, Model model, Locale locale) {
        var ws = Actors.workspace();
        Experiment e = experiments.get(ws, key);
        var counts = assignments.exposureCounts(ws, key);
        model.addAttribute("manualInput", new ManualInput(metricType, engine, users, sum, sumSquares));
        try {
            List<AnalyzeRequest.Variant> variants = new ArrayList<>();
            for (int i = 0; i < e.variants().size(); i++) {
                Double ss = sumSquares != null && i < sumSquares.size() ? sumSquares.get(i) : null;
                variants.add(new AnalyzeRequest.Variant(e.variants().get(i).key(), at(users, i), at(sum, i), ss));
            }
            double[] w = e.weights();
            List<Double> weights = new ArrayList<>();
            for (double x : w) weights.add(x);
            var analysis = new AnalyzeRequest(metricType, engine, false, null, null, null, variants, weights, null, null,
                    e.variants().size() > 2 ? "holm" : null, lowerIsBetter(e.design().primaryMetric())).toAnalysis();
            var report = Analyzer.analyze(analysis);
            model.addAttribute("manual", report);
            model.addAttribute("guide", DecisionGuide.recommend(report, analysis.engine(), analysis.alpha(),
                    lowerIsBetter(e.design().primaryMetric()), List.of()));
            model.addAttribute("engine", analysis.engine().name().toLowerCase(Locale.ROOT));
            fill(model, e, counts, report.srmPValue(), locale);
        } catch (InvalidRequest ex) {
            model.addAttribute("formError", ex.getMessage());
            model.addAttribute("engine", "frequentist");
            fill(model, e, counts, 1, locale);
        }
        model.addAttribute("sequential", false);
        model.addAttribute("metricResults", List.of());
        return "experiments/show";
    }

    @PostMapping("/{transition:start|stop}")
    @PreAuthorize("hasAuthority('experiments.manage')")
    String transition(@PathVariable String key, @PathVariable String transition, RedirectAttributes flash) {
        var ws = Actors.workspace();
        try {
            if (transition.equals("start")) experiments.start(ws, key);
            else experiments.stop(ws, key);
            flash.addFlashAttribute("notice", transition.equals("start") ? "experiments.started" : "experiments.stopped");
        } catch (ExperimentRejected e) {
            flash.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/experiments/" + key;
    }

    @PostMapping("/decide")
    @PreAuthorize("hasAuthority('experiments.manage')")
    String decide(@PathVariable String key, @RequestParam String decision, @RequestParam(required = false) String shippedVariant,
                  @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            Decision d = Fields.choice("decision", decision, null, Decision.class);
            experiments.decide(Actors.workspace(), key, d, d == Decision.SHIP ? shippedVariant : null, reason);
            flash.addFlashAttribute("notice", "experiments.decided");
        } catch (ExperimentRejected | InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/experiments/" + key;
    }

    private DecisionGuide.Recommendation guide(ExperimentResults.MetricResult primary, List<ExperimentResults.MetricResult> all,
                                               Analysis.Engine engine) {
        List<DecisionGuide.Guardrail> guardrails = all.stream().filter(m -> m.role().equals("guardrail") && m.computed())
                .map(m -> new DecisionGuide.Guardrail(m.metric(), m.report(), lowerIsBetter(m.metric()))).toList();
        return DecisionGuide.recommend(primary.report(), engine, primary.analysis().alpha(), lowerIsBetter(primary.metric()), guardrails);
    }

    private boolean lowerIsBetter(String metric) {
        return catalog.find(Actors.workspace(), metric).map(m -> m.direction() == io.marketops.metrics.Metric.Direction.DOWN).orElse(false);
    }

    /** @param srmPValue the sample-ratio check shown (and warned about below {@link SampleRatio#WARNING_THRESHOLD}) */
    private void fill(Model model, Experiment e, java.util.Map<String, Long> counts, double srmPValue, Locale locale) {
        model.addAttribute("experiment", e);
        model.addAttribute("design", e.design());
        model.addAttribute("status", e.status().name().toLowerCase(Locale.ROOT));
        model.addAttribute("exposures", counts);
        model.addAttribute("weights", e.weights());
        long[] exposed = counts.values().stream().mapToLong(Long::longValue).toArray();
        model.addAttribute("totalExposed", java.util.Arrays.stream(exposed).sum());
        model.addAttribute("exposureSrmPValue", SampleRatio.pValue(exposed, e.weights()));
        model.addAttribute("srmPValue", srmPValue);
        model.addAttribute("srmWarning", srmPValue < SampleRatio.WARNING_THRESHOLD);
        var names = metricNames(e, locale);
        model.addAttribute("metricNames", names);
        model.addAttribute("secondaryNames", String.join(", ", e.design().secondaryMetrics().stream().map(names::get).toList()));
        model.addAttribute("guardrailNames", String.join(", ", e.design().guardrailMetrics().stream().map(names::get).toList()));
    }

    private java.util.Map<String, String> metricNames(Experiment e, Locale locale) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        e.design().metricFields().forEach(f -> names.put(f[1], catalog.find(e.workspace(), f[1]).map(m -> m.name(locale)).orElse(f[1])));
        return names;
    }

    /** What was typed into the form, shown again with the results. */
    record ManualInput(String metricType, String engine, List<Long> users, List<Double> sum, List<Double> sumSquares) {
        public Object users(int i) {
            return at(users, i);
        }

        public Object sum(int i) {
            return at(sum, i);
        }

        public Object sumSquares(int i) {
            return at(sumSquares, i);
        }
    }

    private static <T> T at(List<T> list, int i) {
        return list != null && i < list.size() ? list.get(i) : null;
    }
}
