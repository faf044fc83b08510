package io.marketops.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How much busier a day is than a plain weekday: weekly rhythm, the 618 and Double 11 ramps,
 * National Day and 520, and slow growth over the window. No randomness here.
 */
final class Seasonality {

    /** Multipliers of one day. */
    record Day(double web, double marketplace, double conversion, double cpc, boolean weekend, boolean peakDay,
               Catalog.Page promo) {
    }

    /** A ramp from its start to the peak day, then two tail days. */
    private record Ramp(String name, MonthDay start, MonthDay peak, double webGain, double webPeakDay,
                        double marketGain, double marketPeakDay, Catalog.Page promo) {
    }

    private static final Ramp[] RAMPS = {
            new Ramp("618", MonthDay.of(6, 1), MonthDay.of(6, 18), 0.9, 2.6, 2.0, 5.0, Catalog.PROMO_618),
            new Ramp("double_11", MonthDay.of(10, 20), MonthDay.of(11, 11), 1.4, 3.5, 3.0, 8.0, Catalog.PROMO_DOUBLE_11),
    };
    private static final double[] WEEKDAY_WEB = {0.96, 0.95, 0.97, 1.0, 1.03, 1.17, 1.2};
    private static final double[] WEEKDAY_MARKET = {0.97, 0.96, 0.97, 1.0, 1.02, 1.1, 1.12};

    private final LocalDate from;
    private final LocalDate to;
    private final int days;

    Seasonality(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        this.days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    Day day(LocalDate date) {
        int dow = date.getDayOfWeek().getValue() - 1;
        double growth = days == 1 ? 1 : 0.9 + 0.2 * ChronoUnit.DAYS.between(from, date) / (days - 1.0);
        double web = WEEKDAY_WEB[dow] * growth;
        double market = WEEKDAY_MARKET[dow] * growth;
        double conversion = 1;
        double cpc = 1;
        Catalog.Page promo = Catalog.PROMO_NEW;
        boolean anyPeakDay = false;
        for (Ramp r : RAMPS) {
            LocalDate start = r.start().atYear(date.getYear());
            LocalDate peak = r.peak().atYear(date.getYear());
            if (date.isBefore(start) || date.isAfter(peak.plusDays(2))) continue;
            promo = r.promo();
            if (date.isAfter(peak)) {
                double tail = date.equals(peak.plusDays(1)) ? 1.3 : 1.1;
                web *= tail;
                market *= tail;
                continue;
            }
            double t = (double) ChronoUnit.DAYS.between(start, date) / ChronoUnit.DAYS.between(start, peak);
            boolean peakDay = date.equals(peak);
            anyPeakDay |= peakDay;
            web *= peakDay ? r.webPeakDay() : 1 + r.webGain() * t * t;
            market *= peakDay ? r.marketPeakDay() : 1 + r.marketGain() * t * t;
            conversion = 1 + 0.4 * t + (peakDay ? 0.1 : 0);
            cpc = 1 + 0.35 * t;
        }
        if (date.getMonthValue() == 10 && date.getDayOfMonth() <= 7) {
            web *= 0.85; // National Day holiday: people travel and browse less
            market *= 0.9;
        } else if (date.getMonthValue() == 5 && date.getDayOfMonth() == 20) {
            web *= 1.25; // "520", a gifting day for beauty brands
            conversion *= 1.15;
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return new Day(web, market, conversion, cpc, weekend, anyPeakDay, promo);
    }

    /** The ramps that touch the window, clipped to it, named with their year ({@code double_11_2026}). */
    List<Manifest.Peak> peaks() {
        List<Manifest.Peak> peaks = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (Ramp r : RAMPS) {
                LocalDate start = r.start().atYear(year);
                LocalDate peak = r.peak().atYear(year);
                if (peak.isBefore(from) || start.isAfter(to)) continue;
                peaks.add(new Manifest.Peak(r.name() + "_" + year,
                        start.isBefore(from) ? from : start, peak.isAfter(to) ? to : peak));
            }
        }
        return peaks;
    }
}
