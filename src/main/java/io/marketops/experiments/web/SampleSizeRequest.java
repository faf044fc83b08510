package io.marketops.experiments.web;

import io.marketops.core.InvalidRequest;
import io.marketops.experiments.stats.Analysis;
import io.marketops.experiments.stats.FrequentistSettings;
import io.marketops.experiments.stats.SampleSize;

/**
 * The body of {@code POST /api/v1/experiments/sample-size}: for binomial metrics the baseline
 * is a conversion rate and the standard deviation follows from it; for mean metrics give both.
 */
record SampleSizeRequest(String metricType, Double baselineMean, Double baselineStdDev, Double relativeLift, Double alpha,
                         Double power, Integer variants, Double dailyUsers, Boolean sequential, Double sequentialTuning) {

    SampleSize.Question toQuestion() {
        var type = Fields.choice("metricType", metricType, null, Analysis.MetricType.class);
        double mean = Fields.required("baselineMean", baselineMean);
        double sd;
        if (type == Analysis.MetricType.BINOMIAL) {
            if (!(mean > 0 && mean < 1)) throw new InvalidRequest("baselineMean", "a conversion rate must be between 0 and 1 (exclusive), was " + mean);
            sd = Math.sqrt(mean * (1 - mean));
        } else {
            if (mean == 0) throw new InvalidRequest("baselineMean", "must not be 0: the lift is relative to it");
            sd = Fields.positive("baselineStdDev", baselineStdDev, Double.NaN);
        }
        double lift = Fields.required("relativeLift", relativeLift);
        if (lift == 0 || lift <= -1) throw new InvalidRequest("relativeLift", "must be non-zero and above -1 (0.05 = +5%), was " + lift);
        int k = variants == null ? 2 : variants;
        if (k < 2 || k > AnalyzeRequest.MAX_VARIANTS) throw new InvalidRequest("variants", "must be between 2 and " + AnalyzeRequest.MAX_VARIANTS);
        double daily = Fields.finite("dailyUsers", dailyUsers, 0);
        if (daily < 0) throw new InvalidRequest("dailyUsers", "must not be negative");
        return new SampleSize.Question(mean, sd, lift, Fields.between("alpha", alpha, 0.05, 0, 0.5), Fields.between("power", power, 0.8, 0, 1),
                k, daily, Boolean.TRUE.equals(sequential), Fields.positive("sequentialTuning", sequentialTuning, FrequentistSettings.DEFAULT_TUNING));
    }
}
