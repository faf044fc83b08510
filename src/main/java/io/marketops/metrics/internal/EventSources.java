package io.marketops.metrics.internal;

import java.util.List;

/**
 * SQL for the event-based sources. Each statement returns {@code period, d0…dn, m0…mk}: the bucket,
 * the dimension values and one column per measure, in the order given.
 */
final class EventSources {
    static final String ACTIVE = "e.type IN ('track', 'page', 'screen')";

    private EventSources() {
    }

    static Sql select(List<Measure> measures) {
        Sql s = new Sql();
        for (int k = 0; k < measures.size(); k++) s.add(", ").add(measures.get(k).expr()).add(" AS m" + k);
        return s;
    }

    private static Sql ev(QueryScope q, java.time.Instant from, java.time.Instant until) {
        return EventScope.cte("ev", q.workspace(), q.stitched(), q.zone(), from, until, Dimensions.events(q.dims()), EventFilters.events(q.filters()));
    }

    /**
     * Whether a source's statement reads the daily activity rollup: the scope allows it, its dimensions and filters
     * are rollup columns and, for events, it needs nothing but PV and UV (custom event metrics read events).
     */
    static boolean readsRollup(QueryScope q, Source source, List<Measure> measures) {
        if (!q.rollup() || !ActivityRollup.covers(q.dims(), q.filters())) return false;
        return switch (source) {
            case EVENTS -> measures.stream().allMatch(m -> m == Measures.PV || m == Measures.UV);
            case ACTIVITY -> true;
            default -> false;
        };
    }

    /** The first local day the source's statement reads (the activity source looks 30 days back for MAU). */
    static java.time.LocalDate firstDay(QueryScope q, Source source) {
        return source == Source.ACTIVITY ? q.from().minusDays(30) : q.from();
    }

    private static Sql rollupEv(QueryScope q, java.time.LocalDate from) {
        return EventScope.rollupCte("ev", q.workspace(), q.stitched(), from, q.to(), Dimensions.events(q.dims()), EventFilters.events(q.filters()));
    }

    /**
     * PV and UV from the rollup in two steps: views per bucket, dimension values and person, then per bucket and
     * dimension values the sum of views and the people with at least one — exactly {@code count(DISTINCT person)},
     * and cheaper for DuckDB than a distinct aggregate per group.
     */
    static Sql rollupViews(QueryScope q, List<Measure> measures) {
        int n = q.dims().size();
        Sql s = Sql.of("WITH ").add(rollupEv(q, q.from()))
                .add(", p AS (SELECT " + q.period("e.day") + " AS period" + EventScope.dimList(n, "e.") + ", e.person, sum(e.views) AS views"
                        + " FROM ev e GROUP BY ALL)")
                .add(" SELECT p.period" + EventScope.dimList(n, "p."));
        for (int k = 0; k < measures.size(); k++) {
            s.add(measures.get(k) == Measures.PV ? ", CAST(coalesce(sum(p.views), 0) AS BIGINT)" : ", count(p.person) FILTER (WHERE p.views > 0)").add(" AS m" + k);
        }
        return s.add(" FROM p GROUP BY ALL");
    }

    /** Page, screen and track events in the range. */
    static Sql events(QueryScope q, List<Measure> measures) {
        if (readsRollup(q, Source.EVENTS, measures)) return rollupViews(q, measures);
        return Sql.of("WITH ").add(ev(q, q.start(), q.end()))
                .add(" SELECT " + q.period("e.day") + " AS period" + EventScope.dimList(q.dims().size(), "e."))
                .add(select(measures)).add(" FROM ev e GROUP BY ALL");
    }

    /**
     * Sessions started in the range: the collector's session id when present, else a new session
     * after 30 minutes without an event of the person. Dimension values are the first event's.
     */
    static Sql sessions(QueryScope q, List<Measure> measures) {
        int n = q.dims().size();
        StringBuilder firstDims = new StringBuilder();
        for (int k = 0; k < n; k++) firstDims.append(", arg_min(d").append(k).append(", ts) AS d").append(k);
        return Sql.of("WITH ").add(ev(q, q.start(), q.end()))
                .add(", gap AS (SELECT e.*, CASE WHEN lag(e.ts) OVER w IS NULL OR e.ts - lag(e.ts) OVER w > INTERVAL 30 MINUTE THEN 1 ELSE 0 END AS starts"
                        + " FROM ev e WHERE " + ACTIVE + " WINDOW w AS (PARTITION BY e.person, e.session_id IS NULL ORDER BY e.ts))")
                .add(", numbered AS (SELECT g.*, coalesce('s:' || g.session_id, 'p:' || g.person || '#' || CAST(sum(g.starts) OVER"
                        + " (PARTITION BY g.person, g.session_id IS NULL ORDER BY g.ts ROWS UNBOUNDED PRECEDING) AS VARCHAR)) AS sid FROM gap g)")
                .add(", s AS (SELECT sid, min(ts) AS started, max(ts) AS ended, arg_min(day, ts) AS day,"
                        + " count(*) FILTER (WHERE type IN ('page', 'screen')) AS views" + firstDims + " FROM numbered GROUP BY sid)")
                .add(" SELECT " + q.period("s.day") + " AS period" + EventScope.dimList(n, "s."))
                .add(select(measures)).add(" FROM s GROUP BY ALL");
    }

