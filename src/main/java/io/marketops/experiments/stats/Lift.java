package io.marketops.experiments.stats;

/** One treatment's lift on one scale while it is being assembled (the frequentist and Bayesian results side by side). */
final class Lift {
    private final FrequentistResult frequentist;
    private final BayesianResult bayesian;
    private final boolean useBayesianEstimate;
    private Double pValueAdjusted;
    private double[] adjustedInterval;

    private Lift(FrequentistResult frequentist, BayesianResult bayesian, boolean useBayesianEstimate) {
        this.frequentist = frequentist;
        this.bayesian = bayesian;
        this.useBayesianEstimate = useBayesianEstimate;
    }

    static Lift compute(MetricStatistic a, MetricStatistic b, Difference difference, Analysis analysis) {
        var fs = new FrequentistSettings(difference, analysis.alternative(), analysis.alpha(), analysis.sequential(), analysis.tuning());
        var bs = new BayesianSettings(difference, analysis.alpha(), analysis.prior(), analysis.inverse());
        return new Lift(FrequentistTest.run(a, b, fs), BayesianTest.run(a, b, bs), analysis.engine() == Analysis.Engine.BAYESIAN);
    }

    /**
     * Adjusts the p-values of all treatments together; the frequentist fixed-horizon two-sided
     * interval is widened to match (GrowthBook's adjustedCI), other intervals are left as they are.
     */
    static void correct(Lift[] lifts, Analysis analysis) {
        int k = lifts.length - 1;
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            Double v = lifts[i + 1].frequentist.pValue();
            p[i] = v == null ? 1 : v;
        }
        double[] adjusted = PValueCorrection.adjust(p, analysis.correction());
        boolean widen = analysis.engine() == Analysis.Engine.FREQUENTIST && !analysis.sequential() && analysis.alternative() == Alternative.TWO_SIDED;
        for (int i = 0; i < k; i++) {
            Lift lift = lifts[i + 1];
            lift.pValueAdjusted = adjusted[i];
            if (widen && lift.frequentist.ok()) {
                lift.adjustedInterval = PValueCorrection.adjustedInterval(adjusted[i], lift.frequentist.estimate(), analysis.alpha());
            }
        }
    }

    AnalysisReport.Lift report() {
        double estimate = useBayesianEstimate ? bayesian.estimate() : frequentist.estimate();
        double se = useBayesianEstimate ? bayesian.stdDev() : frequentist.standardError();
        double low = useBayesianEstimate ? bayesian.ciLow() : frequentist.ciLow();
        double high = useBayesianEstimate ? bayesian.ciHigh() : frequentist.ciHigh();
        if (adjustedInterval != null) {
            low = adjustedInterval[0];
            high = adjustedInterval[1];
        }
        String error = frequentist.error() != null ? frequentist.error() : bayesian.error();
        return new AnalysisReport.Lift(estimate, se, finite(low), finite(high), frequentist.pValue(), pValueAdjusted,
                bayesian.chanceToWin(), new double[]{bayesian.riskControl(), bayesian.riskTreatment()}, error);
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
