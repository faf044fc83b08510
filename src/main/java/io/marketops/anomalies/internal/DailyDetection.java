package io.marketops.anomalies.internal;

import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The daily detection, in each workspace's own time zone. A cron cannot follow many zones, so a
 * cheap check runs every 15 minutes ({@code marketops.anomalies.check-cron}) and runs a workspace
 * once its local clock has passed {@code run-at}: yesterday, plus the days before it that the last
 * scheduled run did not cover (the app was down) and {@code recheck-days} more for data that
 * arrived late. A workspace's first scheduled run covers {@code initial-days}, so a new (or demo)
 * workspace shows its recent history at once. The run log in PostgreSQL is the memory, so a
 * restart neither skips nor repeats a day.
 */
@Component
class DailyDetection {
    private static final Logger log = LoggerFactory.getLogger(DailyDetection.class);
    /** After a long outage, catch up at most this many days per run. */
    static final int MAX_CATCH_UP = 31;

    private final Workspaces workspaces;
    private final Detection detection;
    private final DetectionRuns runs;
    private final AnomaliesProperties properties;
    private final Clock clock;

    DailyDetection(Workspaces workspaces, Detection detection, DetectionRuns runs, AnomaliesProperties properties, Optional<Clock> clock) {
        this.workspaces = workspaces;
        this.detection = detection;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(cron = "${marketops.anomalies.check-cron:0 */15 * * * *}")
    void hourly() {
        if (!properties.schedule()) return;
        for (Workspace w : workspaces.all()) {
            try {
                runFor(w, clock.instant());
            } catch (RuntimeException e) {
                log.warn("Scheduled anomaly detection of workspace {} failed; the next hourly check retries", w.id().value(), e);
            }
        }
    }

    /** Runs the workspace if a day is due at {@code now}; returns the range run, or null. */
    Range runFor(Workspace w, Instant now) {
        Range due = due(now.atZone(w.timezone()), properties.runAt(), runs.lastScheduledDay(w.id()).orElse(null), properties.recheckDays(),
                properties.initialDays());
        if (due != null) detection.run(w.id(), due.from(), due.to(), "schedule");
        return due;
    }

    record Range(LocalDate from, LocalDate to) {
    }

    /**
     * The days to run at local time {@code now}: up to yesterday once {@code runAt} has passed
     * (else up to the day before); from the day after the last scheduled one minus {@code recheck}
     * days, at most {@link #MAX_CATCH_UP} days back; the last {@code initial} days when there was
     * none. Null when nothing new is due.
     */
    static Range due(ZonedDateTime now, LocalTime runAt, LocalDate lastDone, int recheck, int initial) {
        LocalDate yesterday = now.toLocalDate().minusDays(1);
        LocalDate to = now.toLocalTime().isBefore(runAt) ? yesterday.minusDays(1) : yesterday;
        if (lastDone == null) return new Range(to.minusDays(Math.max(1, initial) - 1L), to);
        if (!lastDone.isBefore(to)) return null;
        LocalDate first = lastDone.plusDays(1);
        if (first.isBefore(to.minusDays(MAX_CATCH_UP - 1))) first = to.minusDays(MAX_CATCH_UP - 1);
        return new Range(first.minusDays(recheck), to);
    }
}
