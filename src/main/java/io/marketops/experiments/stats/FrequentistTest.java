package io.marketops.experiments.stats;

/**
 * Welch's t-test (fixed horizon) and the asymptotic confidence sequence (sequential), two- or
 * one-sided, on absolute or relative effects — gbstats' TwoSidedTTest, OneSidedTreatment
 * Greater/LesserTTest and their Sequential variants.
 */
public final class FrequentistTest {
    public static final String ALPHA_TOO_HIGH = "a one-sided sequential test needs alpha below 0.5";

    private FrequentistTest() {
    }

    public static FrequentistResult run(MetricStatistic a, MetricStatistic b, FrequentistSettings s) {
        Effect effect = Effect.of(a, b, s.difference());
        if (!effect.ok()) return FrequentistResult.failed(effect.error());
        if (s.sequential()) {
            if (s.alternative() != Alternative.TWO_SIDED && s.alpha() >= 0.5) return FrequentistResult.failed(ALPHA_TOO_HIGH);
            return SequentialTest.run(effect, a.n() + b.n(), s);
        }
        double est = effect.estimate(), se = effect.standardError();
        double df = Effect.welchDegreesOfFreedom(a, b);
        double t = est / se;
        return switch (s.alternative()) {
            case TWO_SIDED -> {
                double half = Distributions.tQuantile(1 - s.alpha() / 2, df) * se;
                yield new FrequentistResult(est, se, est - half, est + half, 2 * Distributions.tCdf(-Math.abs(t), df), null);
            }
            case GREATER -> {
                double half = Distributions.tQuantile(1 - s.alpha(), df) * se;
                yield new FrequentistResult(est, se, est - half, Double.POSITIVE_INFINITY, Distributions.tCdf(-t, df), null);
            }
            case LESS -> {
                double half = Distributions.tQuantile(1 - s.alpha(), df) * se;
                yield new FrequentistResult(est, se, Double.NEGATIVE_INFINITY, est + half, Distributions.tCdf(t, df), null);
            }
        };
    }
}
