package io.marketops.experiments.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.experiments.Decision;
import io.marketops.experiments.Experiment;
import io.marketops.experiments.ExperimentDesign;
import io.marketops.experiments.ExperimentEvents;
import io.marketops.experiments.ExperimentRejected;
import io.marketops.experiments.ExperimentStatus;
import io.marketops.experiments.Experiments;
import io.marketops.metrics.MetricCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The registry: designs are checked against the metric catalog, lifecycle changes run on the
 * row locked FOR UPDATE (two people pressing "stop" at once give one stop and one rejection),
 * and each change publishes its event.
 */
@Service
class Registry implements Experiments {
    private final ExperimentRows rows;
    private final MetricCatalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registry(ExperimentRows rows, MetricCatalog catalog, ApplicationEventPublisher events) {
        this.rows = rows;
        this.catalog = catalog;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Override
    @Transactional
    public Experiment create(WorkspaceId ws, String key, ExperimentDesign design) {
        if (key == null || !ExperimentDesign.KEY.matcher(key).matches()) {
            throw new InvalidRequest("key", "must be 1–64 characters of a–z, 0–9, '-' or '_', starting with a letter or digit");
        }
        checkMetrics(ws, design);
        if (rows.find(ws, key, false).isPresent()) throw new InvalidRequest("key", "an experiment '" + key + "' already exists in this workspace");
        try {
            rows.insert(ws, key, design);
        } catch (DuplicateKeyException e) {
            throw new InvalidRequest("key", "an experiment '" + key + "' already exists in this workspace");
        }
        return get(ws, key);
    }

    @Override
    public Optional<Experiment> find(WorkspaceId ws, String key) {
        return rows.find(ws, key, false);
    }

    @Override
    public Experiment get(WorkspaceId ws, String key) {
        return find(ws, key).orElseThrow(() -> new NotFound("experiment", key));
    }

    @Override
    public PageResult<Experiment> list(WorkspaceId ws, ExperimentStatus status, String text, PageQuery page) {
        return rows.list(ws, status, text, page);
    }

    @Override
    @Transactional
    public Experiment redesign(WorkspaceId ws, String key, ExperimentDesign design) {
        checkMetrics(ws, design);
        return change(ws, key, e -> e.redesign(design), true);
    }

    @Override
    @Transactional
    public Experiment start(WorkspaceId ws, String key) {
        var e = change(ws, key, x -> x.start(clock.instant()), false);
        events.publishEvent(new ExperimentEvents.ExperimentStarted(ws, key, e.startedAt()));
        return e;
    }

    @Override
    @Transactional
    public Experiment stop(WorkspaceId ws, String key) {
        var e = change(ws, key, x -> x.stop(clock.instant()), false);
        events.publishEvent(new ExperimentEvents.ExperimentStopped(ws, key, e.endedAt()));
        return e;
    }

    @Override
    @Transactional
    public Experiment decide(WorkspaceId ws, String key, Decision decision, String shippedVariant, String reason) {
        var e = change(ws, key, x -> x.decide(decision, shippedVariant, reason, clock.instant()), false);
        events.publishEvent(new ExperimentEvents.ExperimentDecided(ws, key, e.decision(), e.shippedVariant(), e.decidedAt()));
        return e;
    }

    @Override
    @Transactional
    public void delete(WorkspaceId ws, String key) {
        var e = rows.find(ws, key, true).orElseThrow(() -> new NotFound("experiment", key));
        if (!e.deletable()) {
            throw new ExperimentRejected(ExperimentRejected.Reason.NOT_A_DRAFT, "'" + key + "' has started; it stays on record (stop it and record a decision instead)");
        }
        rows.delete(e.id());
    }

    private Experiment change(WorkspaceId ws, String key, UnaryOperator<Experiment> rule, boolean designChanged) {
        var current = rows.find(ws, key, true).orElseThrow(() -> new NotFound("experiment", key));
        var changed = rule.apply(current);
        rows.update(changed, designChanged);
        return get(ws, key);
    }

    /** Built-in metrics and the workspace's own (custom) metrics are both allowed. */
    private void checkMetrics(WorkspaceId ws, ExperimentDesign design) {
        for (String[] f : design.metricFields()) {
            if (catalog.find(ws, f[1]).isEmpty()) {
                throw new InvalidRequest(f[0], "'" + f[1] + "' is not in the metric catalog; see GET /api/v1/metrics for the ids");
            }
        }
    }
}
