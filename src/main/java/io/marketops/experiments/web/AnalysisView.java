package io.marketops.experiments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.marketops.experiments.stats.Analysis;
import io.marketops.experiments.stats.AnalysisReport;

import java.util.List;
import java.util.Locale;

/**
 * The answer of {@code POST /api/v1/experiments/analyze}. Interval bounds and p-values are
 * always present: null means unbounded (one-sided tests) or not computable.
 */
record AnalysisView(String metricType, String engine, double alpha, double srmPValue, boolean srmWarning, List<VariantView> variants) {

    record VariantView(String name, long users, double mean, double stdDev, Double adjustedMean, LiftView relativeLift, LiftView absoluteLift) {
    }

    record LiftView(double estimate,
                    @JsonInclude(JsonInclude.Include.ALWAYS) Double ciLow,
                    @JsonInclude(JsonInclude.Include.ALWAYS) Double ciHigh,
                    @JsonInclude(JsonInclude.Include.ALWAYS) Double pValue,
                    Double pValueAdjusted, double chanceToWin, double[] risk, double standardError, String error) {
        static LiftView of(AnalysisReport.Lift l) {
            if (l == null) return null;
            return new LiftView(l.estimate(), l.ciLow(), l.ciHigh(), l.pValue(), l.pValueAdjusted(), l.chanceToWin(), l.risk(),
                    l.standardError(), l.error());
        }
    }

    static AnalysisView of(Analysis analysis, AnalysisReport report) {
        var variants = report.variants().stream().map(v -> new VariantView(v.name(), v.users(), v.mean(), v.stdDev(), v.adjustedMean(),
                LiftView.of(v.relativeLift()), LiftView.of(v.absoluteLift()))).toList();
        return new AnalysisView(analysis.metricType().name().toLowerCase(Locale.ROOT), analysis.engine().name().toLowerCase(Locale.ROOT),
                analysis.alpha(), report.srmPValue(), report.srmWarning(), variants);
    }
}
