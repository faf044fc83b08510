package io.marketops.metrics.internal;

import io.marketops.metrics.FunnelQuery;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The funnel as one DuckDB statement, one pass per person instead of one join per step.
 * {@code p} groups the step events by person: {@code l1} the entries (step-1 events inside the range,
 * with their breakdown value when there is one), {@code lK} the times of the step-K events. Then, per entry,
 * {@code tK} is the earliest step-K time after the previous step (strict) or after the entry (any order) and no
 * later than entry + window — the earliest match is what lets an entry get furthest — computed over
 * the person's short lists with list lambdas. {@code best} keeps one entry per person: furthest,
 * then earliest. People without any step-2 event (most of them, usually) skip the lambdas: they reach step 1
 * with their earliest entry. Times are epoch microseconds ({@code us}), integers in the lambdas.
 * Same answers as the join form (kept in MetricsBenchmarkTests as the hand-written SQL), about half the CPU:
 * no range joins and no sort by person (docs/benchmarks.md).
 * <p>
 * The events come from {@code events}, or from the step-event projection when {@link StepEvents#covers} the
 * query; the statements after {@code ev} are the same for both.
 */
final class FunnelSql {
    private FunnelSql() {
    }

    /** 2^52 µs ≈ 142 years: a rank of "reached" above any entry's offset from the range start. */
    private static final long REACHED_UNIT = 1L << 52;

    /**
     * The {@code WITH … best AS (person, bd, t1…tn, reached)} part of every funnel statement.
     *
     * @param projection read {@code metrics_step_events} (person is then an integer key, only for counting; the
     *                   caller checked {@link StepEvents#covers} and made the days current) instead of {@code events}
     */
    static Sql best(long ws, boolean stitched, ZoneId zone, Instant start, Instant end, FunnelQuery q, boolean projection) {
        List<FunnelQuery.Step> steps = q.steps();
        int n = steps.size();
        long window = q.window().toSeconds() * 1_000_000L;
        boolean bd = q.breakdown() != null;
        if (projection && bd) throw new IllegalArgumentException("the step-event projection has no breakdown columns");
        Sql names = Sql.of("e.event IN (");
        for (int k = 0; k < n; k++) names.add(k == 0 ? "?" : ", ?", steps.get(k).event());
        names.add(")");
        Sql columns = Sql.of("epoch_us(e.ts) AS us, ").add(bd ? Dimensions.event(q.breakdown()).add(" AS bd") : Sql.of("NULL AS bd"));
        for (int k = 1; k <= n; k++) columns.add(", ").add(match(steps.get(k - 1), projection)).add(" AS m" + k);
        Instant until = end.plusSeconds(q.window().toSeconds());
        Sql s = Sql.of("WITH ").add(projection ? EventScope.stepEvents("ev", ws, stitched, zone, start, until, columns, names)
                : EventScope.narrow("ev", ws, stitched, start, until, columns, names));
        long endUs = micros(end), startUs = micros(start);
        String entry = "m1 AND us < CAST(? AS BIGINT)";
        s.add(", p AS (SELECT person, list(" + (bd ? "{t1: us, bd: bd}" : "us") + ") FILTER (WHERE " + entry + ") AS l1", endUs);
        s.add(", min(us) FILTER (WHERE " + entry + ") AS f1", endUs);
        s.add(bd ? ", arg_min(bd, us) FILTER (WHERE " + entry + ") AS fbd" : ", NULL AS fbd", bd ? new Object[]{endUs} : new Object[0]);
        for (int k = 2; k <= n; k++) s.add(", list(us) FILTER (WHERE m" + k + ") AS l" + k);
        s.add(" FROM ev GROUP BY person HAVING bool_or(" + entry + "))", endUs);
        StringBuilder first = new StringBuilder("person, fbd AS bd, f1 AS t1");
        for (int k = 2; k <= n; k++) first.append(", NULL AS t").append(k);
        if (n == 1) return s.add(", best AS (SELECT " + first + ", 1 AS reached FROM p)");
        // people with a step-2 event: entries are structs {t1, bd} with a breakdown, bare times without one
        s.add(", c1 AS (SELECT person" + lists(2, n) + ", l1 AS c FROM p WHERE l2 IS NOT NULL)");
        StringBuilder fields = new StringBuilder();
        for (int k = 2; k <= n; k++) {
            String t1 = k == 2 && !bd ? "e" : "e.t1";
            if (k == 2) fields.append("t1: ").append(t1).append(bd ? ", bd: e.bd" : "");
            String after = q.order() == FunnelQuery.Order.STRICT && k > 2 ? "e.t" + (k - 1) : t1;
            s.add(", c" + k + " AS (SELECT person" + lists(k + 1, n) + ", list_transform(c, e -> {" + fields + ", t" + k
                    + ": list_min(list_filter(l" + k + ", x -> x > " + after + " AND x <= " + t1 + " + CAST(? AS BIGINT)))}) AS c FROM c" + (k - 1) + ")", window);
            fields.setLength(0);
            fields.append("t1: e.t1").append(bd ? ", bd: e.bd" : "");
            for (int j = 2; j <= k; j++) fields.append(", t").append(j).append(": e.t").append(j);
        }
        s.add(", ranked AS (SELECT person, c, list_transform(c, e -> " + reached("e.", n) + " * " + REACHED_UNIT
                + " - (e.t1 - CAST(? AS BIGINT))) AS k FROM c" + n + ")", startUs);
        s.add(", b AS (SELECT person, c[list_position(k, list_max(k))] AS top FROM ranked)");
        StringBuilder cols = new StringBuilder("person, " + (bd ? "top.bd" : "NULL") + " AS bd");
        for (int k = 1; k <= n; k++) cols.append(", top.t").append(k).append(" AS t").append(k);
        return s.add(", best AS (SELECT " + cols + ", " + reached("top.", n) + " AS reached FROM b"
                + " UNION ALL SELECT " + first + ", 1 FROM p WHERE l2 IS NULL)");
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
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

    private static Sql match(FunnelQuery.Step step, boolean projection) {
        Sql m = Sql.of("(e.event = ?", step.event());
        if (projection) return m.add(")");
        Sql f = EventFilters.events(step.filters());
        return (f.text().isEmpty() ? m : m.add(" AND ").add(f)).add(")");
    }

    /** People per step and median seconds from the previous step, per breakdown value and in total (bd_total = 1). */
    static Sql counts(Sql best, int n, boolean breakdown) {
        Sql s = Sql.of("").add(best).add(" SELECT " + (breakdown ? "bd, grouping(bd) AS bd_total" : "NULL AS bd, 1 AS bd_total"));
        for (int k = 1; k <= n; k++) {
            s.add(", count(*) FILTER (WHERE reached >= " + k + ") AS u" + k);
            if (k > 1) s.add(", median((t" + k + " - t" + (k - 1) + ") / 1e6) FILTER (WHERE reached >= " + k + ") AS m" + k);
        }
        return s.add(" FROM best" + (breakdown ? " GROUP BY GROUPING SETS ((bd), ())" : ""));
    }
}
