package io.marketops.experiments.stats;

/**
 * A normal prior on the effect, stated on the relative scale (a lift of 0.1 = +10%) as gbstats
 * does; for absolute effects it is rescaled by the control mean (mean·|m_a|, variance·m_a²).
 *
 * @param proper false = flat (improper) prior: the posterior is the data alone
 */
public record GaussianPrior(double mean, double variance, boolean proper) {
    public static final GaussianPrior FLAT = new GaussianPrior(0, 1, false);

    public GaussianPrior {
        if (proper && !(variance > 0)) throw new IllegalArgumentException("a proper prior needs a positive variance, was " + variance);
    }

    public static GaussianPrior normal(double mean, double stdDev) {
        return new GaussianPrior(mean, stdDev * stdDev, true);
    }

    GaussianPrior scaledToAbsolute(double controlMean) {
        return new GaussianPrior(mean * Math.abs(controlMean), variance * controlMean * controlMean, proper);
    }
}
