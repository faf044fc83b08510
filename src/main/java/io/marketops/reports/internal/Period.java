package io.marketops.reports.internal;

import io.marketops.core.InvalidRequest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Local days [from, to] of the workspace time zone, both inclusive. */
public record Period(LocalDate from, LocalDate to) {
    /** A report covers at most a year (a custom range), so its daily trend fits the metrics engine's daily-bucket limit. */
    static final int MAX_DAYS = 366;
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The period a run request names: explicit {@code from}/{@code to}, else {@code period} as {@code 2026-10} (a month),
     * {@code 2026-W44} (an ISO week) or {@code 2026-10-31} (the frequency's period containing that day), else the last
     * complete period before {@code today}.
     */
    public static Period of(Frequency frequency, String from, String to, String period, LocalDate today) {
        if (from != null || to != null) {
            LocalDate f = date("from", from), t = date("to", to);
            if (t.isBefore(f)) throw new InvalidRequest("to", "must not be before from (" + f + "), was " + t);
            Period p = new Period(f, t);
            if (p.days() > MAX_DAYS) throw new InvalidRequest("to", "a report covers at most " + MAX_DAYS + " days, this range has " + p.days());
            return p;
        }
        if (period == null || period.isBlank()) return frequency.lastComplete(today);
        String v = period.trim();
        Matcher w = WEEK.matcher(v);
        if (w.matches()) {
            try {
                LocalDate monday = LocalDate.of(Integer.parseInt(w.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(w.group(2))).with(java.time.DayOfWeek.MONDAY);
                return new Period(monday, monday.plusDays(6));
            } catch (java.time.DateTimeException e) {
                throw new InvalidRequest("period", "'" + v + "' is not an ISO week such as 2026-W44");
            }
        }
        try {
            if (v.length() == 7) {
                YearMonth m = YearMonth.parse(v);
                return new Period(m.atDay(1), m.atEndOfMonth());
            }
            return frequency.containing(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("period", "'" + v + "' is not a month (2026-10), an ISO week (2026-W44) or a day (2026-10-31)");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) throw new InvalidRequest(field, "is required with " + (field.equals("from") ? "to" : "from") + ", e.g. 2026-10-01");
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field, "'" + value + "' is not a date such as 2026-10-01");
        }
    }
}
