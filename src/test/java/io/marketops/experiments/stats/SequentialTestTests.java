package io.marketops.experiments.stats;

import org.junit.jupiter.api.Test;

import static io.marketops.experiments.stats.Gbstats.assertFrequentist;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * gbstats' published expectations for sequential (always-valid) tests, from
 * packages/stats/tests/frequentist/test_tests.py: two-sided mean and proportion, one-sided
 * greater and less, relative and absolute, and the tuning parameter's effect.
 */
class SequentialTestTests {
    static final MeanStatistic A = new MeanStatistic(3000, 1396.87, 52377.9767);
    static final MeanStatistic B = new MeanStatistic(3461, 2422.7, 134698.29);

    static FrequentistSettings sequential(Difference d, Alternative alt, double tuning) {
        return FrequentistSettings.twoSided(d).withAlternative(alt).withSequential(tuning);
    }

    @Test
    void twoSidedMeanWithTuning1000MatchesGbstats() {
        var r = FrequentistTest.run(A, B, sequential(Difference.RELATIVE, Alternative.TWO_SIDED, 1000));
        assertFrequentist(r, 0.50336, -0.55844, 1.56516, 0.33341, 1);
    }

    @Test
    void twoSidedProportionWithDefaultTuningMatchesGbstats() {
        var r = FrequentistTest.run(new ProportionStatistic(3000, 1396), new ProportionStatistic(3461, 2422),
                sequential(Difference.RELATIVE, Alternative.TWO_SIDED, FrequentistSettings.DEFAULT_TUNING));
        assertFrequentist(r, 0.50386, 0.40098, 0.60675, 0.03386, 0.0);
    }

    @Test
    void oneSidedGreaterRelativeMatchesGbstats() {
        var r = FrequentistTest.run(A, B, sequential(Difference.RELATIVE, Alternative.GREATER, 5000));
        assertFrequentist(r, 0.5033610858562358, -0.42356454602790883, Double.POSITIVE_INFINITY, 0.3334122146400735, 0.4999);
    }

    @Test
    void oneSidedGreaterAbsoluteFindsThePValueByBisectionLikeGbstats() {
        var r = FrequentistTest.run(A, B, sequential(Difference.ABSOLUTE, Alternative.GREATER, 5000));
        assertFrequentist(r, 0.23437666666666668, -0.12656844172804982, Double.POSITIVE_INFINITY, 0.12983081254184736, 0.46316491943359384);
    }

    @Test
    void oneSidedLessRelativeMatchesGbstats() {
        var r = FrequentistTest.run(A, B, sequential(Difference.RELATIVE, Alternative.LESS, 5000));
        assertFrequentist(r, 0.5033610858562358, Double.NEGATIVE_INFINITY, 1.4302867177403806, 0.3334122146400735, 0.4999);
    }

    @Test
    void oneSidedLessAbsoluteMatchesGbstats() {
        var r = FrequentistTest.run(A, B, sequential(Difference.ABSOLUTE, Alternative.LESS, 5000));
        assertFrequentist(r, 0.23437666666666668, Double.NEGATIVE_INFINITY, 0.5953217750613832, 0.12983081254184736, 0.4999);
    }

    @Test
    void aTuningParameterNearTheActualSampleSizeGivesTheTightestInterval() {
        var below = FrequentistTest.run(A, B, sequential(Difference.RELATIVE, Alternative.TWO_SIDED, 10));
        var near = FrequentistTest.run(A, B, sequential(Difference.RELATIVE, Alternative.TWO_SIDED, 6461));
        var above = FrequentistTest.run(A, B, sequential(Difference.RELATIVE, Alternative.TWO_SIDED, 10000));
        assertThat(below.ciLow()).isLessThan(above.ciLow());
        assertThat(below.ciHigh()).isGreaterThan(above.ciHigh());
        assertThat(below.ciLow()).isLessThan(near.ciLow());
        assertThat(below.ciHigh()).isGreaterThan(near.ciHigh());
        assertThat(above.ciLow()).isLessThan(near.ciLow());
        assertThat(above.ciHigh()).isGreaterThan(near.ciHigh());
    }

    @Test
    void aSequentialIntervalIsWiderThanTheFixedHorizonOne() {
        var fixed = FrequentistTest.run(A, B, FrequentistSettings.twoSided(Difference.RELATIVE));
        var seq = FrequentistTest.run(A, B, sequential(Difference.RELATIVE, Alternative.TWO_SIDED, 5000));
        assertThat(seq.ciHigh() - seq.ciLow()).isGreaterThan(fixed.ciHigh() - fixed.ciLow());
        assertThat(seq.pValue()).isGreaterThanOrEqualTo(fixed.pValue());
    }

    @Test
    void oneSidedSequentialRefusesAlphaOfOneHalfOrMore() {
        var r = FrequentistTest.run(A, B, sequential(Difference.RELATIVE, Alternative.GREATER, 5000).withAlpha(0.5));
        assertThat(r.error()).isEqualTo(FrequentistTest.ALPHA_TOO_HIGH);
    }
}
