package io.marketops.experiments.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Holm–Bonferroni and Benjamini–Hochberg against GrowthBook's published expectations
 * (packages/shared/test/experiments.test.ts, "pvalue correction method"; results in input order).
 */
class PValueCorrectionTests {

    private static double[] round8(double[] x) {
        return Arrays.stream(x).map(v -> Math.round(v * 1e8) / 1e8).toArray();
    }

    @Test
    void holmBonferroniMatchesGrowthBook() {
        double[] adjusted = PValueCorrection.holm(new double[]{0.01, 0.04, 0.03, 0.005, 0.55, 0.6});
        assertThat(round8(adjusted)).containsExactly(0.05, 0.12, 0.12, 0.03, 1, 1);
    }

    @Test
    void benjaminiHochbergMatchesGrowthBook() {
        double[] adjusted = PValueCorrection.benjaminiHochberg(new double[]{0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138});
        assertThat(round8(adjusted)).containsExactly(0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415);
    }

    @Test
    void twoMetricsAdjustLikeGrowthBookResults() {
        assertThat(round8(PValueCorrection.holm(new double[]{0.025, 0.03}))).containsExactly(0.05, 0.05);
        assertThat(round8(PValueCorrection.benjaminiHochberg(new double[]{0.025, 0.03}))).containsExactly(0.03, 0.03);
    }

    @Test
    void adjustedIntervalTouchesZeroExactlyAtTheSignificanceLevel() {
        assertThat(round8(PValueCorrection.adjustedInterval(0.049999999, 0.1, 0.05))).containsExactly(0, 0.2);
        assertThat(round8(PValueCorrection.adjustedInterval(0.0099999999, 0.1, 0.01))).containsExactly(0, 0.2);
    }

    @Test
    void noCorrectionLeavesPValuesAlone() {
        double[] p = {0.2, 0.01};
        assertThat(PValueCorrection.adjust(p, PValueCorrection.Method.NONE)).containsExactly(p);
        assertThat(PValueCorrection.adjust(p, PValueCorrection.Method.HOLM)[1]).isCloseTo(0.02, within(1e-15));
    }
}
