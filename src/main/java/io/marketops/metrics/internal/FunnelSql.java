package io.marketops.metrics.internal;

import io.marketops.metrics.FunnelQuery;

import java.time.Instant;
import java.util.List;

/**
 * The funnel as one DuckDB statement, one pass per person instead of one join per step.
 * {@code p} groups the step events by person: {@code l1} the entries (step-1 events inside the range,
 * with their breakdown value), {@code lK} the times of the step-K events. Then, per entry, {@code tK}
 * is the earliest step-K time after the previous step (strict) or after the entry (any order) and no
 * later than entry + window — the earliest match is what lets an entry get furthest — computed over
 * the person's short lists with list lambdas. {@code best} keeps one entry per person: furthest,
 * then earliest. Same answers as the join form (kept in MetricsBenchmarkTests as the hand-written
 * SQL), about half the CPU: no range joins and no sort by person (docs/benchmarks.md).
 */
final class FunnelSql {
    private FunnelSql() {
    }

    /** 2^52 µs ≈ 142 years: a rank of "reached" above any entry's offset from the range start. */
    private static final long REACHED_UNIT = 1L << 52;

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
        s.add(", p AS (SELECT person, list({t1: ts, bd: bd}) FILTER (WHERE m1 AND ts < CAST(? AS TIMESTAMPTZ)) AS l1", end.toString());
        for (int k = 2; k <= n; k++) s.add(", list(ts) FILTER (WHERE m" + k + ") AS l" + k);
        s.add(" FROM ev GROUP BY person HAVING bool_or(m1 AND ts < CAST(? AS TIMESTAMPTZ)))", end.toString());
        StringBuilder fields = new StringBuilder("t1: e.t1, bd: e.bd");
        s.add(", c1 AS (SELECT person" + lists(2, n) + ", l1 AS c FROM p)");
        for (int k = 2; k <= n; k++) {
            String after = q.order() == FunnelQuery.Order.STRICT ? "e.t" + (k - 1) : "e.t1";
            s.add(", c" + k + " AS (SELECT person" + lists(k + 1, n) + ", list_transform(c, e -> {" + fields + ", t" + k
                    + ": list_min(list_filter(l" + k + ", x -> x > " + after + " AND x <= e.t1 + to_seconds(CAST(? AS BIGINT))))}) AS c FROM c" + (k - 1) + ")", window);
            fields.append(", t").append(k).append(": e.t").append(k);
        }
        s.add(", ranked AS (SELECT person, c, list_transform(c, e -> " + reached("e.", n) + " * " + REACHED_UNIT
                + " - (epoch_us(e.t1) - epoch_us(CAST(? AS TIMESTAMPTZ)))) AS k FROM c" + n + ")", start.toString());
        s.add(", b AS (SELECT person, c[list_position(k, list_max(k))] AS top FROM ranked)");
        StringBuilder cols = new StringBuilder("person, top.bd AS bd");
        for (int k = 1; k <= n; k++) cols.append(", top.t").append(k).append(" AS t").append(k);
        s.add(", best AS (SELECT " + cols + ", " + reached("top.", n) + " AS reached FROM b)");
        return s;
    }

    /** {@code , lFrom, …, lTo}: the step lists a later stage still needs. */
    private static String lists(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int k = from; k <= to; k++) out.append(", l").append(k);
        return out.toString();
    }

    /** The furthest step of an entry: the step before its first missing time. */
    private static String reached(String prefix, int n) {
        if (n == 1) return "1";
        StringBuilder out = new StringBuilder("CASE");
        for (int k = 2; k <= n; k++) out.append(" WHEN ").append(prefix).append("t").append(k).append(" IS NULL THEN ").append(k - 1);
        return out.append(" ELSE ").append(n).append(" END").toString();
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
