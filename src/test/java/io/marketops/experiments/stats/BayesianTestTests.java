package io.marketops.experiments.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static io.marketops.experiments.stats.Gbstats.assertBayesian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * gbstats' published expectations for EffectBayesianABTest
 * (packages/stats/tests/bayesian/test_tests.py, MIT): flat and proper priors, binomial and
 * mean metrics, chance to win and both risks.
 */
class BayesianTestTests {
    static final MeanStatistic A = new MeanStatistic(10, 100, 1002.25);
    static final MeanStatistic B = new MeanStatistic(10, 105, 1111.5);

    @Test
    void binomialWithFlatPriorMatchesGbstats() {
        var r = BayesianTest.run(new ProportionStatistic(100, 49), new ProportionStatistic(100, 51), BayesianSettings.flat(Difference.RELATIVE));
        assertBayesian(r, 0.04082, -0.24779, 0.32943, 0.14725, 0.60918, 0.0814, 0.04058);
    }

    @Test
    void meanWithFlatPriorMatchesGbstats() {
        var r = BayesianTest.run(A, B, BayesianSettings.flat(Difference.RELATIVE));
        assertBayesian(r, 0.05, -0.02, 0.12, 0.03572, 0.91923, 0.05131, 0.00131);
    }

    @Test
    void meanWithProperPriorMatchesGbstats() {
        var settings = new BayesianSettings(Difference.RELATIVE, 0.05, new GaussianPrior(0.1, 0.1, true), false);
        assertBayesian(BayesianTest.run(A, B, settings), 0.05063, -0.01893, 0.12019, 0.03549, 0.92315, 0.05186, 0.00123);
    }

    @Test
    void missingDataGivesAnEvenChanceAndNoEffect() {
        var r = BayesianTest.run(new ProportionStatistic(0, 0), new ProportionStatistic(0, 0), BayesianSettings.flat(Difference.RELATIVE));
        assertThat(r.chanceToWin()).isEqualTo(0.5);
        assertThat(r.estimate()).isZero();
        assertThat(r.error()).isEqualTo(Effect.NO_USERS);
    }

    @Test
    void riskIsTheExpectedLossOfTheNormalPosteriorBySimulation() {
        var r = BayesianTest.run(A, B, BayesianSettings.flat(Difference.RELATIVE));
        var rng = new SplittableRandom(20240329);
        double lossControl = 0, lossTreatment = 0;
        int draws = 2_000_000;
        for (int i = 0; i < draws; i++) {
            double y = r.estimate() + r.stdDev() * gaussian(rng);
            if (y > 0) lossControl += y;
            else lossTreatment -= y;
        }
        assertThat(r.riskControl()).isCloseTo(lossControl / draws, within(1e-3));
        assertThat(r.riskTreatment()).isCloseTo(lossTreatment / draws, within(1e-3));
        assertThat(r.riskControl() - r.riskTreatment()).isCloseTo(r.estimate(), within(1e-12));
    }

    @Test
    void aRelativePriorIsRescaledForAbsoluteEffectsSoTheChanceToWinStaysClose() {
        var c = new MeanStatistic(100, 1000, 200000);
        var t = new MeanStatistic(100, 1100, 200005);
        var prior = new GaussianPrior(1, 1, true);
        var abs = BayesianTest.run(c, t, new BayesianSettings(Difference.ABSOLUTE, 0.05, prior, false));
        var rel = BayesianTest.run(c, t, new BayesianSettings(Difference.RELATIVE, 0.05, prior, false));
        assertThat(abs.chanceToWin()).isCloseTo(rel.chanceToWin(), within(0.005));
    }

    @Test
    void anInverseMetricMirrorsChanceToWinAndRisks() {
        var normal = BayesianTest.run(A, B, BayesianSettings.flat(Difference.RELATIVE));
        var inverse = BayesianTest.run(A, B, new BayesianSettings(Difference.RELATIVE, 0.05, GaussianPrior.FLAT, true));
        assertThat(inverse.chanceToWin()).isCloseTo(1 - normal.chanceToWin(), within(1e-12));
        assertThat(inverse.riskControl()).isEqualTo(normal.riskTreatment());
        assertThat(inverse.riskTreatment()).isEqualTo(normal.riskControl());
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
