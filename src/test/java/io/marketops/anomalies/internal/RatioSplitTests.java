package io.marketops.anomalies.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class RatioSplitTests {

    @Test
    void numeratorAndDenominatorEffectsAddUpToTheChange() {
        // expected 100 / 1000 = 0.10, actual 60 / 1200 = 0.05: change −0.05.
        // numerator effect = ½[(60 − 100)/1000 + (60 − 100)/1200] = ½[−0.04 − 0.03333] = −0.036667
        // denominator effect = ½(100 + 60)·(1/1200 − 1/1000) = 80 · −0.00016667 = −0.013333
        RatioSplit.Parts p = RatioSplit.parts(100, 1000, 60, 1200);

        assertThat(p.change()).isCloseTo(-0.05, offset(1e-12));
        assertThat(p.numeratorEffect()).isCloseTo(-0.036667, offset(1e-6));
        assertThat(p.denominatorEffect()).isCloseTo(-0.013333, offset(1e-6));
        assertThat(p.numeratorEffect() + p.denominatorEffect()).isCloseTo(p.change(), offset(1e-12));
        assertThat(p.numeratorChange()).isCloseTo(-0.4, offset(1e-12));
        assertThat(p.denominatorChange()).isCloseTo(0.2, offset(1e-12));
    }

    @Test
    void trafficMovingToALowerRateValueIsAMixEffect() {
        // rates unchanged (A 10 %, B 2 %); visitors 500/500 → 200/800. Ratio 60/1000 = 0.06 → 36/1000 = 0.036.
        // mix = Σ Δw · r̄ = (0.2 − 0.5)·0.10 + (0.8 − 0.5)·0.02 = −0.024; rate = 0
        RatioSplit.MixRate m = RatioSplit.mixRate("channel", List.of(
                new Adtributor.Element("A", 50, 20, 500, 200), new Adtributor.Element("B", 10, 16, 500, 800)));

        assertThat(m.change()).isCloseTo(-0.024, offset(1e-12));
        assertThat(m.mix()).isCloseTo(-0.024, offset(1e-12));
        assertThat(m.rate()).isCloseTo(0, offset(1e-12));
    }

    @Test
    void ratesFallingWithinValuesIsARateEffect() {
        RatioSplit.MixRate m = RatioSplit.mixRate("channel", List.of(
                new Adtributor.Element("A", 50, 25, 500, 500), new Adtributor.Element("B", 10, 5, 500, 500)));

        assertThat(m.change()).isCloseTo(-0.03, offset(1e-12));
        assertThat(m.rate()).isCloseTo(-0.03, offset(1e-12));
        assertThat(m.mix()).isCloseTo(0, offset(1e-12));
    }

    @Test
    void mixRateAndUnmatchedAlwaysAddUpToTheChange() {
        // everything moves at once, and a marketplace channel has orders but no web visitors at all
        RatioSplit.MixRate m = RatioSplit.mixRate("channel", List.of(
                new Adtributor.Element("A", 50, 31, 500, 410), new Adtributor.Element("B", 10, 22, 500, 690),
                new Adtributor.Element("tmall", 40, 25, 0, 0), new Adtributor.Element("new", 0, 7, 0, 40)));

        double expected = (50 + 10 + 40 + 0) / 1000.0, actual = (31 + 22 + 25 + 7) / 1140.0;
        assertThat(m.change()).isCloseTo(actual - expected, offset(1e-12));
        assertThat(m.mix() + m.rate() + m.unmatched()).isCloseTo(m.change(), offset(1e-12));
        assertThat(m.unmatched()).isCloseTo(25 / 1140.0 - 40 / 1000.0, offset(1e-12));
    }
}
