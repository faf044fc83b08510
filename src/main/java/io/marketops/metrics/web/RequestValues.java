package io.marketops.metrics.web;

import io.marketops.core.InvalidRequest;
import io.marketops.metrics.FunnelQuery;
import io.marketops.metrics.MetricQuery.Comparison;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.PathQuery;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses request strings into typed values with messages that name the field and the expected form. */
final class RequestValues {
    private RequestValues() {
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) throw new InvalidRequest(field, "is required: a local day as yyyy-MM-dd, e.g. 2026-10-01");
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field, "'" + value + "' is not a date; use yyyy-MM-dd, e.g. 2026-10-01");
        }
    }

    static Granularity granularity(String value, Granularity fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return Granularity.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("granularity", "'" + value + "' is not a granularity; use day, week, month or total");
        }
    }

    static Comparison compare(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("none")) return Comparison.NONE;
        try {
            return Comparison.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("compare", "'" + value + "' is not a comparison; use previous_period (环比) or previous_year (同比)");
        }
    }

    static Duration duration(String field, String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            if (fallback != null) return fallback;
            throw new InvalidRequest(field, "is required: an ISO-8601 duration such as P7D or PT30M");
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field, "'" + value + "' is not an ISO-8601 duration; use e.g. P7D (7 days) or PT30M (30 minutes)");
        }
    }

    static FunnelQuery.Order order(String value) {
        if (value == null || value.isBlank()) return FunnelQuery.Order.STRICT;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "strict" -> FunnelQuery.Order.STRICT;
            case "any" -> FunnelQuery.Order.ANY;
            default -> throw new InvalidRequest("order", "'" + value + "' is not an order; use strict (each step after the previous) or any");
        };
    }

    static PathQuery.Direction direction(String value) {
        if (value == null || value.isBlank()) return PathQuery.Direction.AFTER;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "after" -> PathQuery.Direction.AFTER;
            case "before" -> PathQuery.Direction.BEFORE;
            default -> throw new InvalidRequest("direction", "'" + value + "' is not a direction; use after or before");
        };
    }
}
