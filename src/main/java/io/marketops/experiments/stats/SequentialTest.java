package io.marketops.experiments.stats;

/**
 * Always-valid inference (Waudby-Smith et al., asymptotic confidence sequences), as gbstats
 * does it. With N = n_a + n_b users, τ the tuning parameter and s² = se²·N:
 * ρ = sqrt((−2 ln α' + ln(−2 ln α' + 1))/τ) with α' = α (two-sided) or 2α (one-sided);
 * two-sided half-width = s·sqrt(2(Nρ²+1)·ln(sqrt(Nρ²+1)/α)/(Nρ)²);
 * one-sided half-width = s·sqrt(2(Nρ²+1)/(Nρ)²·ln(1 + sqrt(Nρ²+1)/(2α)));
 * two-sided p = min(1, 1/E), E = exp(ρ²·(Δ²N/se²)/(2(Nρ²+1)))/sqrt(Nρ²+1);
 * one-sided p = the α at which the bound touches 0, found by bisection on [1e-5, 0.4999].
 */
final class SequentialTest {
    static final double MIN_ALPHA = 1e-5;
    static final double MAX_ALPHA = 0.4999;
    private static final double TOLERANCE = 1e-6;
    private static final int MAX_ITERATIONS = 100;

    private SequentialTest() {
    }

    static double rho(double alpha, double tuning, boolean twoSided) {
        double a = twoSided ? alpha : 2 * alpha;
        return Math.sqrt((-2 * Math.log(a) + Math.log(-2 * Math.log(a) + 1)) / tuning);
    }

    static double twoSidedHalfWidth(double s2, long n, double alpha, double rho) {
        double nr2 = n * rho * rho;
        return Math.sqrt(s2) * Math.sqrt(2 * (nr2 + 1) * Math.log(Math.sqrt(nr2 + 1) / alpha) / Math.pow(n * rho, 2));
    }

    static double oneSidedHalfWidth(double s2, long n, double alpha, double rho) {
        double nr2 = n * rho * rho;
        return Math.sqrt(s2 * (2 * (nr2 + 1) / Math.pow(n * rho, 2)) * Math.log(1 + Math.sqrt(nr2 + 1) / (2 * alpha)));
    }

    static FrequentistResult run(Effect effect, long n, FrequentistSettings s) {
        double est = effect.estimate(), se = effect.standardError();
        double s2 = effect.variance() * n;
        boolean twoSided = s.alternative() == Alternative.TWO_SIDED;
        double rho = rho(s.alpha(), s.tuning(), twoSided);
        if (twoSided) {
            double half = twoSidedHalfWidth(s2, n, s.alpha(), rho);
            double nr2p1 = n * rho * rho + 1;
            double evalue = Math.exp(rho * rho * (est * est * n / effect.variance()) / (2 * nr2p1)) / Math.sqrt(nr2p1);
            return new FrequentistResult(est, se, est - half, est + half, Math.min(1 / evalue, 1), null);
        }
        boolean less = s.alternative() == Alternative.LESS;
        double half = oneSidedHalfWidth(s2, n, s.alpha(), rho);
        double low = less ? Double.NEGATIVE_INFINITY : est - half;
        double high = less ? est + half : Double.POSITIVE_INFINITY;
        return new FrequentistResult(est, se, low, high, oneSidedPValue(est, s2, n, rho, less), null);
    }

    /** The bound that decides a one-sided test: the upper one for "less", the lower one for "greater". */
    private static double bound(double est, double s2, long n, double alpha, double rho, boolean less) {
        double half = oneSidedHalfWidth(s2, n, alpha, rho);
        return less ? est + half : est - half;
    }

    /**
     * Bisection on α with ρ held at the configured α's value, stopping when the bound is within
     * 1e-6 of 0; returns the midpoint after the last step (gbstats' exact procedure, so the
     * digits agree). Null when it does not converge.
     */
    static Double oneSidedPValue(double est, double s2, long n, double rho, boolean less) {
        double min = MIN_ALPHA, max = MAX_ALPHA;
        double small = bound(est, s2, n, min, rho, less);
        if (less ? small < 0 : small > 0) return min;
        double big = bound(est, s2, n, max, rho, less);
        if (less ? big > 0 : big < 0) return max;
        double alpha = 0.5 * (min + max);
        double diff = 0;
        int iterations = 0;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            iterations = i;
            diff = bound(est, s2, n, alpha, rho, less);
            boolean tooWide = less ? diff > 0 : diff < 0;
            if (tooWide) min = alpha;
            else max = alpha;
            alpha = 0.5 * (min + max);
            if (Math.abs(diff) < TOLERANCE) break;
        }
        return Math.abs(diff) < TOLERANCE && iterations != MAX_ITERATIONS ? alpha : null;
    }
}
