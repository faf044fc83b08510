package io.marketops.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * How gbstats' unit tests compare numbers: both sides rounded to 5 decimals (numpy.round,
 * half to even), then equal — here within 1e-5 to absorb the last digit's floating noise.
 */
final class Gbstats {
    static final int DECIMALS = 5;

    private Gbstats() {
    }

    static double round(double x) {
        if (Double.isInfinite(x)) return x;
        return new java.math.BigDecimal(x).setScale(DECIMALS, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    static void assertRounded(String what, double actual, double expected) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        assertThat(round(actual)).as(what + " (actual " + actual + ")").isCloseTo(round(expected), within(1e-5 + 1e-12));
    }

    static void assertFrequentist(FrequentistResult r, double expected, double ciLow, double ciHigh, double stdErr, double pValue) {
        assertThat(r.error()).isNull();
        assertRounded("expected", r.estimate(), expected);
        assertRounded("ci low", r.ciLow(), ciLow);
        assertRounded("ci high", r.ciHigh(), ciHigh);
        assertRounded("uplift stddev", r.standardError(), stdErr);
        assertRounded("p-value", r.pValue(), pValue);
    }

    static void assertBayesian(BayesianResult r, double expected, double ciLow, double ciHigh, double stdDev,
                               double chanceToWin, double riskControl, double riskTreatment) {
        assertThat(r.error()).isNull();
        assertRounded("expected", r.estimate(), expected);
        assertRounded("ci low", r.ciLow(), ciLow);
        assertRounded("ci high", r.ciHigh(), ciHigh);
        assertRounded("uplift stddev", r.stdDev(), stdDev);
        assertRounded("chance to win", r.chanceToWin(), chanceToWin);
        assertRounded("risk control", r.riskControl(), riskControl);
        assertRounded("risk treatment", r.riskTreatment(), riskTreatment);
    }
}
