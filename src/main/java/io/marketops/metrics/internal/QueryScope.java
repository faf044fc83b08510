package io.marketops.metrics.internal;

import io.marketops.metrics.Filter;
import io.marketops.metrics.MetricQuery.Granularity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What every source statement is scoped by: workspace, its zone and currency, local days, the validated dimensions and
 * filters, whether the workspace has stitched identities (see {@link EventScope}) and whether statements may read
 * the daily activity rollup ({@link ActivityRollup}) where it answers the same.
 */
record QueryScope(long workspace, ZoneId zone, String currency, LocalDate from, LocalDate to, Granularity granularity,
                  List<String> dims, List<Filter> filters, boolean stitched, boolean rollup) {

    QueryScope(long workspace, ZoneId zone, String currency, LocalDate from, LocalDate to, Granularity granularity,
               List<String> dims, List<Filter> filters, boolean stitched) {
        this(workspace, zone, currency, from, to, granularity, dims, filters, stitched, false);
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** First instant after the range: local midnight after {@code to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The bucket of a local-day SQL expression; the values are typed (enum, LocalDate), never user text. */
    String period(String day) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> "CAST(date_trunc('week', " + day + ") AS DATE)";
            case MONTH -> "CAST(date_trunc('month', " + day + ") AS DATE)";
            case TOTAL -> "DATE '" + from + "'";
        };
    }

    /** Last local day of the bucket starting (or clamped) at {@code period}, clamped to {@code to}. */
    LocalDate bucketEnd(LocalDate period) {
        LocalDate end = switch (granularity) {
            case DAY -> period;
            case WEEK -> period.with(java.time.DayOfWeek.MONDAY).plusDays(6);
            case MONTH -> period.withDayOfMonth(period.lengthOfMonth());
            case TOTAL -> to;
        };
        return end.isAfter(to) ? to : end;
    }

    /** Every bucket start of the range, clamped to {@code from}, in order. */
    List<LocalDate> buckets() {
        java.util.ArrayList<LocalDate> out = new java.util.ArrayList<>();
        for (LocalDate p = from; !p.isAfter(to); p = bucketEnd(p).plusDays(1)) out.add(p);
        return out;
    }

    /** Clamps a bucket start as returned by SQL (a Monday or first of month before {@code from}) to {@code from}. */
    LocalDate label(LocalDate period) {
        return period.isBefore(from) ? from : period;
    }
}
