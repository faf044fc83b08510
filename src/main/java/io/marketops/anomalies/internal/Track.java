package io.marketops.anomalies.internal;

/**
 * One series with its expectation for every day, computed once, and the one-day-ahead errors of
 * that expectation on past usable days. The band of a day is the robust spread of those errors
 * over the history window: it measures how well the expectation actually predicted this series
 * lately (drift, estimation error and heavy tails included), which the spread of in-sample
 * residuals understates by about a third on real traffic. Until {@link #MIN_ERRORS} errors exist,
 * the in-sample spread times {@link #FALLBACK_INFLATION} stands in.
 */
final class Track {
    static final int MIN_ERRORS = 14;
    static final double FALLBACK_INFLATION = 1.5;

    private final boolean[] usable;
    private final int historyDays;
    private final double[] expected, inSample, error, sigma;

    /**
     * A series judged against its own weekly-seasonal level. The in-sample spread is only worked
     * out for the days that will need it (fewer than {@link #MIN_ERRORS} errors before them).
     */
    static Track level(double[] x, boolean[] usable, int weekday0, Baseline baseline) {
        int n = x.length;
        double[] expected = new double[n], inSample = new double[n];
        java.util.Arrays.fill(inSample, Double.NaN);
        for (int t = 0; t < n; t++) {
            Baseline.Fit f = baseline.fit(x, usable, weekday0, t, false);
            expected[t] = f == null ? Double.NaN : f.expected();
        }
        Track track = new Track(x, expected, inSample, usable, baseline.settings().historyDays());
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(expected[t]) && track.errorsBefore(t) < MIN_ERRORS) inSample[t] = baseline.fit(x, usable, weekday0, t, true).sigmaRel();
        }
        return track;
    }

    /** A series judged against expectations computed elsewhere (NaN where unknown), with no in-sample spread. */
    static Track of(double[] x, double[] expected, boolean[] usable, int historyDays) {
        double[] none = new double[x.length];
        java.util.Arrays.fill(none, Double.NaN);
        return new Track(x, expected, none, usable, historyDays);
    }

    private Track(double[] x, double[] expected, double[] inSample, boolean[] usable, int historyDays) {
        this.usable = usable;
        this.historyDays = historyDays;
        this.expected = expected;
        this.inSample = inSample;
        error = new double[x.length];
        sigma = new double[x.length];
        java.util.Arrays.fill(sigma, -1);
        for (int t = 0; t < x.length; t++) error[t] = expected[t] > 0 && !Double.isNaN(x[t]) ? x[t] / expected[t] - 1 : Double.NaN;
    }

    /** The expected value of day i; NaN with too little history. */
    double expected(int i) {
        return expected[i];
    }

    /** The relative error of day i against its expectation; NaN when either is missing. */
    double error(int i) {
        return error[i];
    }

    /**
     * Robust spread of the mean error over {@code run} consecutive usable days, over the history
     * window: the band of a sustained shift. Errors of neighbouring days are correlated (a
     * campaign lasts), so this is measured rather than taken as σ/√run; σ/√run (independent days)
     * stands in until {@link #MIN_ERRORS} such means exist.
     */
    double sigmaRelOfRun(int i, int run) {
        int from = Math.max(run - 1, i - historyDays);
        double[] e = new double[Math.max(0, i - from)];
        int n = 0;
        for (int t = from; t < i; t++) {
            double sum = 0;
            boolean ok = true;
            for (int k = t - run + 1; k <= t && ok; k++) {
                ok = usable[k] && !Double.isNaN(error[k]);
                sum += ok ? error[k] : 0;
            }
            if (ok) e[n++] = sum / run;
        }
        return n >= MIN_ERRORS ? Stats.robustSigma(e, n) : sigmaRel(i) / Math.sqrt(run);
    }

    private int errorsBefore(int i) {
        int n = 0;
        for (int t = Math.max(0, i - historyDays); t < i; t++) if (usable[t] && !Double.isNaN(error[t])) n++;
        return n;
    }

    /** Robust spread of the one-day-ahead relative errors on usable days of the history window before day i; NaN when unknown. */
    double sigmaRel(int i) {
        if (sigma[i] < 0) sigma[i] = spreadBefore(i);
        return sigma[i];
    }

    private double spreadBefore(int i) {
        int from = Math.max(0, i - historyDays);
        double[] e = new double[i - from];
        int n = 0;
        for (int t = from; t < i; t++) if (usable[t] && !Double.isNaN(error[t])) e[n++] = error[t];
        if (n >= MIN_ERRORS) return Stats.robustSigma(e, n);
        return inSample[i] * FALLBACK_INFLATION;
    }
}
