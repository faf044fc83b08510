package io.marketops.experiments.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an {@link Analysis}: SRM over all variants, then each treatment against the control on
 * the relative and the absolute scale with both engines, then the p-value correction across
 * treatments. With CUPED and no θ given, θ is pooled over the control and each treatment (as
 * gbstats does per comparison); the control's adjusted mean shown is the one from its
 * comparison with the first treatment.
 */
public final class Analyzer {
    private Analyzer() {
    }

    public static AnalysisReport analyze(Analysis analysis) {
        int k = analysis.variants().size();
        long[] users = analysis.variants().stream().mapToLong(Analysis.VariantData::users).toArray();
        double[] weights = analysis.weights() != null ? analysis.weights() : equalWeights(k);
        double srm = SampleRatio.pValue(users, weights);

        MetricStatistic[] compared = new MetricStatistic[k];
        Lift[] relative = new Lift[k], absolute = new Lift[k];
        MetricStatistic control = analysis.statistic(0);
        for (int i = 1; i < k; i++) {
            MetricStatistic a = control, b = analysis.statistic(i);
            if (a instanceof CupedStatistic ca && b instanceof CupedStatistic cb && analysis.cuped().theta() == null) {
                CupedStatistic[] pooled = CupedStatistic.adjustPooled(ca, cb);
                a = pooled[0];
                b = pooled[1];
            }
            if (i == 1) compared[0] = a;
            compared[i] = b;
            relative[i] = Lift.compute(a, b, Difference.RELATIVE, analysis);
            absolute[i] = Lift.compute(a, b, Difference.ABSOLUTE, analysis);
        }
        if (analysis.correction() != PValueCorrection.Method.NONE) {
            Lift.correct(relative, analysis);
            Lift.correct(absolute, analysis);
        }
        List<AnalysisReport.VariantReport> reports = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            var data = analysis.variants().get(i);
            MetricStatistic s = compared[i];
            Double adjusted = s instanceof CupedStatistic c ? c.mean() : null;
            MetricStatistic plain = s instanceof CupedStatistic c ? c.post() : s;
            reports.add(new AnalysisReport.VariantReport(data.name(), data.users(), plain.mean(), plain.stdDev(), adjusted,
                    i == 0 ? null : relative[i].report(), i == 0 ? null : absolute[i].report()));
        }
        return new AnalysisReport(srm, srm < SampleRatio.WARNING_THRESHOLD, List.copyOf(reports));
    }

    private static double[] equalWeights(int k) {
        double[] w = new double[k];
        Arrays.fill(w, 1.0 / k);
        return w;
    }
}
