package io.marketops.reports.internal;

import io.marketops.core.InvalidRequest;
import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Report schedules are 5-field cron (minute hour day-of-month month day-of-week), read in the workspace time zone,
 * so "0 9 * * MON" is Monday 09:00 in Shanghai whatever the server's zone.
 */
final class Schedules {
    private Schedules() {
    }

    static CronExpression parse(String field, String cron) {
        if (cron == null || cron.isBlank()) throw new InvalidRequest(field, "is required: 5-field cron such as '0 9 * * MON'");
        String[] parts = cron.trim().split("\\s+");
        if (parts.length != 5) {
            throw new InvalidRequest(field, "'" + cron + "' must have 5 fields (minute hour day-of-month month day-of-week), e.g. '0 9 1 * *' for the 1st at 09:00");
        }
        try {
            return CronExpression.parse("0 " + String.join(" ", parts));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, "'" + cron + "' is not a valid cron expression: " + e.getMessage());
        }
    }

    /** The first firing strictly after {@code after}, as an instant. */
    static Instant next(String cron, ZoneId zone, Instant after) {
        ZonedDateTime next = parse("schedule", cron).next(after.atZone(zone));
        if (next == null) throw new InvalidRequest("schedule", "'" + cron + "' never fires");
        return next.toInstant();
    }
}
