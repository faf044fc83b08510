package io.marketops.metrics.internal;

import io.marketops.warehouse.Warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The statements that compare the daily derived tables with {@code events} and rebuild days of them: the activity
 * rollup and, with it, the step-event projection ({@link StepEvents}). Both are checked through the rollup's
 * per-day event counts ({@code metrics_activity_days}), so one check and one rebuild keep both right.
 */
final class RollupSql {
    private RollupSql() {
    }

    /**
     * Local days of [first, last] whose event count differs from the one recorded when the rollup's day was built,
     * or that were built in another zone, in order. Reads only {@code ts} of the range's events.
     */
    static List<LocalDate> staleDays(Warehouse warehouse, long workspace, ZoneId zone, LocalDate first, LocalDate last) {
        Instant start = first.atStartOfDay(zone).toInstant(), end = last.plusDays(1).atStartOfDay(zone).toInstant();
        return warehouse.sql().sql("SELECT coalesce(e.day, r.day) AS day FROM (SELECT " + LocalDays.of("ts", zone, start, end)
                        + " AS day, count(*) AS n FROM events WHERE workspace_id = ? AND ts >= CAST(? AS TIMESTAMPTZ) AND ts < CAST(? AS TIMESTAMPTZ) GROUP BY 1) e"
                        + " FULL JOIN (SELECT day, events, zone FROM metrics_activity_days WHERE workspace_id = ? AND day BETWEEN ? AND ?) r ON r.day = e.day"
                        + " WHERE e.n IS DISTINCT FROM r.events OR r.zone <> ? ORDER BY 1")
                .params(workspace, start.toString(), end.toString(), workspace, first, last, zone.getId())
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
    }

    /**
     * Replaces the rollup's days [first, last] with a fresh aggregate of their events, and the projection's same days
     * with their named events, in one transaction: readers see the old days or the new ones, never a mix. One script
     * of statements, so its values are written as literals: the workspace is a number, days and instants are typed
     * values and the zone passes {@link LocalDays}' check, so nothing here is text from a user.
     */
    static void rebuild(Warehouse warehouse, long workspace, ZoneId zone, LocalDate first, LocalDate last) {
        Instant start = first.atStartOfDay(zone).toInstant(), end = last.plusDays(1).atStartOfDay(zone).toInstant();
        String day = LocalDays.of("ts", zone, start, end);
        String cols = String.join(", ", ActivityRollup.COLUMNS);
        String days = "workspace_id = " + workspace + " AND day BETWEEN DATE '" + first + "' AND DATE '" + last + "'";
        String range = "workspace_id = " + workspace + " AND ts >= TIMESTAMPTZ '" + start + "' AND ts < TIMESTAMPTZ '" + end + "'";
        String zoneId = zone.getId();
        if (!zoneId.matches("[A-Za-z0-9/_+\\-]{1,64}")) throw new IllegalArgumentException("unexpected zone id " + zoneId);
        warehouse.sql().sql("BEGIN TRANSACTION;"
                + " DELETE FROM metrics_activity WHERE " + days + ";"
                + " DELETE FROM metrics_activity_days WHERE " + days + ";"
                + " INSERT INTO metrics_activity (workspace_id, day, user_id, anonymous_id, " + cols + ", views, active, events)"
                + " SELECT " + workspace + ", day, user_id, anonymous_id, " + cols + ", count(*) FILTER (WHERE type IN ('page', 'screen')),"
                + " count(*) FILTER (WHERE type IN ('track', 'page', 'screen')), count(*)"
                + " FROM (SELECT " + day + " AS day, type, user_id, anonymous_id, " + cols + " FROM events WHERE " + range + ")"
                + " GROUP BY ALL ORDER BY day;"
                + " INSERT INTO metrics_activity_days SELECT " + workspace + ", day, '" + zoneId + "', sum(events), now()"
                + " FROM metrics_activity WHERE " + days + " GROUP BY day;"
                + stepEvents(workspace, day, days, range)
                + " COMMIT;").update();
    }

    /**
     * The statements that rebuild the same days of the step-event projection ({@code metrics_step_events}, see
     * {@link StepEvents}): keys for person ids not seen before, then the days' named events with their keys, ordered
     * by event and time so a funnel's filters skip other events' row groups — by the event's hash, which groups each
     * name as well as the name itself and sorts 10M rows in about two thirds of the time (docs/benchmarks.md).
     */
    private static String stepEvents(long workspace, String day, String days, String range) {
        String keys = "(SELECT id, key FROM metrics_person_keys WHERE workspace_id = " + workspace + ")";
        return " INSERT INTO metrics_person_keys SELECT " + workspace + ", n.id,"
                + " coalesce((SELECT max(key) FROM metrics_person_keys WHERE workspace_id = " + workspace + "), 0) + row_number() OVER ()"
                + " FROM (SELECT user_id AS id FROM events WHERE " + range + " AND user_id IS NOT NULL"
                + " UNION SELECT anonymous_id FROM events WHERE " + range + " AND anonymous_id IS NOT NULL) n"
                + " ANTI JOIN " + keys + " k ON k.id = n.id;"
                + " DELETE FROM metrics_step_events WHERE " + days + ";"
                + " INSERT INTO metrics_step_events (workspace_id, day, event, ts, user_key, anonymous_key)"
                + " SELECT " + workspace + ", e.day, e.event, e.ts, u.key, a.key"
                + " FROM (SELECT " + day + " AS day, event, ts, user_id, anonymous_id FROM events WHERE " + range + " AND event IS NOT NULL) e"
                + " LEFT JOIN " + keys + " u ON u.id = e.user_id LEFT JOIN " + keys + " a ON a.id = e.anonymous_id"
                + " ORDER BY hash(e.event), e.ts;";
    }
}
