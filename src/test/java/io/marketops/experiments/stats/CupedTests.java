package io.marketops.experiments.stats;

import org.junit.jupiter.api.Test;

import static io.marketops.experiments.stats.Gbstats.assertFrequentist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * CUPED (regression adjustment) against gbstats' published sequential CUPED tests
 * (packages/stats/tests/frequentist/test_tests.py): one with θ given as 0.5, one with θ
 * pooled from the data.
 */
class CupedTests {
    static final MeanStatistic A_PRE = new MeanStatistic(3000, 16.87, 527.9767);
    static final MeanStatistic B_PRE = new MeanStatistic(3461, 22.7, 1348.29);
    static final MeanStatistic A_POST = new MeanStatistic(3000, 1396.87, 52377.9767);
    static final MeanStatistic B_POST = new MeanStatistic(3461, 2422.7, 134698.29);

    static FrequentistSettings sequential() {
        return FrequentistSettings.twoSided(Difference.RELATIVE).withSequential(FrequentistSettings.DEFAULT_TUNING);
    }

    @Test
    void cupedWithAGivenThetaMatchesGbstats() {
        var a = new CupedStatistic(A_POST, A_PRE, 12525, 0.5);
        var b = new CupedStatistic(B_POST, B_PRE, 3333, 0.5);
        assertFrequentist(FrequentistTest.run(a, b, sequential()), 0.50236, -0.43745, 1.44217, 0.3093, 1);
    }

    @Test
    void cupedWithPooledThetaMatchesGbstats() {
        var adjusted = CupedStatistic.adjustPooled(new CupedStatistic(A_POST, A_PRE, 1, 0), new CupedStatistic(B_POST, B_PRE, 1, 0));
        assertFrequentist(FrequentistTest.run(adjusted[0], adjusted[1], sequential()), 0.50338, -0.50969, 1.51646, 0.33341, 1);
    }

    @Test
    void adjustedMeanAndVarianceFollowTheDefinitions() {
        var s = new CupedStatistic(A_POST, A_PRE, 12525, 0.5);
        assertThat(s.mean()).isCloseTo(A_POST.mean() - 0.5 * A_PRE.mean(), within(1e-12));
        assertThat(s.unadjustedMean()).isEqualTo(A_POST.mean());
        double cov = (12525 - 1396.87 * 16.87 / 3000) / 2999;
        assertThat(s.covariance()).isCloseTo(cov, within(1e-12));
        assertThat(s.variance()).isCloseTo(A_POST.variance() + 0.25 * A_PRE.variance() - cov, within(1e-9));
    }

    @Test
    void aPredictivePrePeriodNarrowsTheInterval() {
        // post = pre + noise: the pre-period explains most of the variance
        var aPre = new MeanStatistic(1000, 10_000, 200_000);
        var bPre = new MeanStatistic(1000, 10_100, 204_000);
        var aPost = new MeanStatistic(1000, 10_500, 221_000);
        var bPost = new MeanStatistic(1000, 11_000, 232_000);
        double aProducts = 210_000, bProducts = 217_500;
        var plain = FrequentistTest.run(aPost, bPost, FrequentistSettings.twoSided(Difference.ABSOLUTE));
        var pooled = CupedStatistic.adjustPooled(new CupedStatistic(aPost, aPre, aProducts, 0), new CupedStatistic(bPost, bPre, bProducts, 0));
        var cuped = FrequentistTest.run(pooled[0], pooled[1], FrequentistSettings.twoSided(Difference.ABSOLUTE));
        assertThat(pooled[0].theta()).isGreaterThan(0.5);
        assertThat(cuped.standardError()).isLessThan(plain.standardError());
    }

    @Test
    void preAndPostMustCountTheSameUsers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CupedStatistic(A_POST, B_PRE, 1, 0))
                .hasMessageContaining("same users");
    }
}
