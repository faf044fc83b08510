package io.marketops.anomalies.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Root cause in the manner of Adtributor (Bhagwan et al., NSDI 2014). For each dimension, every
 * value gets its <em>explanatory power</em> (its share of the total's deviation) and its
 * <em>surprise</em> (Jensen–Shannon divergence between its expected and actual share). Values are
 * taken in order of surprise while each explains more than {@link #MIN_ELEMENT_EP} until together
 * they explain more than {@link #MIN_SET_EP}; dimensions whose set gets there are ranked by the
 * set's surprise and the best {@link #MAX_DIMENSIONS} kept.
 * <p>
 * One departure: the kept values are then ordered by their own surprise, across dimensions. JS
 * terms are homogeneous, so when a channel's campaigns all move together the channel's surprise
 * equals the sum of theirs and it comes first; when one campaign alone moves, the campaign does.
 * <p>
 * Ratio metrics (cvr = orders / uv) use the paper's derived-measure rule: a value's explanatory
 * power is the change of the total ratio if only that value had changed, its surprise the sum of
 * the numerator's and denominator's.
 */
final class Adtributor {
    static final double MIN_ELEMENT_EP = 0.1;
    static final double MIN_SET_EP = 0.67;
    static final int MAX_DIMENSIONS = 3;

    /** One dimension value: expected and actual numerator; for ratios also the denominator (else 0). */
    record Element(String value, double forecast, double actual, double forecastDen, double actualDen) {
        static Element of(String value, double forecast, double actual) {
            return new Element(value, forecast, actual, 0, 0);
        }
    }

    /**
     * @param explains share of the deviation this value explains (raw: may exceed 1 when others moved the other way)
     * @param surprise its Jensen–Shannon surprise
     * @param change   relative change of the value (of its ratio for ratio metrics) against its expectation
     * @param effect   how much the total moved because of this value alone (in the metric's unit)
     */
    record Candidate(String dimension, String value, double explains, double surprise, double change, double effect) {
    }

    private Adtributor() {
    }

    /** Causes, most surprising first; empty when no dimension explains the deviation succinctly. */
    static List<Candidate> explain(Map<String, List<Element>> byDimension, boolean ratio) {
        record Set(double surprise, List<Candidate> members) {
        }
        List<Set> sets = new ArrayList<>();
        for (var e : byDimension.entrySet()) {
            List<Candidate> scored = ratio ? ratio(e.getKey(), e.getValue()) : additive(e.getKey(), e.getValue());
            if (scored.isEmpty()) continue;
            scored.sort(Comparator.comparingDouble(Candidate::surprise).reversed());
            List<Candidate> chosen = new ArrayList<>();
            double ep = 0, surprise = 0;
            for (Candidate c : scored) {
                if (c.explains() <= MIN_ELEMENT_EP) continue;
                chosen.add(c);
                ep += c.explains();
                surprise += c.surprise();
                if (ep > MIN_SET_EP) break;
            }
            if (ep > MIN_SET_EP) sets.add(new Set(surprise, chosen));
        }
        sets.sort(Comparator.comparingDouble(Set::surprise).reversed());
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_DIMENSIONS, sets.size()); i++) out.addAll(sets.get(i).members());
        out.sort(Comparator.comparingDouble(Candidate::surprise).reversed());
        return out;
    }

    private static List<Candidate> additive(String dim, List<Element> elements) {
        double f = 0, a = 0;
        for (Element el : elements) {
            f += el.forecast();
            a += el.actual();
        }
        double delta = a - f;
        List<Candidate> out = new ArrayList<>();
        if (delta == 0 || f <= 0 || a <= 0) return out;
        for (Element el : elements) {
            double change = el.forecast() > 0 ? el.actual() / el.forecast() - 1 : 0;
            out.add(new Candidate(dim, el.value(), (el.actual() - el.forecast()) / delta,
                    js(el.forecast() / f, el.actual() / a), change, el.actual() - el.forecast()));
        }
        return out;
    }

    private static List<Candidate> ratio(String dim, List<Element> elements) {
        double f1 = 0, a1 = 0, f2 = 0, a2 = 0;
        for (Element el : elements) {
            f1 += el.forecast();
            a1 += el.actual();
            f2 += el.forecastDen();
            a2 += el.actualDen();
        }
        List<Candidate> out = new ArrayList<>();
        if (f1 <= 0 || a1 <= 0 || f2 <= 0 || a2 <= 0) return out;
        double delta = a1 / a2 - f1 / f2;
        if (delta == 0) return out;
        for (Element el : elements) {
            double d1 = el.actual() - el.forecast(), d2 = el.actualDen() - el.forecastDen();
            // the total ratio if only this value had moved, minus the expected ratio
            double alone = (d1 * f2 - d2 * f1) / (f2 * (f2 + d2));
            double surprise = js(el.forecast() / f1, el.actual() / a1) + js(el.forecastDen() / f2, el.actualDen() / a2);
            double change = el.forecast() > 0 && el.forecastDen() > 0 && el.actualDen() > 0
                    ? (el.actual() / el.actualDen()) / (el.forecast() / el.forecastDen()) - 1 : 0;
            out.add(new Candidate(dim, el.value(), alone / delta, surprise, change, alone));
        }
        return out;
    }

    /** Jensen–Shannon term of one value with expected share p and actual share q (natural log; 0·log 0 = 0). */
    static double js(double p, double q) {
        double m = (p + q) / 2;
        if (m <= 0) return 0;
        return 0.5 * (term(p, m) + term(q, m));
    }

    private static double term(double x, double m) {
        return x <= 0 ? 0 : x * Math.log(x / m);
    }
}
