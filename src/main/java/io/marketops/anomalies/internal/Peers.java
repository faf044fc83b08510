package io.marketops.anomalies.internal;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The expectation of a total on a peak day from its parts: every value of a dimension implies a
 * total (its actual value ÷ its expected share), and the weighted median of those implied totals
 * is what the total should be. A promotion lifts all channels, so the shares hold while the levels
 * jump; one broken channel implies a far lower total and is outvoted by the others. A move that
 * hits every value alike is invisible this way, which is why it serves only on peak days, when
 * no history predicts the level.
 */
final class Peers {
    /** Values expected to hold less than this share of the total are too noisy to vote. */
    static final double MIN_SHARE = 0.02;
    /**
     * Fewest values that may vote: of two, a broken one holding most of the weight would outvote
     * the healthy one (and make the total look abnormal in the wrong direction); of three it can be outvoted.
     */
    static final int MIN_VOTERS = 3;
    static final double OUTLIER_SPREADS = 3;
    /** A value implying a total within ±20 % of the median is never an outlier. */
    static final double OUTLIER_FLOOR = Math.log(1.2);

    private Peers() {
    }

    /**
     * @param shares  expected share (or ratio index) of a slice, by day
     * @param weights expected weight of a slice, by day (its share of the volume)
     * @return the expected total per day, NaN where fewer than {@link #MIN_VOTERS} values could vote
     */
    static double[] expected(Cube cube, String metric, String dimension, Function<Cube.Key, Track> shares,
                             Function<Cube.Key, Track> weights) {
        double[] out = new double[cube.days()];
        java.util.List<String> values = cube.values(dimension);
        double[] implied = new double[values.size()], weight = new double[values.size()];
        for (int t = 0; t < cube.days(); t++) {
            int n = 0;
            for (String v : values) {
                Cube.Key key = new Cube.Key(metric, dimension, v);
                Track s = shares.apply(key), w = weights.apply(key);
                double share = s == null ? Double.NaN : s.expected(t), wt = w == null ? Double.NaN : w.expected(t);
                if (!(share >= MIN_SHARE / 10) || !(wt >= MIN_SHARE)) continue;
                double a = cube.value(key, t);
                implied[n] = (Double.isNaN(a) ? 0 : a) / share;
                weight[n++] = wt;
            }
            out[t] = n < MIN_VOTERS ? Double.NaN : robustCentre(implied, weight, n);
        }
        return out;
    }

    /**
     * The weighted median, recomputed without the values whose implied total is more than
     * {@link #OUTLIER_SPREADS} robust spreads (or {@link #OUTLIER_FLOOR} in log terms) away from it:
     * a broken channel's weight would otherwise still drag the median towards it.
     */
    static double robustCentre(double[] implied, double[] weight, int n) {
        double m = weightedMedian(implied, weight, n);
        if (!(m > 0)) return m;
        double[] dev = new double[n];
        int c = 0;
        for (int i = 0; i < n; i++) if (implied[i] > 0) dev[c++] = Math.log(implied[i] / m);
        double limit = Math.max(OUTLIER_FLOOR, OUTLIER_SPREADS * Stats.robustSigma(dev, c));
        double[] keptValues = new double[n], keptWeights = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (implied[i] > 0 && Math.abs(Math.log(implied[i] / m)) <= limit) {
                keptValues[k] = implied[i];
                keptWeights[k++] = weight[i];
            }
        }
        return k < 2 ? m : weightedMedian(keptValues, keptWeights, k);
    }

    static double weightedMedian(double[] values, double[] weights, int n) {
        Integer[] order = new Integer[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            total += weights[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double seen = 0;
        for (Integer i : order) {
            seen += weights[i];
            if (seen >= total / 2) return values[i];
        }
        return values[order[n - 1]];
    }
}
