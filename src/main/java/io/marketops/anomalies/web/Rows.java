package io.marketops.anomalies.web;

import io.marketops.anomalies.internal.AnomalyView;
import io.marketops.metrics.Metric;

import java.util.Locale;
import java.util.Map;

/**
 * An anomaly as a table row: numbers formatted by the metric's unit, names in the page's language;
 * {@code tone} good or bad by the metric's direction (ad cost up is bad news), empty when neutral.
 */
record Rows(String metric, String metricName, String slice, String actual, String expected, String band, String change, String tone,
            AnomalyView view) {

    static Rows of(AnomalyView v, Map<String, Metric> metrics, Locale locale) {
        Metric m = metrics.get(v.metric());
        String unit = m == null ? "count" : m.unit();
        String slice = v.dimension() == null ? "" : v.dimension().name() + " = " + (v.dimension().value() == null ? "—" : v.dimension().value());
        return new Rows(v.metric(), m == null ? v.metric() : m.name(locale), slice, format(v.actual(), unit), format(v.expected(), unit),
                format(v.lower(), unit) + " – " + format(v.upper(), unit), percent(v.change()), tone(m, v.change()), v);
    }

    static String tone(Metric m, double change) {
        if (m == null || m.direction() == Metric.Direction.NEUTRAL || change == 0) return "";
        return (change > 0) == (m.direction() == Metric.Direction.UP) ? "good" : "bad";
    }

    static String format(double value, String unit) {
        return switch (unit) {
            case "ratio" -> String.format(Locale.ROOT, "%.2f%%", value * 100);
            case "currency" -> String.format(Locale.ROOT, "¥%,.2f", value);
            case "times", "seconds" -> String.format(Locale.ROOT, "%,.2f", value);
            default -> String.format(Locale.ROOT, "%,.0f", value);
        };
    }

    static String percent(double change) {
        long p = Math.round(change * 100);
        return (p > 0 ? "+" : p < 0 ? "−" : "") + Math.abs(p) + "%";
    }
}
