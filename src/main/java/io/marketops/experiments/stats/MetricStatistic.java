package io.marketops.experiments.stats;

/**
 * Sufficient statistics of one metric in one variant: everything the engine needs, so raw
 * per-user rows never leave the warehouse.
 */
public sealed interface MetricStatistic permits MeanStatistic, ProportionStatistic, CupedStatistic {

    /** Users in the variant. */
    long n();

    /** The (possibly regression-adjusted) mean the effect is computed from. */
    double mean();

    /** The per-user variance of {@link #mean()}'s underlying value; 0 when it cannot be estimated. */
    double variance();

    /** The plain mean, never adjusted: relative effects are divided by the control's. */
    default double unadjustedMean() {
        return mean();
    }

    double sum();

    double sumSquares();

    default double stdDev() {
        double v = variance();
        return v > 0 ? Math.sqrt(v) : 0;
    }
}
