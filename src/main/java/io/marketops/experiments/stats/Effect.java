package io.marketops.experiments.stats;

/**
 * The estimated effect of a treatment b against the control a and its variance — the common
 * input of every test. Absolute: Δ = mean_b − mean_a, Var = v_b/n_b + v_a/n_a. Relative
 * (delta method, means unadjusted, variances adjusted when CUPED is used):
 * Δ = (mean_b − mean_a)/|m_a|, Var = v_b/(n_b·m_a²) + v_a·m_b²/(n_a·m_a⁴).
 *
 * @param error why no effect could be estimated (then estimate and variance are 0), or null
 */
public record Effect(double estimate, double variance, String error) {
    public static final String NO_USERS = "a variant has no users";
    public static final String ZERO_BASELINE = "the control mean is 0, so a relative change is undefined";
    public static final String ZERO_VARIANCE = "a variant has zero or negative variance; more users are needed";

    public static Effect of(MetricStatistic a, MetricStatistic b, Difference difference) {
        if (a.n() == 0 || b.n() == 0) return failed(NO_USERS);
        boolean relative = difference == Difference.RELATIVE;
        double ma = a.unadjustedMean(), mb = b.unadjustedMean();
        if (relative && (a.mean() == 0 || ma == 0)) return failed(ZERO_BASELINE);
        double va = a.variance(), vb = b.variance();
        if (!(va > 0) || !(vb > 0)) return failed(ZERO_VARIANCE);
        if (!relative) return new Effect(b.mean() - a.mean(), vb / b.n() + va / a.n(), null);
        double estimate = (b.mean() - a.mean()) / Math.abs(ma);
        double variance = vb / (b.n() * ma * ma) + va * mb * mb / (a.n() * Math.pow(ma, 4));
        return new Effect(estimate, variance, null);
    }

    static Effect failed(String error) {
        return new Effect(0, 0, error);
    }

    public boolean ok() {
        return error == null;
    }

    public double standardError() {
        return Math.sqrt(variance);
    }

    /** Welch–Satterthwaite degrees of freedom from the two variants' variances. */
    public static double welchDegreesOfFreedom(MetricStatistic a, MetricStatistic b) {
        double va = a.variance(), vb = b.variance();
        long na = a.n(), nb = b.n();
        if (na <= 1 || nb <= 1 || va <= 0 || vb <= 0) return 1;
        double num = Math.pow(vb / nb + va / na, 2);
        double den = vb * vb / ((double) nb * nb * (nb - 1)) + va * va / ((double) na * na * (na - 1));
        return num / den;
    }
}
