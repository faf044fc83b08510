package io.marketops.experiments.internal;

import io.marketops.experiments.Experiment;
import io.marketops.warehouse.Warehouse;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The sums the engine needs, per variant, from the warehouse. Who is who comes from collection's
 * {@code event_people} view: an exposure (the visitor id in {@code anonymous_id}) and every other
 * event are resolved to the stitched person, so an anonymous visitor who later signs in and buys
 * under their user id (on any device) is one person. People exposed to more than one variant are
 * left out (as GrowthBook does). For each person:
 * <ul>
 *   <li><b>post</b>: the metric over their events from their first exposure until the experiment
 *       ended (or now);</li>
 *   <li><b>pre</b>: the same metric over the {@code preDays} days before their first exposure
 *       (CUPED's covariate; all 0 when {@code preDays} is 0).</li>
 * </ul>
 * Each event has exactly one person, so an event is never counted twice.
 */
@Component
class PerUserSums {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private final Warehouse warehouse;

    PerUserSums(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** One variant's sufficient statistics over its people: n, Σpost, Σpost², Σpre, Σpre², Σpost·pre. */
    record Sums(long users, double sum, double sumSquares, double preSum, double preSumSquares, double sumProducts) {
        static final Sums NONE = new Sums(0, 0, 0, 0, 0, 0);
    }

    Map<String, Sums> perVariant(Experiment e, PerUserMetric m, int preDays) {
        long ws = e.workspace().value();
        String until = TS.format(e.endedAt() != null ? e.endedAt() : Instant.now());
        String sql = """
                WITH exposures AS (
                    SELECT person_id AS pid, json_extract_string(properties, '$.variant') AS variant, ts
                    FROM event_people
                    WHERE workspace_id = ? AND type = 'track' AND event = ?
                      AND json_extract_string(properties, '$.experimentKey') = ?
                ), exposed AS (
                    SELECT pid, min(variant) AS variant, min(ts) AS first_ts FROM exposures
                    GROUP BY pid HAVING count(DISTINCT variant) = 1
                ), candidates AS (
                    SELECT x.pid, c.ts >= x.first_ts AS post, c.message_id, c.type, c.event, c.order_id, c.revenue
                    FROM exposed x JOIN event_people c ON c.workspace_id = ? AND c.person_id = x.pid
                     AND c.ts >= x.first_ts - to_days(CAST(? AS INTEGER)) AND c.ts < CAST(? AS TIMESTAMPTZ)
                ), post AS (
                    SELECT x.pid, x.variant, CAST(%1$s AS DOUBLE) AS value
                    FROM exposed x LEFT JOIN candidates c ON c.pid = x.pid AND c.post
                    GROUP BY x.pid, x.variant
                ), pre AS (
                    SELECT x.pid, CAST(%1$s AS DOUBLE) AS value
                    FROM exposed x LEFT JOIN candidates c ON c.pid = x.pid AND NOT c.post
                    GROUP BY x.pid
                )
                SELECT post.variant, count(*), sum(post.value), sum(post.value * post.value),
                       sum(pre.value), sum(pre.value * pre.value), sum(post.value * pre.value)
                FROM post JOIN pre ON pre.pid = post.pid
                GROUP BY post.variant
                """.formatted(m.valueSql());
        Map<String, Sums> out = new HashMap<>();
        warehouse.sql().sql(sql).params(ws, ExposureSync.EVENT, e.key(), ws, preDays, until)
                .query((rs, i) -> out.put(rs.getString(1), new Sums(rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getDouble(7))))
                .list();
        return out;
    }
}
