package io.marketops.demo;

import java.time.LocalDate;
import java.time.ZoneId;

/** One local day of the window: where it starts as an instant, how long it is, and its multipliers. */
record DayContext(int index, LocalDate date, long startMs, long lengthMs, Seasonality.Day season,
                  double[] channelNoise, Anomalies anomalies) {

    static DayContext of(int index, LocalDate date, ZoneId zone, Seasonality seasonality, Anomalies anomalies, Rng rng) {
        long start = date.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        double global = rng.noise(0.04);
        double[] noise = new double[Channel.values().length];
        for (int i = 0; i < noise.length; i++) noise[i] = global * rng.noise(0.08);
        return new DayContext(index, date, start, end - start, seasonality.day(date), noise, anomalies);
    }

    double channelNoise(Channel c) {
        return channelNoise[c.ordinal()];
    }

    /** A time of day in ms since the day's start, drawn from the hourly profile (weekends later). */
    long timeOfDay(Rng rng) {
        int hour = rng.pick(season.weekend() ? Catalog.WEEKEND_HOURS : Catalog.WEEKDAY_HOURS);
        double within = (hour + rng.nextDouble()) / 24;
        return Math.min(lengthMs - 1, (long) (within * lengthMs));
    }
}
