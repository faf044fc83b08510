package io.marketops.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * Metrics over local days {@code from..to} (inclusive, in the workspace time zone), bucketed by
 * {@link Granularity} and broken down by dimensions: channel, campaign, content (utm_content), source, medium, device,
 * region, city, platform, os, browser or {@code properties.<name>} (any event property).
 */
public record MetricQuery(List<String> metrics, LocalDate from, LocalDate to, Granularity granularity,
                          List<String> dimensions, List<Filter> filters, Comparison compare) {

    public MetricQuery {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        filters = filters == null ? List.of() : List.copyOf(filters);
        if (granularity == null) granularity = Granularity.DAY;
        if (compare == null) compare = Comparison.NONE;
    }

    public static MetricQuery of(List<String> metrics, LocalDate from, LocalDate to, Granularity granularity) {
        return new MetricQuery(metrics, from, to, granularity, List.of(), List.of(), Comparison.NONE);
    }

    public MetricQuery withRange(LocalDate newFrom, LocalDate newTo) {
        return new MetricQuery(metrics, newFrom, newTo, granularity, dimensions, filters, Comparison.NONE);
    }

    public MetricQuery withDimensions(List<String> dims) {
        return new MetricQuery(metrics, from, to, granularity, dims, filters, compare);
    }

    public MetricQuery withCompare(Comparison c) {
        return new MetricQuery(metrics, from, to, granularity, dimensions, filters, c);
    }

    /** Weeks start on Monday (reports are read that way in China); {@code TOTAL} is one bucket for the whole range. */
    public enum Granularity { DAY, WEEK, MONTH, TOTAL }

    /** {@code PREVIOUS_PERIOD} is 环比 (the period of the same length just before), {@code PREVIOUS_YEAR} is 同比. */
    public enum Comparison { NONE, PREVIOUS_PERIOD, PREVIOUS_YEAR }
}
