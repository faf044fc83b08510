package io.marketops.experiments.web;

import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.experiments.ExperimentDesign;
import io.marketops.experiments.ExperimentStatus;
import io.marketops.experiments.Experiments;
import io.marketops.experiments.Variant;
import io.marketops.experiments.stats.SampleSize;
import io.marketops.metrics.MetricCatalog;
import io.marketops.workspace.Actors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;

/** The experiment list, the form for a new experiment and the sample-size calculator. */
@Controller
class ExperimentListPages {
    private final Experiments experiments;
    private final MetricCatalog catalog;

    ExperimentListPages(Experiments experiments, MetricCatalog catalog) {
        this.experiments = experiments;
        this.catalog = catalog;
    }

    @GetMapping("/experiments")
    @PreAuthorize("hasAnyAuthority('metrics.read', 'experiments.manage')")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(required = false) Integer page, Model model) {
        ExperimentStatus s = status == null || status.isBlank() ? null : Fields.choice("status", status, null, ExperimentStatus.class);
        model.addAttribute("status", s);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ExperimentStatus.values());
        model.addAttribute("experiments", experiments.list(Actors.workspace(), s, q, PageQuery.parse(page, 50, null, Experiments.SORT_FIELDS, "createdAt,desc")));
        return "experiments/list";
    }

    @GetMapping("/experiments/new")
    @PreAuthorize("hasAuthority('experiments.manage')")
    String form(Model model) {
        model.addAttribute("metrics", catalog.all(Actors.workspace()));
        return "experiments/new";
    }

    @PostMapping("/experiments")
    @PreAuthorize("hasAuthority('experiments.manage')")
    String create(@RequestParam String key, @RequestParam String name, @RequestParam String hypothesis,
                  @RequestParam(required = false) String owner, @RequestParam(name = "variantKey") List<String> keys,
                  @RequestParam(name = "variantName") List<String> names, @RequestParam(name = "variantWeight") List<String> weights,
                  @RequestParam String primaryMetric, @RequestParam(required = false) List<String> secondaryMetrics,
                  @RequestParam(required = false) List<String> guardrailMetrics, @RequestParam(required = false) String coveragePercent,
                  @RequestParam(required = false) String targeting, @RequestParam(required = false) String prePeriodDays,
                  RedirectAttributes flash) {
        try {
            List<Variant> variants = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) == null || keys.get(i).isBlank()) continue;
                double w = parseWeight(i, i < weights.size() ? weights.get(i) : "1");
                variants.add(new Variant(keys.get(i).trim(), i < names.size() ? names.get(i) : null, w));
            }
            var design = new ExperimentDesign(name, hypothesis, owner == null || owner.isBlank() ? Actors.require().name() : owner,
                    variants, primaryMetric, secondaryMetrics, guardrailMetrics)
                    .with(FormFields.coverage(coveragePercent), FormFields.targeting(targeting), FormFields.prePeriodDays(prePeriodDays));
            experiments.create(Actors.workspace(), key.trim(), design);
            flash.addFlashAttribute("notice", "experiments.created");
            return "redirect:/experiments/" + key.trim();
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
            return "redirect:/experiments/new";
        }
    }

    private static double parseWeight(int i, String value) {
        try {
            return value == null || value.isBlank() ? 1 : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequest("variants[" + i + "].weight", "'" + value + "' is not a number");
        }
    }

    @GetMapping("/experiments/calculator")
    @PreAuthorize("hasAnyAuthority('metrics.read', 'experiments.manage')")
    String calculator(@RequestParam(defaultValue = "binomial") String metricType, @RequestParam(required = false) Double baselineMean,
                      @RequestParam(required = false) Double baselineStdDev, @RequestParam(required = false) Double liftPercent,
                      @RequestParam(defaultValue = "2") Integer variants, @RequestParam(required = false) Double dailyUsers,
                      @RequestParam(defaultValue = "false") boolean sequential, Model model) {
        model.addAttribute("metricType", metricType);
        model.addAttribute("baselineMean", baselineMean);
        model.addAttribute("baselineStdDev", baselineStdDev);
        model.addAttribute("liftPercent", liftPercent);
        model.addAttribute("variants", variants);
        model.addAttribute("dailyUsers", dailyUsers);
        model.addAttribute("sequential", sequential);
        if (baselineMean != null && liftPercent != null) {
            try {
                var q = new SampleSizeRequest(metricType, baselineMean, baselineStdDev, liftPercent / 100, null, null, variants, dailyUsers,
                        sequential, null).toQuestion();
                SampleSize.Plan plan = SampleSize.plan(q);
                model.addAttribute("plan", plan);
            } catch (InvalidRequest e) {
                model.addAttribute("formError", e.getMessage());
            }
        }
        return "experiments/calculator";
    }
}
