package io.marketops.reports.internal;

import io.marketops.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Builds scheduled reports and retries deliveries. State lives in PostgreSQL (next_run_at, the delivery queue), so a
 * restart loses nothing: a firing missed while MarketOps was down is built once at the next poll, for the last complete
 * period before it was due, and the schedule moves on from now.
 */
@Component
class ReportScheduler {
    /** A build still "building" after this long was cut off by a stop. */
    static final Duration STALE_BUILD = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);
    private final ReportDefinitions definitions;
    private final ReportService service;
    private final ReportRuns runs;
    private final DeliveryWorker worker;
    private final Workspaces workspaces;
    private final ReportsProperties properties;
    private final Clock clock;

    ReportScheduler(ReportDefinitions definitions, ReportService service, ReportRuns runs, DeliveryWorker worker, Workspaces workspaces,
                    ReportsProperties properties, Optional<Clock> clock) {
        this.definitions = definitions;
        this.service = service;
        this.runs = runs;
        this.worker = worker;
        this.workspaces = workspaces;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(initialDelayString = "${marketops.reports.poll-interval:PT30S}", fixedDelayString = "${marketops.reports.poll-interval:PT30S}")
    void poll() {
        Instant now = clock.instant();
        runs.failStale(now.minus(STALE_BUILD));
        if (properties.scheduler()) buildDue(now);
        worker.runDue(now);
    }

    /** Builds every due definition once (claimed, so concurrent pollers do not both build) and sends it to its recipients. */
    int buildDue(Instant now) {
        int built = 0;
        for (ReportDefinition d : definitions.due(now, 20)) {
            var zone = workspaces.get(d.workspace()).timezone();
            if (!definitions.claim(d, Schedules.next(d.schedule(), zone, now))) continue;
            LocalDate firedOn = d.nextRunAt().atZone(zone).toLocalDate();
            try {
                long runId = service.build(d, d.frequency().lastComplete(firedOn), "schedule", "schedule");
                if (d.hasRecipients()) worker.sendNow(d.workspace(), runId, d, "schedule");
                built++;
            } catch (RuntimeException e) {
                log.warn("scheduled report {} of workspace {} failed: {}", d.id(), d.workspace(), e.getMessage());
            }
        }
        return built;
    }
}
