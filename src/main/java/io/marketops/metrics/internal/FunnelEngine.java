package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.FunnelQuery;
import io.marketops.metrics.FunnelResult;
import io.marketops.metrics.FunnelResult.StepResult;
import io.marketops.metrics.Funnels;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs funnels (semantics in {@link FunnelQuery}) with the statement built by {@link FunnelSql}. Counts of a funnel
 * without step filters or breakdown read the step-event projection ({@link StepEvents}) after making its days
 * current; everything else — and the lists of people who dropped, which need the person ids — reads {@code events}.
 */
@Service
class FunnelEngine implements Funnels {
    static final int MAX_STEPS = 10;
    static final Duration MAX_WINDOW = Duration.ofDays(90);
    private final Warehouse warehouse;
    private final Workspaces workspaces;
    private final MetricsProperties limits;
    /** Null: every funnel reads events (the projection is then neither read nor built). */
    private final ActivityRollup rollup;

    FunnelEngine(Warehouse warehouse, Workspaces workspaces, MetricsProperties limits, java.util.Optional<ActivityRollup> rollup) {
        this.warehouse = warehouse;
        this.workspaces = workspaces;
        this.limits = limits;
        this.rollup = rollup.orElse(null);
    }

    @Override
    public FunnelResult run(WorkspaceId ws, FunnelQuery q) {
        Workspace w = workspaces.get(ws);
        validate(w, q);
        int n = q.steps().size();
        Sql sql = FunnelSql.counts(best(w, q, projected(w, q)), n, q.breakdown() != null);
        List<StepResult> total = new ArrayList<>();
        List<FunnelResult.Breakdown> breakdown = new ArrayList<>();
        warehouse.sql().sql(sql.text()).params(sql.params()).query(rs -> {
            long[] users = new long[n + 1];
            Double[] medians = new Double[n + 1];
            for (int k = 1; k <= n; k++) {
                users[k] = rs.getLong("u" + k);
                if (k > 1) medians[k] = (Double) rs.getObject("m" + k, Double.class);
            }
            List<StepResult> steps = steps(q, users, medians);
            if (rs.getInt("bd_total") == 1) total.addAll(steps);
            else breakdown.add(new FunnelResult.Breakdown(rs.getString("bd"), steps));
        });
        if (total.isEmpty()) total.addAll(steps(q, new long[n + 1], new Double[n + 1]));
        // most entrants first; ties by value, so the order does not depend on how the statement grouped them
        breakdown.sort(java.util.Comparator.<FunnelResult.Breakdown>comparingLong(b -> -b.steps().get(0).users())
                .thenComparing(b -> b.value() == null ? "\uffff" : b.value()));
        return new FunnelResult(q.from(), q.to(), q.window().toString(), q.order().name().toLowerCase(), total, breakdown);
    }

    private static List<StepResult> steps(FunnelQuery q, long[] users, Double[] medians) {
        List<StepResult> out = new ArrayList<>();
        for (int k = 1; k <= q.steps().size(); k++) {
            out.add(new StepResult(k, q.steps().get(k - 1).event(), users[k], k == 1 ? null : share(users[k], users[k - 1]),
                    k == 1 ? null : share(users[k], users[1]), medians[k]));
        }
        return out;
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP).doubleValue();
    }

    @Override
    public PageResult<DroppedPerson> droppedAt(WorkspaceId ws, FunnelQuery q, int step, PageQuery page) {
        Workspace w = checkedStep(ws, q, step);
        Sql count = Sql.of("").add(best(w, q, false)).add(" SELECT count(*) FROM best WHERE reached = ?", step - 1);
        long total = warehouse.sql().sql(count.text()).params(count.params()).query(Long.class).single();
        return PageResult.of(dropped(w, q, step, page.size(), page.offset()), page, total);
    }

    @Override
    public List<DroppedPerson> allDroppedAt(WorkspaceId ws, FunnelQuery q, int step, int max) {
        return dropped(checkedStep(ws, q, step), q, step, max, 0);
    }

    private Workspace checkedStep(WorkspaceId ws, FunnelQuery q, int step) {
        Workspace w = workspaces.get(ws);
        validate(w, q);
        if (step < 2 || step > q.steps().size()) {
            throw new InvalidRequest("step", "must be between 2 and " + q.steps().size() + " (the step people did not reach), was " + step);
        }
        return w;
    }

    private List<DroppedPerson> dropped(Workspace w, FunnelQuery q, int step, int limit, int offset) {
        Sql list = Sql.of("").add(best(w, q, false)).add(" SELECT person, t1 FROM best WHERE reached = ? ORDER BY person LIMIT ? OFFSET ?", step - 1, limit, offset);
        return warehouse.sql().sql(list.text()).params(list.params())
                .query((rs, i) -> new DroppedPerson(rs.getString(1), FunnelSql.instant(rs.getLong(2)))).list();
    }

    /**
     * Whether this funnel's counts read the step-event projection; if so, its local days (range + window) have just
     * been made to match {@code events}.
     */
    private boolean projected(Workspace w, FunnelQuery q) {
        if (rollup == null || !StepEvents.covers(q)) return false;
        Instant until = end(w, q).plusSeconds(q.window().toSeconds());
        rollup.ensure(w.id().value(), w.timezone(), q.from(), LocalDate.ofInstant(until, w.timezone()));
        return true;
    }

    private static Instant end(Workspace w, FunnelQuery q) {
        return q.to().plusDays(1).atStartOfDay(w.timezone()).toInstant();
    }

    private Sql best(Workspace w, FunnelQuery q, boolean projection) {
        return FunnelSql.best(w.id().value(), EventScope.stitched(warehouse, w.id().value()), w.timezone(),
                q.from().atStartOfDay(w.timezone()).toInstant(), end(w, q), q, projection);
    }

    void validate(Workspace w, FunnelQuery q) {
        if (q.steps().isEmpty()) throw new InvalidRequest("steps", "name at least one step, e.g. [{\"event\":\"sign_up\"},{\"event\":\"purchase\"}]");
        if (q.steps().size() > MAX_STEPS) throw new InvalidRequest("steps", "at most " + MAX_STEPS + " steps, was " + q.steps().size());
        for (int k = 0; k < q.steps().size(); k++) {
            FunnelQuery.Step s = q.steps().get(k);
            if (s == null || s.event() == null || s.event().isBlank()) throw new InvalidRequest("steps[" + k + "].event", "is required: the event name of this step");
            EventFilters.validate("steps[" + k + "].filters", s.filters());
            QueryValidation.propertiesExist(warehouse, w.id().value(), List.of(), s.filters(), "steps[" + k + "].filters");
        }
        if (q.window() == null) throw new InvalidRequest("window", "is required: an ISO-8601 duration such as P7D or PT30M");
        if (q.window().isNegative() || q.window().isZero() || q.window().compareTo(MAX_WINDOW) > 0) {
            throw new InvalidRequest("window", "must be more than 0 and at most P90D, was " + q.window());
        }
        QueryValidation.range(q.from(), q.to(), limits.maxRangeDays());
        if (q.breakdown() != null) {
            Dimensions.validate("breakdown", q.breakdown());
            QueryValidation.requireProperty(warehouse, w.id().value(), q.breakdown(), "breakdown");
        }
    }

    static Map<String, Object> describe(FunnelQuery q) {
        return Map.of("steps", q.steps().stream().map(FunnelQuery.Step::event).toList(), "window", q.window().toString(), "from", q.from().toString(), "to", q.to().toString());
    }
}
