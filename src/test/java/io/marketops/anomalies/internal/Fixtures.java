package io.marketops.anomalies.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** Hand-made daily series for detection tests: weekly pattern, deterministic noise, and changes put in on purpose. */
final class Fixtures {
    /** 2026-03-02 is a Monday, so index i has weekday i % 7 (0 = Monday). */
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    /** Weekdays a little below the mean, weekends well above: a typical web traffic week. */
    static final double[] WEEK = {0.92, 0.9, 0.93, 0.97, 1.03, 1.55, 1.6};
    static final Calendar NO_DAYS = Calendar.none();

    private Fixtures() {
    }

    /** {@code level} × the weekday's factor × (1 + noise·N(0,1)), rounded like a count; the same seed always gives the same series. */
    static double[] weekly(int days, double level, double[] week, double noise, long seed) {
        Random r = new Random(seed);
        double[] x = new double[days];
        for (int i = 0; i < days; i++) x[i] = Math.round(level * week[i % 7] * (1 + noise * r.nextGaussian()));
        return x;
    }

    static double[] flat(int days, double value) {
        double[] x = new double[days];
        java.util.Arrays.fill(x, value);
        return x;
    }

    static Cube cube(int days) {
        return new Cube(MONDAY, days);
    }

    static void put(Cube cube, Cube.Key key, double[] values) {
        for (int i = 0; i < values.length; i++) cube.put(key, cube.date(i), values[i]);
    }

    static Watched watched(String id) {
        return Watched.DEFAULT.stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    static Rules rules(double minVolume) {
        return new Rules(Rules.Sensitivity.MEDIUM.threshold, minVolume, 0.05, 0.08, 0.3);
    }

    static List<Finding> detect(Cube cube, Calendar calendar, Rules rules, List<Watched> watched, int from, int to) {
        Judge judge = new Judge(cube, calendar, new Baseline(Baseline.Settings.DEFAULT), rules, watched);
        return new Detector(cube, judge, watched).detect(from, to);
    }
}
