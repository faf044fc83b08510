package io.marketops.experiments.stats;

import java.util.List;

/**
 * What {@link Analyzer} found: the SRM check and, per variant, its mean and standard deviation
 * and, for each treatment, the lift against the control on both scales.
 *
 * @param srmWarning true when the SRM p-value is below {@link SampleRatio#WARNING_THRESHOLD}
 */
public record AnalysisReport(double srmPValue, boolean srmWarning, List<VariantReport> variants) {

    /**
     * @param adjustedMean the CUPED-adjusted mean, null without CUPED
     * @param relativeLift null for the control
     */
    public record VariantReport(String name, long users, double mean, double stdDev, Double adjustedMean,
                                Lift relativeLift, Lift absoluteLift) {
    }

    /**
     * A treatment's lift: estimate and interval from the chosen engine, p-value from the
     * frequentist engine, chance to win and risk from the Bayesian one.
     *
     * @param ciLow          null when unbounded (one-sided "less" test)
     * @param ciHigh         null when unbounded (one-sided "greater" test)
     * @param pValue         null when a one-sided sequential p-value did not converge
     * @param pValueAdjusted after the requested multiple-comparison correction, null without one
     * @param risk           [expected loss of keeping the control, expected loss of shipping this variant]
     * @param error          why the lift could not be computed, or null
     */
    public record Lift(double estimate, double standardError, Double ciLow, Double ciHigh, Double pValue, Double pValueAdjusted,
                       double chanceToWin, double[] risk, String error) {
    }
}
