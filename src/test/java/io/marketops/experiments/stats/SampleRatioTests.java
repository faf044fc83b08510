package io.marketops.experiments.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Sample-ratio mismatch against gbstats' published value (packages/stats/tests/test_gbstats.py, 9 decimals). */
class SampleRatioTests {

    @Test
    void matchesGbstatsCheckSrm() {
        double p = SampleRatio.pValue(new long[]{1000, 1200}, new double[]{0.5, 0.5});
        assertThat(new java.math.BigDecimal(p).setScale(9, java.math.RoundingMode.HALF_EVEN).doubleValue()).isEqualTo(0.000020079);
    }

    @Test
    void weightsAreNormalisedAndFollowThePlannedSplit() {
        assertThat(SampleRatio.pValue(new long[]{2000, 1000}, new double[]{2, 1})).isCloseTo(1.0, within(1e-12));
        assertThat(SampleRatio.pValue(new long[]{2000, 1000}, new double[]{0.5, 0.5})).isLessThan(SampleRatio.WARNING_THRESHOLD);
    }

    @Test
    void threeVariantsUseTwoDegreesOfFreedom() {
        // chi-square 2 with 2 df: survival = exp(-1)
        double p = SampleRatio.pValue(new long[]{110, 90, 100}, new double[]{1, 1, 1});
        assertThat(p).isCloseTo(Math.exp(-1), within(1e-12));
    }

    @Test
    void noUsersYetIsNoMismatch() {
        assertThat(SampleRatio.pValue(0, 0)).isEqualTo(1.0);
    }

    @Test
    void mismatchedWeightsAreRejected() {
        assertThatThrownBy(() -> SampleRatio.pValue(new long[]{1, 2}, new double[]{1})).hasMessageContaining("one weight per variant");
    }
}
