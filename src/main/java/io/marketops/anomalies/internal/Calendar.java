package io.marketops.anomalies.internal;

import io.marketops.core.InvalidRequest;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The known days that break the weekly pattern: sales peaks (618, Double 11) recurring every year
 * on the same month-days, and public holidays on the dates the State Council announces each year.
 * Detection treats these days differently (see {@link Kind}) and leaves them out of every baseline.
 */
final class Calendar {

    /** How a day is judged. */
    enum Kind {
        /** An ordinary day: judged against the weekly-seasonal baseline and part of future baselines. */
        NORMAL,
        /** A public holiday: volumes may move by up to the holiday tolerance without an alarm; rates are judged as usual. */
        HOLIDAY,
        /**
         * A sales peak, from its warm-up through its after-days: levels follow the promotion, not the
         * weekly pattern, so values are judged against the other values of the same day (see {@code Judge}).
         */
        PEAK
    }

    /** @param name e.g. {@code double_11}, {@code national_day}; null for a normal day */
    record Day(Kind kind, String name) {
        static final Day NORMAL = new Day(Kind.NORMAL, null);

        boolean normal() {
            return kind == Kind.NORMAL;
        }
    }

    /** A yearly peak from {@code start} to {@code end} (inclusive, same year). */
    record Peak(String name, MonthDay start, MonthDay end) {
    }

    record Holiday(String name, LocalDate from, LocalDate to) {
    }

    private final List<Peak> peaks;
    private final List<Holiday> holidays;

    Calendar(List<Peak> peaks, List<Holiday> holidays) {
        this.peaks = List.copyOf(peaks);
        this.holidays = List.copyOf(holidays);
    }

    static Calendar none() {
        return new Calendar(List.of(), List.of());
    }

    /** Parses the configured texts: peaks as {@code "618 05-31..06-25"}, holidays as {@code "national_day 2026-10-01..2026-10-07"}. */
    static Calendar parse(List<String> peaks, List<String> holidays) {
        List<Peak> p = new ArrayList<>();
        for (int i = 0; i < peaks.size(); i++) p.add(peak("peaks[" + i + "]", peaks.get(i)));
        List<Holiday> h = new ArrayList<>();
        for (int i = 0; i < holidays.size(); i++) h.add(holiday("holidays[" + i + "]", holidays.get(i)));
        return new Calendar(p, h);
    }

    private static Peak peak(String field, String text) {
        String[] parts = text.trim().split("\\s+");
        String[] range = parts.length == 2 ? parts[1].split("\\.\\.") : new String[0];
        if (range.length != 2) throw new InvalidRequest(field, "write a peak as 'name MM-dd..MM-dd', e.g. '618 05-31..06-25', was '" + text + "'");
        try {
            MonthDay start = MonthDay.parse("--" + range[0]), end = MonthDay.parse("--" + range[1]);
            if (end.isBefore(start)) throw new InvalidRequest(field, "must end after it starts within one year, was '" + text + "'");
            return new Peak(parts[0], start, end);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field, "dates must be MM-dd, e.g. '618 05-31..06-25', was '" + text + "'");
        }
    }

    private static Holiday holiday(String field, String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) throw new InvalidRequest(field, "write a holiday as 'name yyyy-MM-dd..yyyy-MM-dd', e.g. 'national_day 2026-10-01..2026-10-07', was '" + text + "'");
        String[] range = parts[1].split("\\.\\.");
        try {
            LocalDate from = LocalDate.parse(range[0]), to = range.length > 1 ? LocalDate.parse(range[1]) : from;
            if (to.isBefore(from)) throw new InvalidRequest(field, "ends before it starts: '" + text + "'");
            return new Holiday(parts[0], from, to);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field, "dates must be yyyy-MM-dd, was '" + text + "'");
        }
    }

    /** Peaks win over holidays: a holiday inside a peak window (Dragon Boat in 618) is judged as part of the peak. */
    Day classify(LocalDate date) {
        MonthDay md = MonthDay.from(date);
        for (Peak p : peaks) {
            if (md.isBefore(p.start()) || md.isAfter(p.end())) continue;
            return new Day(Kind.PEAK, p.name());
        }
        for (Holiday h : holidays) {
            if (!date.isBefore(h.from()) && !date.isAfter(h.to())) return new Day(Kind.HOLIDAY, h.name());
        }
        return Day.NORMAL;
    }

    /** The classification of {@code days} consecutive days from {@code from}. */
    Day[] classify(LocalDate from, int days) {
        Day[] out = new Day[days];
        for (int i = 0; i < days; i++) out[i] = classify(from.plusDays(i));
        return out;
    }
}
