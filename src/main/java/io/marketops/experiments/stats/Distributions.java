package io.marketops.experiments.stats;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * The few distribution functions the engine needs, computed with Hipparchus. Tail
 * probabilities go through erfc and the regularized gamma function so that small p-values
 * keep their digits instead of being computed as 1 − (something close to 1).
 */
final class Distributions {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Distributions() {
    }

    /** Standard normal cumulative distribution Φ(x). */
    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    /** Standard normal density φ(x). */
    static double normalPdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Standard normal quantile Φ⁻¹(p). */
    static double normalQuantile(double p) {
        return SQRT2 * Erf.erfInv(2 * p - 1);
    }

    /** Student t cumulative distribution with {@code df} degrees of freedom. */
    static double tCdf(double x, double df) {
        return new TDistribution(df).cumulativeProbability(x);
    }

    /** Student t quantile with {@code df} degrees of freedom. */
    static double tQuantile(double p, double df) {
        return new TDistribution(df).inverseCumulativeProbability(p);
    }

    /** P(X ≥ x) for a chi-square variable with {@code df} degrees of freedom. */
    static double chiSquareSurvival(double x, int df) {
        if (x <= 0) return 1;
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }
}
