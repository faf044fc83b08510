package io.marketops.experiments.stats;

import java.util.List;

/**
 * One metric of one experiment, from summary statistics: the first variant is the control.
 *
 * @param weights    planned traffic split in variant order (normalised); null = equal
 * @param cuped      pre-period data per variant for CUPED, or null
 * @param prior      prior on the relative lift for the Bayesian engine; FLAT when none
 * @param correction correction of p-values across the treatments (more than one treatment)
 * @param inverse    lower is better (chance to win and risks mirrored)
 */
public record Analysis(MetricType metricType, Engine engine, boolean sequential, double tuning, Alternative alternative,
                       double alpha, List<VariantData> variants, double[] weights, Cuped cuped, GaussianPrior prior,
                       PValueCorrection.Method correction, boolean inverse) {

    public enum MetricType { BINOMIAL, MEAN }

    public enum Engine { FREQUENTIST, BAYESIAN }

    /** @param sumSquares Σ value² over users; ignored (= sum) for binomial metrics */
    public record VariantData(String name, long users, double sum, Double sumSquares) {
    }

    /** @param theta null = pooled over the variants (recommended) */
    public record Cuped(Double theta, List<PrePeriod> pre) {
    }

    /** The same users' pre-experiment value: Σ pre, Σ pre², Σ post·pre. */
    public record PrePeriod(double sum, Double sumSquares, double sumProducts) {
    }

    public Analysis {
        if (variants == null || variants.size() < 2) throw new IllegalArgumentException("at least a control and one treatment are needed");
        if (weights != null && weights.length != variants.size()) throw new IllegalArgumentException("one weight per variant is needed");
        if (cuped != null && cuped.pre().size() != variants.size()) throw new IllegalArgumentException("one pre-period per variant is needed");
        if (prior == null) prior = GaussianPrior.FLAT;
        if (correction == null) correction = PValueCorrection.Method.NONE;
        variants = List.copyOf(variants);
    }

    /** The statistic the engine works on for variant {@code i} (CUPED-adjusted when pre-period data is given). */
    MetricStatistic statistic(int i) {
        VariantData v = variants.get(i);
        MetricStatistic post = plain(v.users(), v.sum(), v.sumSquares());
        if (cuped == null) return post;
        PrePeriod p = cuped.pre().get(i);
        return new CupedStatistic(post, plain(v.users(), p.sum(), p.sumSquares()), p.sumProducts(), cuped.theta() == null ? 0 : cuped.theta());
    }

    private MetricStatistic plain(long n, double sum, Double sumSquares) {
        if (metricType == MetricType.BINOMIAL) return new ProportionStatistic(n, sum);
        if (sumSquares == null) throw new IllegalArgumentException("sumSquares is required for mean metrics");
        return new MeanStatistic(n, sum, sumSquares);
    }
}
