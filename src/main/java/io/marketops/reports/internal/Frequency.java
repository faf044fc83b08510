package io.marketops.reports.internal;

import io.marketops.core.InvalidRequest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;

/**
 * How often a report is built and which local days one run covers: 日报 a day, 周报 a Monday-to-Sunday week
 * (weeks start on Monday because reports are read that way in China), 月报 a calendar month.
 */
public enum Frequency {
    DAILY("0 9 * * *"), WEEKLY("0 9 * * MON"), MONTHLY("0 9 1 * *");

    private final String defaultSchedule;

    Frequency(String defaultSchedule) {
        this.defaultSchedule = defaultSchedule;
    }

    /** Daily 09:00, weekly Monday 09:00, monthly the 1st at 09:00 — workspace time zone, 5-field cron. */
    public String defaultSchedule() {
        return defaultSchedule;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period of this frequency that contains {@code day}. */
    public Period containing(LocalDate day) {
        return switch (this) {
            case DAILY -> new Period(day, day);
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(monday, monday.plusDays(6));
            }
            case MONTHLY -> new Period(day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth()));
        };
    }

    /** The last complete period before the local day {@code today}: yesterday, last week, last month. */
    public Period lastComplete(LocalDate today) {
        return containing(containing(today).from().minusDays(1));
    }

    public static Frequency parse(String value) {
        if (value == null || value.isBlank()) throw new InvalidRequest("frequency", "is required: daily, weekly or monthly");
        return Arrays.stream(values()).filter(f -> f.id().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new InvalidRequest("frequency", "must be daily, weekly or monthly, was '" + value + "'"));
    }
}
