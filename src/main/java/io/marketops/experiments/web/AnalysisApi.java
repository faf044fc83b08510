package io.marketops.experiments.web;

import io.marketops.experiments.stats.Analyzer;
import io.marketops.experiments.stats.SampleSize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Statistics on demand: no experiment needs to be registered, nothing is stored. */
@RestController
@RequestMapping("/api/v1/experiments")
@Tag(name = "Experiments", description = "Experiment registry, assignment, exposures and statistics (gbstats-compatible)")
class AnalysisApi {

    @PostMapping("/analyze")
    @PreAuthorize("hasAnyAuthority('metrics.read', 'experiments.manage')")
    @Operation(summary = "Analyses one metric from summary statistics: SRM p-value, per-variant mean and standard deviation and, "
            + "for each treatment, relative and absolute lift with interval, p-value (frequentist), chance to win and risk (Bayesian). "
            + "The first variant is the control.")
    AnalysisView analyze(@RequestBody AnalyzeRequest body) {
        var analysis = body.toAnalysis();
        return AnalysisView.of(analysis, Analyzer.analyze(analysis));
    }

    @PostMapping("/sample-size")
    @PreAuthorize("hasAnyAuthority('metrics.read', 'experiments.manage')")
    @Operation(summary = "Users per variant (and days, given daily users) a two-sided test needs to detect a relative lift with the given power")
    SampleSize.Plan sampleSize(@RequestBody SampleSizeRequest body) {
        return SampleSize.plan(body.toQuestion());
    }
}
