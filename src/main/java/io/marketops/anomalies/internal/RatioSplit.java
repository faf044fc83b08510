package io.marketops.anomalies.internal;

import java.util.List;

/**
 * Splits the change of a ratio metric R = N / D between its expectation and its actual value.
 * <ul>
 *   <li>Numerator and denominator effects, each the average over both orders of replacing one
 *       part at a time (a two-player Shapley value), so that they add up exactly to the change.</li>
 *   <li>Mix and rate effects over a dimension, with weights w = Dᵢ / ΣD and rates r = Nᵢ / Dᵢ:
 *       mix = Σ Δwᵢ · r̄ᵢ (traffic moved between values with different rates), rate = Σ w̄ᵢ · Δrᵢ
 *       (the rates themselves changed), bars being the mean of expected and actual. Values with a
 *       numerator but no denominator (marketplace orders, which have no web visitors) have no
 *       rate; their part is reported apart as {@code unmatched}. mix + rate + unmatched is exactly
 *       ΣN/ΣD actual minus expected over the dimension's values.</li>
 * </ul>
 */
final class RatioSplit {
    private RatioSplit() {
    }

    /**
     * @param change actual − expected ratio, both computed from the parts; equals numeratorEffect + denominatorEffect
     */
    record Parts(double expectedNumerator, double expectedDenominator, double actualNumerator, double actualDenominator,
                 double expected, double actual, double change, double numeratorEffect, double denominatorEffect) {

        double numeratorChange() {
            return expectedNumerator > 0 ? actualNumerator / expectedNumerator - 1 : 0;
        }

        double denominatorChange() {
            return actualDenominator / expectedDenominator - 1;
        }
    }

    record MixRate(String dimension, double change, double mix, double rate, double unmatched) {
    }

    static Parts parts(double expectedNum, double expectedDen, double actualNum, double actualDen) {
        if (expectedDen <= 0 || actualDen <= 0) return null;
        double re = expectedNum / expectedDen, ra = actualNum / actualDen;
        double num = ((actualNum - expectedNum) / expectedDen + (actualNum - expectedNum) / actualDen) / 2;
        double den = (expectedNum + actualNum) / 2 * (1 / actualDen - 1 / expectedDen);
        return new Parts(expectedNum, expectedDen, actualNum, actualDen, re, ra, ra - re, num, den);
    }

    /** Elements carry numerator in forecast/actual and denominator in forecastDen/actualDen. */
    static MixRate mixRate(String dimension, List<Adtributor.Element> elements) {
        double f1 = 0, a1 = 0, f2 = 0, a2 = 0;
        for (var e : elements) {
            f1 += e.forecast();
            a1 += e.actual();
            f2 += e.forecastDen();
            a2 += e.actualDen();
        }
        if (f2 <= 0 || a2 <= 0) return null;
        double mix = 0, rate = 0, unmatched = 0;
        for (var e : elements) {
            double we = e.forecastDen() / f2, wa = e.actualDen() / a2;
            boolean hasE = e.forecastDen() > 0, hasA = e.actualDen() > 0;
            if (!hasE) unmatched -= e.forecast() / f2;
            if (!hasA) unmatched += e.actual() / a2;
            if (!hasE && !hasA) continue;
            double re = hasE ? e.forecast() / e.forecastDen() : e.actual() / e.actualDen();
            double ra = hasA ? e.actual() / e.actualDen() : re;
            mix += (wa - we) * (re + ra) / 2;
            rate += (we + wa) / 2 * (ra - re);
        }
        return new MixRate(dimension, a1 / a2 - f1 / f2, mix, rate, unmatched);
    }
}
