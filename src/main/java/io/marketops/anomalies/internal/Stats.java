package io.marketops.anomalies.internal;

import java.util.Arrays;

/** Robust statistics on small arrays: median and scaled MAD. */
final class Stats {
    /** Makes the MAD a consistent estimate of the standard deviation for normal data. */
    static final double MAD_TO_SIGMA = 1.4826;

    private Stats() {
    }

    static double median(double[] values, int n) {
        if (n == 0) return Double.NaN;
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double median(double[] values) {
        return median(values, values.length);
    }

    /** 1.4826 × median |v − median(v)|: a standard deviation that a few outliers cannot inflate. */
    static double robustSigma(double[] values, int n) {
        if (n == 0) return Double.NaN;
        double m = median(values, n);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = Math.abs(values[i] - m);
        return MAD_TO_SIGMA * median(d, n);
    }
}
