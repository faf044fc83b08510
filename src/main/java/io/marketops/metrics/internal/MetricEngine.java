package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.MetricQueries;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricQuery.Comparison;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.metrics.MetricResult;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs metric queries: validates, computes each needed measure once per source with one SQL
 * statement, applies the metric formulas and, when asked, the same for the comparison period.
 */
@Service
class MetricEngine implements MetricQueries {
    private final Warehouse warehouse;
    private final Workspaces workspaces;
    private final MetricDefinitions definitions;
    private final MetricsProperties limits;
    private final Clock clock;
    /** Null: every statement reads events (the rollup is then neither read nor built). */
    private final ActivityRollup rollup;

    MetricEngine(Warehouse warehouse, Workspaces workspaces, MetricDefinitions definitions, MetricsProperties limits,
                 java.util.Optional<Clock> clock, java.util.Optional<ActivityRollup> rollup) {
        this.warehouse = warehouse;
        this.rollup = rollup.orElse(null);
        this.workspaces = workspaces;
        this.definitions = definitions;
        this.limits = limits;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public MetricResult run(WorkspaceId ws, MetricQuery query) {
        Workspace w = workspaces.get(ws);
        List<MetricDefinition> defs = validate(w, query);
        MeasureTable current = compute(w, query, defs);
        List<MetricResult.Row> rows = current.rows(defs, LocalDate.now(clock.withZone(w.timezone())));
        if (query.compare() == Comparison.NONE) {
            return new MetricResult(query.from(), query.to(), query.granularity().name().toLowerCase(), query.dimensions(), null, null, rows);
        }
        LocalDate[] prev = compareRange(query.from(), query.to(), query.compare(), query.granularity());
        MetricQuery before = query.withRange(prev[0], prev[1]);
        MeasureTable previous = compute(w, before, defs);
        List<MetricResult.Row> prevRows = previous.rows(defs, LocalDate.now(clock.withZone(w.timezone())));
        return new MetricResult(query.from(), query.to(), query.granularity().name().toLowerCase(), query.dimensions(), prev[0], prev[1],
                Comparisons.attach(rows, prevRows, current.scope().buckets(), previous.scope().buckets(), empty(defs)));
    }

    private static Map<String, Number> empty(List<MetricDefinition> defs) {
        Map<String, Number> out = new java.util.HashMap<>();
        for (MetricDefinition d : defs) out.put(d.metric().id(), d.value(id -> BigDecimal.ZERO));
        return out;
    }

    @Override
    public List<String> sql(WorkspaceId ws, MetricQuery query) {
        Workspace w = workspaces.get(ws);
        List<MetricDefinition> defs = validate(w, query);
        QueryScope scope = scope(w, query);
        List<String> out = new ArrayList<>();
        SourcePlan.of(defs).forEach((source, measures) -> out.add(SourcePlan.sql(scope, source, measures, defs).text()));
        return out;
    }

    /** 环比: the same number of days just before (whole months when the range is whole months); 同比: the same days a year before. */
    static LocalDate[] compareRange(LocalDate from, LocalDate to, Comparison c) {
        return compareRange(from, to, c, Granularity.DAY);
    }

    /**
     * The comparison range. 同比 of weekly rows is the same weekdays 52 weeks (364 days) before, so each
     * Monday-to-Sunday week meets a Monday-to-Sunday week (the same dates a year before start on another
     * weekday, and their weeks would not line up with this range's); otherwise the same dates a year before.
     */
    static LocalDate[] compareRange(LocalDate from, LocalDate to, Comparison c, Granularity g) {
        if (c == Comparison.PREVIOUS_YEAR && g == Granularity.WEEK) return new LocalDate[]{from.minusWeeks(52), to.minusWeeks(52)};
        if (c == Comparison.PREVIOUS_YEAR) return new LocalDate[]{from.minusYears(1), to.minusYears(1)};
        if (from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth()) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new LocalDate[]{from.minusMonths(months), from.minusDays(1)};
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new LocalDate[]{from.minusDays(days), from.minusDays(1)};
    }

    private QueryScope scope(Workspace w, MetricQuery q) {
        return new QueryScope(w.id().value(), w.timezone(), w.currency(), q.from(), q.to(), q.granularity(), q.dimensions(), q.filters(),
                EventScope.stitched(warehouse, w.id().value()), rollup != null);
    }

    private List<MetricDefinition> validate(Workspace w, MetricQuery q) {
        if (q.metrics().isEmpty()) throw new InvalidRequest("metrics", "name at least one metric, e.g. [\"uv\",\"pv\"]; GET /api/v1/metrics lists them");
        if (q.metrics().size() > 30) throw new InvalidRequest("metrics", "at most 30 metrics per query, was " + q.metrics().size());
        List<MetricDefinition> defs = new ArrayList<>();
        for (int k = 0; k < q.metrics().size(); k++) {
            String id = q.metrics().get(k), field = "metrics[" + k + "]";
            MetricDefinition d = definitions.definition(w.id(), id).orElseThrow(() -> new InvalidRequest(field,
                    "unknown metric '" + id + "'; GET /api/v1/metrics lists the metric ids of this workspace"));
            if (defs.contains(d)) throw new InvalidRequest(field, "'" + id + "' is named twice");
            defs.add(d);
        }
        QueryValidation.range(q.from(), q.to(), limits.maxRangeDays());
        if (q.granularity() == Granularity.DAY && ChronoUnit.DAYS.between(q.from(), q.to()) + 1 > limits.maxDayBuckets()) {
            throw new InvalidRequest("granularity", "day granularity allows at most " + limits.maxDayBuckets() + " days; use week or month for longer ranges");
        }
        QueryValidation.dimensions(q.dimensions(), 3);
        EventFilters.validate("filters", q.filters());
        QueryValidation.propertiesExist(warehouse, w.id().value(), q.dimensions(), q.filters(), "filters");
        return defs;
    }

    private MeasureTable compute(Workspace w, MetricQuery q, List<MetricDefinition> defs) {
        QueryScope scope = scope(w, q);
        MeasureTable table = new MeasureTable(scope);
        Map<Source, List<Measure>> plan = SourcePlan.of(defs);
        for (var e : plan.entrySet()) {
            if (EventSources.readsRollup(scope, e.getKey(), e.getValue())) {
                rollup.ensure(scope.workspace(), scope.zone(), EventSources.firstDay(scope, e.getKey()), scope.to());
            }
            Sql sql = SourcePlan.sql(scope, e.getKey(), e.getValue(), defs);
            List<Measure> measures = e.getValue();
            warehouse.sql().sql(sql.text()).params(sql.params()).query(rs -> {
                List<Object> key = new ArrayList<>();
                key.add(scope.label(rs.getObject("period", LocalDate.class)));
                for (int k = 0; k < scope.dims().size(); k++) key.add(rs.getString("d" + k));
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                for (int k = 0; k < measures.size(); k++) values.put(measures.get(k).id(), MeasureTable.decimal(rs.getObject("m" + k)));
                table.put(key, values);
            });
            if (table.size() > limits.maxRows()) {
                throw new InvalidRequest("dimensions", "the query returns more than " + limits.maxRows() + " rows; add filters or use fewer dimensions or a coarser granularity");
            }
        }
        return table;
    }
}
