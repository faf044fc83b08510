package io.marketops.anomalies.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * Adtributor on a hand-worked example. Expected 100 visitors, 70 came (Δ = −30).
 * <pre>
 * channel   A 60 → 30   B 30 → 30   C 10 → 10
 * campaign  a1 40 → 20 (in A)   a2 20 → 10 (in A)   b 30 → 30   c 10 → 10
 * device    mobile 80 → 56   desktop 20 → 14   (both −30 %: shares unchanged)
 * </pre>
 * Explanatory power EP = (actual − expected) / Δ: A 1, B 0, C 0; a1 20/30 = 0.667, a2 0.333;
 * mobile 0.8, desktop 0.2.
 * Surprise JS(p, q) = ½[p ln(2p/(p+q)) + q ln(2q/(p+q))] with p = expected share, q = actual share:
 * A: p .6, q 30/70 = .4286 → ½[.6 ln(1.2/1.0286) + .4286 ln(.8571/1.0286)] = ½[.6·.15415 − .4286·.18232] = 0.007176;
 * a1: p .4, q .2857 → 0.004784; a2: p .2, q .1429 → 0.002392 (a1 + a2 = A's 0.007176: JS terms add up
 * when children move together); mobile, desktop: p = q → 0.
 * Channel's set: {A} (EP 1 > 0.67). Campaign's: a1 alone is 0.667, not above 0.67, so {a1, a2}.
 * Device: {mobile} (0.8) with surprise 0. Ordered by their own surprise: A, a1, a2, mobile.
 */
class AdtributorTests {

    private static Map<String, List<Adtributor.Element>> example(double a1Actual, double a2Actual) {
        Map<String, List<Adtributor.Element>> m = new LinkedHashMap<>();
        double aActual = a1Actual + a2Actual;
        m.put("channel", List.of(Adtributor.Element.of("A", 60, aActual), Adtributor.Element.of("B", 30, 30), Adtributor.Element.of("C", 10, 10)));
        m.put("campaign", List.of(Adtributor.Element.of("a1", 40, a1Actual), Adtributor.Element.of("a2", 20, a2Actual),
                Adtributor.Element.of("b", 30, 30), Adtributor.Element.of("c", 10, 10)));
        double total = aActual + 40;
        m.put("device", List.of(Adtributor.Element.of("mobile", 80, total * 0.8), Adtributor.Element.of("desktop", 20, total * 0.2)));
        return m;
    }

    @Test
    void ranksTheChannelFirstWhenAllItsCampaignsFellTogether() {
        List<Adtributor.Candidate> causes = Adtributor.explain(example(20, 10), false);

        assertThat(causes).extracting(Adtributor.Candidate::value).containsExactly("A", "a1", "a2", "mobile");
        assertThat(causes.get(0).explains()).isCloseTo(1.0, offset(1e-9));
        assertThat(causes.get(0).surprise()).isCloseTo(0.007176, offset(1e-6));
        assertThat(causes.get(0).change()).isCloseTo(-0.5, offset(1e-9));
        assertThat(causes.get(1).explains()).isCloseTo(2.0 / 3, offset(1e-9));
        assertThat(causes.get(1).surprise()).isCloseTo(0.004784, offset(1e-6));
        assertThat(causes.get(2).surprise()).isCloseTo(0.002392, offset(1e-6));
        assertThat(causes.get(3).explains()).isCloseTo(0.8, offset(1e-9));
        assertThat(causes.get(3).surprise()).isCloseTo(0, offset(1e-12));
    }

    @Test
    void ranksTheCampaignFirstWhenItAloneFell() {
        // a1 40 → 10, a2 unchanged: a1's share .4 → .1429 (surprise 0.031706) beats A's .6 → .4286 (0.007176)
        List<Adtributor.Candidate> causes = Adtributor.explain(example(10, 20), false);

        assertThat(causes.get(0).value()).isEqualTo("a1");
        assertThat(causes.get(0).surprise()).isCloseTo(0.031706, offset(1e-6));
        assertThat(causes).extracting(Adtributor.Candidate::value).contains("A");
    }

    @Test
    void aDiffuseMoveHasNoSuccinctCause() {
        // ten values each down 10 %: no value explains more than 10 % of the drop, so no set reaches 67 %
        List<Adtributor.Element> ten = java.util.stream.IntStream.range(0, 10).mapToObj(i -> Adtributor.Element.of("v" + i, 10, 9)).toList();

        assertThat(Adtributor.explain(Map.of("channel", ten), false)).isEmpty();
    }

    @Test
    void aRatioMetricCreditsTheValueWhoseRateFell() {
        // CVR = orders / visitors. A: 10 of 100 expected → 2 of 100; B: 10 of 100 → 10 of 100. Total 0.10 → 0.06.
        // A alone moved the total ratio by ((2 − 10)·200 − 0)/(200·200) = −0.04 = all of the change.
        Map<String, List<Adtributor.Element>> m = Map.of("channel", List.of(
                new Adtributor.Element("A", 10, 2, 100, 100), new Adtributor.Element("B", 10, 10, 100, 100)));

        List<Adtributor.Candidate> causes = Adtributor.explain(m, true);

        assertThat(causes).extracting(Adtributor.Candidate::value).containsExactly("A");
        assertThat(causes.get(0).explains()).isCloseTo(1.0, offset(1e-9));
        assertThat(causes.get(0).change()).isCloseTo(-0.8, offset(1e-9));
        assertThat(causes.get(0).effect()).isCloseTo(-0.04, offset(1e-9));
    }
}
