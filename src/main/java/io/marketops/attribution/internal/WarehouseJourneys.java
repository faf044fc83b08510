package io.marketops.attribution.internal;

import io.marketops.attribution.JourneyQuery;
import io.marketops.warehouse.Warehouse;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads touches and conversions from the warehouse's {@code events}, one workspace, in person and
 * time order, into a {@link JourneyAssembler}.
 * <ul>
 *   <li>person = {@code person_id} of collection's {@code event_people} view, the one definition
 *       of who is who (aliased user, user id, identified user, anonymous id) — the same person as
 *       the metrics module counts;</li>
 *   <li>touch = a session with a channel (at its first event that carries one), or an event with a
 *       channel but no session (an ad click, say) that is not itself a conversion;</li>
 *   <li>conversion = a track event named in the query, with its value from the revenue column (or
 *       properties.revenue) or from the named property.</li>
 * </ul>
 */
@Component
class WarehouseJourneys {
    private final Warehouse warehouse;

    WarehouseJourneys(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** How persons are resolved: always through collection's identities ({@code event_people}). */
    String stitching() {
        return "identities";
    }

    JourneyAssembler.Result read(long workspace, JourneyQuery q, ZoneId zone) {
        Instant from = q.from().atStartOfDay(zone).toInstant();
        Instant until = q.to().plusDays(1).atStartOfDay(zone).toInstant();
        long lookbackMs = q.lookbackDays() * 86_400_000L;
        Instant touchesFrom = from.minusMillis(lookbackMs);
        List<Object> params = new ArrayList<>();
        String value = value(q, params);
        params.add(workspace);
        params.add(touchesFrom.toString());
        params.add(until.toString());
        String events = placeholders(q.conversionEvents().size());
        params.addAll(q.conversionEvents());
        params.addAll(q.conversionEvents());
        params.add(from.toString());
        String sql = """
                WITH ev AS (
                  SELECT e.person_id AS person, e.ts, e.type, e.event, e.session_id, e.channel, %s AS value
                  FROM event_people e
                  WHERE e.workspace_id = ? AND e.ts >= CAST(? AS TIMESTAMPTZ) AND e.ts < CAST(? AS TIMESTAMPTZ)
                ),
                touches AS (
                  SELECT person, min(ts) AS ts, arg_min(channel, ts) AS channel FROM ev
                  WHERE session_id IS NOT NULL AND channel IS NOT NULL AND channel <> ''
                  GROUP BY person, session_id
                  UNION ALL
                  SELECT person, ts, channel FROM ev
                  WHERE session_id IS NULL AND channel IS NOT NULL AND channel <> '' AND NOT (type = 'track' AND event IN (%s))
                ),
                conversions AS (
                  SELECT person, ts, value FROM ev WHERE type = 'track' AND event IN (%s) AND ts >= CAST(? AS TIMESTAMPTZ)
                )
                SELECT person, epoch_ms(ts) AS t, 0 AS kind, channel, NULL AS value FROM touches WHERE person IS NOT NULL
                UNION ALL
                SELECT person, epoch_ms(ts) AS t, 1 AS kind, NULL AS channel, value FROM conversions WHERE person IS NOT NULL
                ORDER BY person, t, kind""".formatted(value, events, events);
        JourneyAssembler assembler = new JourneyAssembler(from.toEpochMilli(), until.toEpochMilli(), lookbackMs);
        warehouse.sql().sql(sql).params(params).query(rs -> {
            String person = rs.getString(1);
            long at = rs.getLong(2);
            if (rs.getInt(3) == 0) assembler.touch(person, at, rs.getString(4));
            else assembler.conversion(person, at, rs.getBigDecimal(5));
        });
        return assembler.finish();
    }

    private static String value(JourneyQuery q, List<Object> params) {
        if (q.valueIsRevenue()) return "coalesce(e.revenue, TRY_CAST(json_extract_string(e.properties, '$.revenue') AS DECIMAL(18, 2)))";
        params.add("$." + q.valueProperty());
        return "TRY_CAST(json_extract_string(e.properties, ?) AS DECIMAL(18, 2))";
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
