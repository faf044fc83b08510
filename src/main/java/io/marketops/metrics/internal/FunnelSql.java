package io.marketops.metrics.internal;

import io.marketops.metrics.FunnelQuery;

import java.time.Instant;
import java.util.List;

/**
 * The funnel as one DuckDB statement. {@code f1} holds every entry (a step-1 event inside the
 * range); {@code fK} adds {@code tK}, the earliest step-K event after the previous step (strict)
 * or after the entry (any order) and no later than entry + window — the earliest match is what
 * lets an entry get furthest. {@code best} keeps one entry per person: furthest, then earliest.
 */
final class FunnelSql {
    private FunnelSql() {
    }

    static Sql best(long ws, boolean stitched, Instant start, Instant end, FunnelQuery q) {
        List<FunnelQuery.Step> steps = q.steps();
        int n = steps.size();
        long window = q.window().toSeconds();
        Sql names = Sql.of("e.event IN (");
        for (int k = 0; k < n; k++) names.add(k == 0 ? "?" : ", ?", steps.get(k).event());
        names.add(")");
        Sql columns = q.breakdown() == null ? Sql.of("NULL AS bd") : Dimensions.event(q.breakdown()).add(" AS bd");
        for (int k = 1; k <= n; k++) columns.add(", ").add(match(steps.get(k - 1))).add(" AS m" + k);
        Sql s = Sql.of("WITH ").add(EventScope.narrow("ev", ws, stitched, start, end.plusSeconds(window), columns, names));
        s.add(", f1 AS (SELECT e.person, e.ts AS t1, e.bd FROM ev e WHERE e.ts < CAST(? AS TIMESTAMPTZ) AND e.m1)", end.toString());
        StringBuilder cols = new StringBuilder("f.person, f.t1, f.bd");
        for (int k = 2; k <= n; k++) {
            String after = q.order() == FunnelQuery.Order.STRICT ? "f.t" + (k - 1) : "f.t1";
            s.add(", s" + k + " AS (SELECT e.person, e.ts FROM ev e WHERE e.m" + k + ")");
            s.add(", f" + k + " AS (SELECT " + cols + ", min(x.ts) AS t" + k + " FROM f" + (k - 1) + " f LEFT JOIN s" + k
                    + " x ON x.person = f.person AND x.ts > " + after + " AND x.ts <= f.t1 + to_seconds(CAST(? AS BIGINT)) GROUP BY " + cols + ")", window);
            cols.append(", f.t").append(k);
        }
        StringBuilder reached = new StringBuilder("CASE");
        for (int k = 2; k <= n; k++) reached.append(" WHEN t").append(k).append(" IS NULL THEN ").append(k - 1);
        reached.append(" ELSE ").append(n).append(" END");
        s.add(", r AS (SELECT *, " + (n == 1 ? "1" : reached.toString()) + " AS reached FROM f" + n + ")");
        s.add(", best AS (SELECT * FROM r QUALIFY row_number() OVER (PARTITION BY person ORDER BY reached DESC, t1) = 1)");
        return s;
    }

    private static Sql match(FunnelQuery.Step step) {
        Sql m = Sql.of("(e.event = ?", step.event());
        Sql f = EventFilters.events(step.filters());
        return (f.text().isEmpty() ? m : m.add(" AND ").add(f)).add(")");
    }

    /** People per step and median seconds from the previous step, per breakdown value and in total (bd_total = 1). */
    static Sql counts(Sql best, int n, boolean breakdown) {
        Sql s = Sql.of("").add(best).add(" SELECT " + (breakdown ? "bd, grouping(bd) AS bd_total" : "NULL AS bd, 1 AS bd_total"));
        for (int k = 1; k <= n; k++) {
            s.add(", count(*) FILTER (WHERE reached >= " + k + ") AS u" + k);
            if (k > 1) s.add(", median(epoch(t" + k + ") - epoch(t" + (k - 1) + ")) FILTER (WHERE reached >= " + k + ") AS m" + k);
        }
        return s.add(" FROM best" + (breakdown ? " GROUP BY GROUPING SETS ((bd), ())" : ""));
    }
}
