package io.marketops.anomalies.internal;

/**
 * The expected value of one day of a daily series, seasonal by weekday and robust to outliers in
 * its own history:
 * <ul>
 *   <li>weekday factors = median of each weekday ÷ median of all days, over the usable days of the
 *       last {@code historyDays};</li>
 *   <li>level = median of the deseasonalised values (value ÷ its weekday factor) of the last
 *       {@code levelDays} usable days; expected = level × the target weekday's factor.</li>
 * </ul>
 * Medians, not means: a two-day outage in the history neither moves the expectation nor (see
 * {@link Track}) widens the band. "Usable" days are those the caller allows (normal days, not
 * peaks or holidays) that have a value.
 */
final class Baseline {

    /**
     * @param historyDays days looked back for weekday factors and the band's spread
     * @param levelDays   most recent usable days whose median is the level
     * @param minHistory  fewer usable days than this and the day is not judged
     */
    record Settings(int historyDays, int levelDays, int minHistory) {
        static final Settings DEFAULT = new Settings(70, 21, 21);
    }

    /** @param sigmaRel spread of the in-sample residuals relative to the expected value (0.05 = 5 %) */
    record Fit(double expected, double sigmaRel) {
    }

    private final Settings settings;

    Baseline(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    /**
     * @param x        the series, NaN where there is no value
     * @param usable   which days may serve as history
     * @param weekday0 weekday of index 0 (0 = Monday)
     * @param i        the day to judge
     * @return the fit, or null when the history is too short
     */
    Fit fit(double[] x, boolean[] usable, int weekday0, int i) {
        return fit(x, usable, weekday0, i, true);
    }

    /** As {@link #fit(double[], boolean[], int, int)}; without {@code spread} the fit's sigmaRel is NaN (it costs two sorts). */
    Fit fit(double[] x, boolean[] usable, int weekday0, int i, boolean spread) {
        int from = Math.max(0, i - settings.historyDays());
        double[] hist = new double[i - from];
        int[] histIndex = new int[i - from];
        int n = 0;
        for (int t = i - 1; t >= from; t--) {
            if (usable[t] && !Double.isNaN(x[t])) {
                hist[n] = x[t];
                histIndex[n++] = t;
            }
        }
        if (n < Math.max(1, settings.minHistory())) return null;
        double[] factor = weekdayFactors(hist, histIndex, n, weekday0);
        double[] y = new double[n];
        int m = 0;
        for (int k = 0; k < n && m < settings.levelDays(); k++) {
            double f = factor[(weekday0 + histIndex[k]) % 7];
            if (f > 0) y[m++] = hist[k] / f;
        }
        double level = m == 0 ? 0 : Stats.median(y, m);
        return new Fit(level * factor[(weekday0 + i) % 7], spread ? spread(hist, histIndex, n, factor, weekday0, level) : Double.NaN);
    }

    /** Median per weekday ÷ median overall; 1 where a weekday has fewer than 2 values or the overall median is 0. */
    private static double[] weekdayFactors(double[] hist, int[] histIndex, int n, int weekday0) {
        double overall = Stats.median(hist, n);
        double[] factor = new double[7];
        double[] bucket = new double[n];
        for (int wd = 0; wd < 7; wd++) {
            int c = 0;
            for (int k = 0; k < n; k++) if ((weekday0 + histIndex[k]) % 7 == wd) bucket[c++] = hist[k];
            factor[wd] = c < 2 || overall <= 0 ? 1 : Stats.median(bucket, c) / overall;
        }
        return factor;
    }

    private static double spread(double[] hist, int[] histIndex, int n, double[] factor, int weekday0, double level) {
        double[] r = new double[n];
        int c = 0;
        for (int k = 0; k < n; k++) {
            double e = level * factor[(weekday0 + histIndex[k]) % 7];
            if (e > 0) r[c++] = hist[k] / e - 1;
        }
        return c < 2 ? 0 : Stats.robustSigma(r, c);
    }
}
