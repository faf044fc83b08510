package io.marketops.collect.internal;

import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the daily Parquet partitions of {@code events} ({@link EventPartitions}) up to date: every
 * {@code parquetInterval}, for every workspace, each local day before today (in the workspace's
 * time zone) is reconciled with the warehouse and compacted. One thread, so passes never overlap.
 */
@Component
class EventPartitionExport {
    private static final Logger log = LoggerFactory.getLogger(EventPartitionExport.class);
    private final EventPartitions partitions;
    private final Workspaces workspaces;
    private final CollectProperties props;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService timer;

    EventPartitionExport(Warehouse warehouse, Workspaces workspaces, CollectProperties props) {
        this.partitions = new EventPartitions(warehouse);
        this.workspaces = workspaces;
        this.props = props;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        long every = props.parquetInterval().toMillis();
        if (every <= 0) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "collect-parquet");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runQuietly, Math.min(every, 600_000), every, TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Parquet export of events failed; next try in {}: {}", props.parquetInterval(), e.getMessage());
        }
    }

    /** One pass over every workspace; returns the totals. */
    EventPartitions.Pass runOnce() {
        int written = 0, rewritten = 0, compacted = 0;
        long rows = 0;
        for (Workspace w : workspaces.all()) {
            LocalDate today = LocalDate.now(clock.withZone(w.timezone()));
            EventPartitions.Pass p = partitions.reconcile(w.id().value(), w.timezone(), today, props.parquetCompactFiles());
            written += p.daysWritten();
            rows += p.rowsWritten();
            rewritten += p.daysRewritten();
            compacted += p.daysCompacted();
        }
        EventPartitions.Pass total = new EventPartitions.Pass(written, rows, rewritten, compacted);
        if (written + rewritten + compacted > 0) log.info("Parquet partitions of events brought up to date: {}", total);
        return total;
    }

    EventPartitions partitions() {
        return partitions;
    }

    @PreDestroy
    void stop() {
        if (timer != null) timer.shutdownNow();
    }
}
