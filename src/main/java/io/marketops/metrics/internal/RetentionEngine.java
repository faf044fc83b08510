package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.Filter;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.Retention;
import io.marketops.metrics.RetentionQuery;
import io.marketops.metrics.RetentionResult;
import io.marketops.metrics.RetentionResult.Cell;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds cohort tables with one statement: cohort sizes, people per exact period and each person's last period. */
@Service
class RetentionEngine implements Retention {
    private final Warehouse warehouse;
    private final Workspaces workspaces;
    private final MetricsProperties limits;
    private final Clock clock;

    RetentionEngine(Warehouse warehouse, Workspaces workspaces, MetricsProperties limits, Optional<Clock> clock) {
        this.warehouse = warehouse;
        this.workspaces = workspaces;
        this.limits = limits;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public RetentionResult run(WorkspaceId ws, RetentionQuery q) {
        Workspace w = workspaces.get(ws);
        validate(w, q);
        LocalDate today = LocalDate.now(clock.withZone(w.timezone()));
        QueryScope scope = new QueryScope(ws.value(), w.timezone(), w.currency(), q.from(), q.to(), q.granularity(), List.of(), List.of(),
                EventScope.stitched(warehouse, ws.value()));
        Sql sql = sql(scope, q, today);
        Map<LocalDate, long[]> sizes = new TreeMap<>(), classic = new TreeMap<>(), last = new TreeMap<>();
        int n = q.periods();
        warehouse.sql().sql(sql.text()).params(sql.params()).query(rs -> {
            LocalDate cohort = rs.getObject("cohort", LocalDate.class);
            int p = rs.getInt("n");
            Map<LocalDate, long[]> target = switch (rs.getString("kind")) {
                case "size" -> sizes;
                case "classic" -> classic;
                default -> last;
            };
            target.computeIfAbsent(cohort, c -> new long[n + 1])[p] += rs.getLong("users");
        });
        List<RetentionResult.Cohort> cohorts = new ArrayList<>();
        long[] observedSize = new long[n + 1], classicSum = new long[n + 1], unboundedSum = new long[n + 1];
        for (var e : sizes.entrySet()) {
            long size = e.getValue()[0];
            long[] c = classic.getOrDefault(e.getKey(), new long[n + 1]), l = last.getOrDefault(e.getKey(), new long[n + 1]);
            List<Cell> cells = new ArrayList<>();
            long unbounded = 0;
            long[] atLeast = new long[n + 2];
            for (int p = n; p >= 1; p--) atLeast[p] = atLeast[p + 1] + l[p];
            for (int p = 0; p <= n; p++) {
                if (periodStart(e.getKey(), p, q.granularity()).isAfter(today)) {
                    cells.add(new Cell(p, null, null, null, null));
                    continue;
                }
                long cl = p == 0 ? size : c[p];
                unbounded = p == 0 ? size : atLeast[p];
                cells.add(new Cell(p, cl, FunnelEngine.share(cl, size), unbounded, FunnelEngine.share(unbounded, size)));
                observedSize[p] += size;
                classicSum[p] += cl;
                unboundedSum[p] += unbounded;
            }
            cohorts.add(new RetentionResult.Cohort(scope.label(e.getKey()).toString(), size, cells));
        }
        List<Cell> average = new ArrayList<>();
        for (int p = 0; p <= n; p++) {
            average.add(observedSize[p] == 0 ? new Cell(p, null, null, null, null)
                    : new Cell(p, classicSum[p], FunnelEngine.share(classicSum[p], observedSize[p]), unboundedSum[p], FunnelEngine.share(unboundedSum[p], observedSize[p])));
        }
        return new RetentionResult(q.granularity().name().toLowerCase(), n, cohorts, average);
    }

    static LocalDate periodStart(LocalDate cohort, int p, Granularity g) {
        return switch (g) {
            case WEEK -> cohort.with(java.time.DayOfWeek.MONDAY).plusWeeks(p);
            case MONTH -> cohort.withDayOfMonth(1).plusMonths(p);
            default -> cohort.plusDays(p);
        };
    }

    private static Sql sql(QueryScope s, RetentionQuery q, LocalDate today) {
        Sql cols = Sql.of(LocalDays.of("e.ts", s.zone()) + " AS day, ").add(match(q.cohortEvent(), q.cohortFilters())).add(" AS mc, ")
                .add(match(q.returnEvent(), q.returnFilters())).add(" AS mr");
        String index = switch (q.granularity()) {
            case WEEK -> "CAST((CAST(date_trunc('week', e.day) AS DATE) - CAST(date_trunc('week', c.day0) AS DATE)) / 7 AS INTEGER)";
            case MONTH -> "CAST((year(e.day) * 12 + month(e.day)) - (year(c.day0) * 12 + month(c.day0)) AS INTEGER)";
            default -> "CAST(e.day - c.day0 AS INTEGER)";
        };
        return Sql.of("WITH ").add(EventScope.narrow("ev", s.workspace(), s.stitched(), null, today.plusDays(1).atStartOfDay(s.zone()).toInstant(), cols,
                        Sql.of(EventSources.ACTIVE)))
                .add(", f AS (SELECT person, min(ts) AS t0, arg_min(day, ts) AS day0 FROM ev e WHERE e.mc GROUP BY person)")
                .add(", c AS (SELECT person, day0, " + s.period("day0") + " AS cohort FROM f WHERE t0 >= CAST(? AS TIMESTAMPTZ) AND t0 < CAST(? AS TIMESTAMPTZ))",
                        s.start().toString(), s.end().toString())
                .add(", r AS (SELECT DISTINCT c.person, c.cohort, " + index + " AS n FROM c JOIN ev e ON e.person = c.person AND e.mr AND e.day > c.day0)")
                .add(", rn AS (SELECT * FROM r WHERE n BETWEEN 1 AND ?)", q.periods())
                .add(" SELECT 'size' AS kind, cohort, 0 AS n, count(*) AS users FROM c GROUP BY cohort")
                .add(" UNION ALL SELECT 'classic', cohort, n, count(*) FROM rn GROUP BY cohort, n")
                .add(" UNION ALL SELECT 'last', cohort, mx, count(*) FROM (SELECT cohort, person, max(n) AS mx FROM rn GROUP BY cohort, person) GROUP BY cohort, mx");
    }

    private static Sql match(String event, List<Filter> filters) {
        Sql m = event == null ? Sql.of("(true") : Sql.of("(e.event = ?", event);
        Sql f = EventFilters.events(filters);
        if (!f.text().isEmpty()) m.add(" AND ").add(f);
        return m.add(")");
    }

    private void validate(Workspace w, RetentionQuery q) {
        QueryValidation.range(q.from(), q.to(), limits.maxRangeDays());
        if (q.granularity() == Granularity.TOTAL) throw new InvalidRequest("granularity", "must be day, week or month for retention");
        if (q.periods() < 1 || q.periods() > 90) throw new InvalidRequest("periods", "must be between 1 and 90, was " + q.periods());
        if (q.cohortEvent() != null && q.cohortEvent().isBlank()) throw new InvalidRequest("cohortEvent", "must be an event name, or left out for the first event of any kind");
        if (q.returnEvent() != null && q.returnEvent().isBlank()) throw new InvalidRequest("returnEvent", "must be an event name, or left out for any event");
        EventFilters.validate("cohortFilters", q.cohortFilters());
        EventFilters.validate("returnFilters", q.returnFilters());
        QueryValidation.propertiesExist(warehouse, w.id().value(), List.of(), q.cohortFilters(), "cohortFilters");
        QueryValidation.propertiesExist(warehouse, w.id().value(), List.of(), q.returnFilters(), "returnFilters");
    }
}
