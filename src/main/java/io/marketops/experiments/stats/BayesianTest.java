package io.marketops.experiments.stats;

/**
 * gbstats' EffectBayesianABTest: the estimated effect Δ with variance se² (see {@link Effect})
 * is the likelihood; with a proper prior N(μ₀, σ₀²) the posterior is precision-weighted,
 * 1/σ² = 1/se² + 1/σ₀² and mean = σ²(Δ/se² + μ₀/σ₀²); with a flat prior it is N(Δ, se²).
 * Chance to win = Φ(mean/σ); credible interval from the normal quantiles α/2 and 1 − α/2;
 * risk of keeping the control = mean·Φ(mean/σ) + σ·φ(mean/σ), of shipping = that − mean.
 */
public final class BayesianTest {
    private BayesianTest() {
    }

    public static BayesianResult run(MetricStatistic a, MetricStatistic b, BayesianSettings s) {
        Effect effect = Effect.of(a, b, s.difference());
        if (!effect.ok()) return BayesianResult.failed(effect.error());
        GaussianPrior prior = s.prior();
        if (s.difference() == Difference.ABSOLUTE) prior = prior.scaledToAbsolute(a.unadjustedMean());
        double precision = 1 / effect.variance() + (prior.proper() ? 1 / prior.variance() : 0);
        double mean = prior.proper()
                ? (effect.estimate() / effect.variance() + prior.mean() / prior.variance()) / precision
                : effect.estimate();
        double sd = Math.sqrt(1 / precision);
        double z = mean / sd;
        double chance = Distributions.normalCdf(z);
        double riskControl = mean * Distributions.normalCdf(z) + sd * Distributions.normalPdf(z);
        double riskTreatment = -mean * Distributions.normalCdf(-z) + sd * Distributions.normalPdf(z);
        double low = mean + sd * Distributions.normalQuantile(s.alpha() / 2);
        double high = mean + sd * Distributions.normalQuantile(1 - s.alpha() / 2);
        if (s.inverse()) return new BayesianResult(mean, sd, low, high, 1 - chance, riskTreatment, riskControl, null);
        return new BayesianResult(mean, sd, low, high, chance, riskControl, riskTreatment, null);
    }
}
