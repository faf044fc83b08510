package io.marketops.reports.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.reports.ReportBuilt;
import io.marketops.reports.Reports;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Builds a run: records it as building (so the archive shows it at once), builds the content, stores it and
 * announces {@link ReportBuilt}. A failed build stays in the archive with its error.
 */
@Service
public class ReportService implements Reports {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    private final ReportDefinitions definitions;
    private final ReportRuns runs;
    private final ReportBuilder builder;
    private final Workspaces workspaces;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReportService(ReportDefinitions definitions, ReportRuns runs, ReportBuilder builder, Workspaces workspaces,
                  ApplicationEventPublisher events, TransactionTemplate tx, Optional<Clock> clock) {
        this.definitions = definitions;
        this.runs = runs;
        this.builder = builder;
        this.workspaces = workspaces;
        this.events = events;
        this.tx = tx;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public long run(WorkspaceId ws, long reportId, LocalDate from, LocalDate to, String requestedBy) {
        ReportDefinition d = definitions.get(ws, reportId);
        return build(d, Period.of(d.frequency(), from == null ? null : from.toString(), to == null ? null : to.toString(), null, today(ws)),
                "manual", requestedBy);
    }

    /** The workspace's local date now: the reference for "the last complete period". */
    public LocalDate today(WorkspaceId ws) {
        return LocalDate.now(clock.withZone(workspaces.get(ws).timezone()));
    }

    public long build(ReportDefinition d, Period p, String trigger, String requestedBy) {
        Workspace w = workspaces.get(d.workspace());
        long runId = runs.start(w.id(), d.id(), p, trigger, requestedBy);
        long started = System.nanoTime();
        try {
            ReportContent content = builder.build(d, w, p, clock.instant());
            long millis = (System.nanoTime() - started) / 1_000_000;
            tx.executeWithoutResult(s -> {
                runs.finish(runId, content, millis);
                events.publishEvent(new ReportBuilt(w.id(), d.id(), runId, p.from(), p.to()));
            });
            log.info("report {} run {} built for {}..{} in {} ms", d.id(), runId, p.from(), p.to(), millis);
            return runId;
        } catch (InvalidRequest e) {
            runs.fail(runId, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.warn("report {} run {} failed", d.id(), runId, e);
            runs.fail(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }
}
