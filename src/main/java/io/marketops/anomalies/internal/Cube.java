package io.marketops.anomalies.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Daily series of metrics, as totals and per dimension value, over consecutive local days from
 * {@link #start()}. A day without a value is NaN: for a slice that means the value had no facts
 * that day (a campaign not running), which is not the same as a measured 0.
 */
final class Cube {

    /** @param dimension null for the metric's total; {@code value} null for facts without a value of the dimension */
    record Key(String metric, String dimension, String value) {
        static Key total(String metric) {
            return new Key(metric, null, null);
        }

        boolean total() {
            return dimension == null;
        }
    }

    private final LocalDate start;
    private final int days;
    private final Map<Key, double[]> series = new LinkedHashMap<>();
    private final Map<String, Set<String>> values = new LinkedHashMap<>();

    Cube(LocalDate start, int days) {
        this.start = start;
        this.days = days;
    }

    LocalDate start() {
        return start;
    }

    int days() {
        return days;
    }

    LocalDate date(int index) {
        return start.plusDays(index);
    }

    int index(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(start, date);
    }

    /** Weekday of index 0, 0 = Monday. */
    int weekday0() {
        return start.getDayOfWeek().getValue() - 1;
    }

    void put(Key key, LocalDate date, double value) {
        int i = index(date);
        if (i < 0 || i >= days) return;
        series.computeIfAbsent(key, k -> {
            double[] a = new double[days];
            Arrays.fill(a, Double.NaN);
            return a;
        })[i] = value;
        if (!key.total()) values.computeIfAbsent(key.dimension(), d -> new LinkedHashSet<>()).add(key.value());
    }

    /** The series, or null when the cube has none under that key. */
    double[] get(Key key) {
        return series.get(key);
    }

    double value(Key key, int i) {
        double[] s = series.get(key);
        return s == null ? Double.NaN : s[i];
    }

    /**
     * Treats the days before a series' first non-zero value as having no value: the metrics
     * engine answers 0 for days before a workspace had any data, and weeks of zeros would
     * otherwise pass for history (and make the first real week look like a surge).
     */
    void startAtFirstValue() {
        for (double[] s : series.values()) {
            for (int i = 0; i < s.length && !(s[i] != 0 && !Double.isNaN(s[i])); i++) s[i] = Double.NaN;
        }
    }

    /** Values seen for a dimension (null included when some facts lack it), in first-seen order. */
    List<String> values(String dimension) {
        return new ArrayList<>(values.getOrDefault(dimension, Set.of()));
    }
}
