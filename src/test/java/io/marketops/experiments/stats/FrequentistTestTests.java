package io.marketops.experiments.stats;

import org.junit.jupiter.api.Test;

import static io.marketops.experiments.stats.Gbstats.assertFrequentist;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * gbstats' published expectations for the fixed-horizon Welch t-test
 * (growthbook/growthbook, packages/stats/tests/frequentist/test_tests.py, MIT): same inputs,
 * values rounded to 5 decimals.
 */
class FrequentistTestTests {
    static final MeanStatistic A_3407 = new MeanStatistic(3407, 1396.87, 52377.9767);
    static final MeanStatistic B_3461 = new MeanStatistic(3461, 2422.7, 134698.29);
    static final MeanStatistic A_3000 = new MeanStatistic(3000, 1396.87, 52377.9767);

    static FrequentistResult run(MetricStatistic a, MetricStatistic b, Difference d, Alternative alt) {
        return FrequentistTest.run(a, b, FrequentistSettings.twoSided(d).withAlternative(alt));
    }

    @Test
    void twoSidedRelativeWelchTestMatchesGbstats() {
        assertFrequentist(run(A_3407, B_3461, Difference.RELATIVE, Alternative.TWO_SIDED),
                0.70732, -0.03526, 1.44989, 0.37879, 0.06191);
    }

    @Test
    void twoSidedAbsoluteWelchTestMatchesGbstats() {
        assertFrequentist(run(A_3407, B_3461, Difference.ABSOLUTE, Alternative.TWO_SIDED),
                0.7 - 0.41, 0.04538, 0.53462, 0.12478, 0.02016);
    }

    @Test
    void twoSidedBinomialTestMatchesGbstats() {
        var r = run(new ProportionStatistic(28, 14), new ProportionStatistic(30, 16), Difference.RELATIVE, Alternative.TWO_SIDED);
        assertFrequentist(r, (16.0 / 30 - 0.5) / 0.5, -0.47767, 0.61101, 0.2717, 0.80707);
    }

    @Test
    void negativeVarianceGivesTheUninformativeResultWithAReason() {
        var r = run(new MeanStatistic(2, 1396.87, 52377.9767), B_3461, Difference.RELATIVE, Alternative.TWO_SIDED);
        assertThat(r.error()).isEqualTo(Effect.ZERO_VARIANCE);
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.estimate()).isZero();
        assertThat(r.ciLow()).isZero();
        assertThat(r.ciHigh()).isZero();
    }

    @Test
    void oneSidedGreaterRelativeMatchesGbstats() {
        assertFrequentist(run(A_3000, B_3461, Difference.RELATIVE, Alternative.GREATER),
                0.5033610858562358, -0.045136675850396046, Double.POSITIVE_INFINITY, 0.3334122146400735, 0.06558262868467746);
    }

    @Test
    void oneSidedGreaterAbsoluteMatchesGbstats() {
        assertFrequentist(run(A_3000, B_3461, Difference.ABSOLUTE, Alternative.GREATER),
                0.23437666666666668, 0.020791480063255735, Double.POSITIVE_INFINITY, 0.12983081254184736, 0.03554272489873023);
    }

    @Test
    void oneSidedLessRelativeMatchesGbstats() {
        assertFrequentist(run(A_3000, B_3461, Difference.RELATIVE, Alternative.LESS),
                0.5033610858562358, Double.NEGATIVE_INFINITY, 1.0518588475628676, 0.3334122146400735, 0.9344173713153225);
    }

    @Test
    void oneSidedLessAbsoluteMatchesGbstats() {
        assertFrequentist(run(A_3000, B_3461, Difference.ABSOLUTE, Alternative.LESS),
                0.23437666666666668, Double.NEGATIVE_INFINITY, 0.44796185327007765, 0.12983081254184736, 0.9644572751012698);
    }

    @Test
    void noUsersInAVariantIsReportedNotDividedByZero() {
        var r = run(new MeanStatistic(0, 0, 0), B_3461, Difference.ABSOLUTE, Alternative.TWO_SIDED);
        assertThat(r.error()).isEqualTo(Effect.NO_USERS);
    }

    @Test
    void aZeroControlMeanHasNoRelativeLiftButAnAbsoluteOne() {
        var zero = new ProportionStatistic(100, 0);
        var some = new ProportionStatistic(100, 5);
        assertThat(run(zero, some, Difference.RELATIVE, Alternative.TWO_SIDED).error()).isEqualTo(Effect.ZERO_BASELINE);
        assertThat(run(new ProportionStatistic(100, 3), some, Difference.ABSOLUTE, Alternative.TWO_SIDED).ok()).isTrue();
    }
}