    /**
     * Active people per local day, joined to each bucket's trailing 30 days (and the bucket's own
     * days): {@code b.first..b.last} is the bucket clamped to the range.
     */
    static Sql activity(QueryScope q, List<Measure> measures) {
        int n = q.dims().size();
        LocalDateRange r = new LocalDateRange(q.from(), q.to());
        boolean rollup = readsRollup(q, Source.ACTIVITY, measures);
        return Sql.of("WITH ").add(rollup ? rollupEv(q, firstDay(q, Source.ACTIVITY)) : ev(q, q.from().minusDays(30).atStartOfDay(q.zone()).toInstant(), q.end()))
                .add(", a AS (SELECT DISTINCT e.person, e.day" + EventScope.dimList(n, "e.") + " FROM ev e WHERE " + (rollup ? "e.active > 0" : ACTIVE) + ")")
                .add(", days AS (SELECT CAST(d AS DATE) AS day FROM range(DATE '" + r.from() + "', DATE '" + r.to() + "' + INTERVAL 1 DAY, INTERVAL 1 DAY) t(d))")
                .add(", b AS (SELECT " + q.period("day") + " AS period, min(day) AS first, max(day) AS last FROM days GROUP BY 1)")
                .add(" SELECT b.period" + EventScope.dimList(n, "a."))
                .add(select(measures))
                .add(" FROM b JOIN a ON a.day BETWEEN least(b.first, b.last - 29) AND b.last GROUP BY b.period, b.first, b.last" + EventScope.dimList(n, "a."));
    }

    /** People by their first event ever (track, page or screen), with returns on day 1/7/30 and 30-day revenue when asked for. */
    static Sql cohort(QueryScope q, List<Measure> measures, boolean returns, boolean revenue) {
        int n = q.dims().size();
        StringBuilder firstDims = new StringBuilder();
        for (int k = 0; k < n; k++) firstDims.append(", arg_min(e.d").append(k).append(", e.ts) AS d").append(k);
        Sql s = Sql.of("WITH ").add(ev(q, null, q.to().plusDays(32).atStartOfDay(q.zone()).toInstant()))
                .add(", f AS (SELECT e.person, min(e.ts) AS first_ts, arg_min(e.day, e.ts) AS first_day" + firstDims
                        + " FROM ev e WHERE " + ACTIVE + " GROUP BY e.person)")
                .add(", c AS (SELECT * FROM f WHERE first_ts >= CAST(? AS TIMESTAMPTZ) AND first_ts < CAST(? AS TIMESTAMPTZ))",
                        q.start().toString(), q.end().toString());
        if (returns) {
            s.add(", r AS (SELECT c.person, bool_or(e.day = c.first_day + 1) AS r1, bool_or(e.day = c.first_day + 7) AS r7,"
                    + " bool_or(e.day = c.first_day + 30) AS r30 FROM c JOIN ev e ON e.person = c.person AND " + ACTIVE
                    + " AND e.day BETWEEN c.first_day + 1 AND c.first_day + 30 GROUP BY c.person)");
        }
        if (revenue) {
            s.add(", v AS (SELECT c.person, sum(o.amount) AS rev30 FROM c JOIN orders o ON o.workspace_id = ? AND o.currency = ?"
                    + " AND o.customer_id = c.person AND o.order_time >= c.first_ts AND o.order_time < c.first_ts + INTERVAL 30 DAY GROUP BY c.person)",
                    q.workspace(), q.currency());
        }
        s.add(" SELECT " + q.period("c.first_day") + " AS period" + EventScope.dimList(n, "c.")).add(select(measures)).add(" FROM c");
        if (returns) s.add(" LEFT JOIN r ON r.person = c.person");
        if (revenue) s.add(" LEFT JOIN v ON v.person = c.person");
        return s.add(" GROUP BY ALL");
    }

    record LocalDateRange(java.time.LocalDate from, java.time.LocalDate to) {
    }
}
