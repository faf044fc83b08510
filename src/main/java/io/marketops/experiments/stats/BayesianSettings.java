package io.marketops.experiments.stats;

/**
 * @param alpha   1 − credibility of the interval (0.05 = 95% credible interval)
 * @param inverse true when lower is better (bounce rate, cost per order): chance to win and
 *                the two risks are mirrored
 */
public record BayesianSettings(Difference difference, double alpha, GaussianPrior prior, boolean inverse) {
    public BayesianSettings {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be between 0 and 1, was " + alpha);
        if (prior == null) prior = GaussianPrior.FLAT;
    }

    public static BayesianSettings flat(Difference difference) {
        return new BayesianSettings(difference, 0.05, GaussianPrior.FLAT, false);
    }
}
