package io.marketops.collect.internal;

import io.marketops.collect.Channels;
import io.marketops.collect.EventsStored;
import io.marketops.core.WorkspaceId;
import io.marketops.warehouse.EventBatch;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves acknowledged events from the collect log into the warehouse, in log order, in
 * transactions of up to {@code moveBatchEvents} events, within about a second of their
 * acknowledgement. Exactly once across crashes: the step's log range is recorded as pending
 * (synced) before the warehouse commit; after a crash the step is found committed or not by
 * looking up one of its message ids. Quarantined events and identity links are written first,
 * idempotently, so a step that is repeated repeats them harmlessly.
 */
@Component
class Mover {
    private static final Logger log = LoggerFactory.getLogger(Mover.class);

    private final CollectStore store;
    private final Warehouse warehouse;
    private final Channels channels;
    private final QuarantineStore quarantine;
    private final IdentityLinks identities;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final CollectProperties props;
    private final MoverCursor cursor;
    private final Sessionizer sessions;
    private volatile boolean running = true;
    private boolean settle;
    private volatile long moved;
    private long lastStepNanos = System.nanoTime();
    private Thread thread;
    /** The next step, read and sessionized on another thread while the current one loads (null: none). */
    private java.util.concurrent.CompletableFuture<Prepared> next;
    private final java.util.concurrent.ExecutorService preparer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "collect-mover-prepare");
        t.setDaemon(true);
        return t;
    });

    /**
     * A step's log range [from, to) turned into warehouse rows (staged in {@code batch}, not held in
     * memory), quarantine rows and identity links; {@code probe} is the first row, {@code counts}
     * the rows per workspace.
     */
    private record Prepared(long from, long to, EventBatch batch, EventRow probe, Map<Long, Long> counts,
                            List<QuarantineStore.Row> rejected, List<IdentityLinks.Link> links) {
    }

    Mover(CollectStore store, Warehouse warehouse, Channels channels, QuarantineStore quarantine, IdentityLinks identities,
          ApplicationEventPublisher events, TransactionTemplate tx, CollectProperties props) {
        this.store = store;
        this.warehouse = warehouse;
        this.channels = channels;
        this.quarantine = quarantine;
        this.identities = identities;
        this.events = events;
        this.tx = tx;
        this.props = props;
        this.cursor = new MoverCursor(store.dir().resolve("mover.cursor"));
        this.sessions = new Sessionizer(props.sessionTimeout(), 500_000);
    }

    @PostConstruct
    void start() throws Exception {
        moved = cursor.recover(this::stored);
        SessionWarmup.warm(warehouse, sessions);
        thread = new Thread(this::run, "collect-mover");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the warehouse already holds this event (used once, to settle a step a crash interrupted). */
    private boolean stored(long workspaceId, String messageId) {
        return warehouse.sql().sql("SELECT count(*) FROM events WHERE workspace_id = ? AND message_id = ?")
                .params(workspaceId, messageId).query(Long.class).single() > 0;
    }

    /** Log position up to which events are in the warehouse. */
    long moved() {
        return moved;
    }

    private void run() {
        while (running) {
            try {
                if (settle) {
                    // a failed step may have committed to the warehouse before it failed: settle it as after a crash
                    discardNext();
                    moved = cursor.recover(this::stored);
                    settle = false;
                }
                long end = store.writer().committedEnd();
                Timings.reportIfDue();
                if (moved >= end) {
                    store.awaitBeyond(moved, props.moveInterval().toMillis());
                    continue;
                }
                // one warehouse file per step: while less than a full step waits, steps are at least stepInterval apart
                long wait = props.stepInterval().toNanos() - (System.nanoTime() - lastStepNanos);
                if (next == null && wait > 0 && end - moved < maxStepBytes()) {
                    sleep(Math.max(1, Math.min(50, wait / 1_000_000)));
                    continue;
                }
                lastStepNanos = System.nanoTime();
                step(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | Error e) {
                log.error("Moving collected events into the warehouse failed; retrying in 5 s", e);
                settle = true;
                sleep(5_000);
            }
        }
    }

    /**
     * One step: takes the prepared range (or prepares it now), starts preparing the following
     * range on the preparer thread when a full step waits, then loads this one. Reading, decoding and sessionizing thus
     * overlap the warehouse load, which is the mover's largest cost. A step holds at most about
     * 1.5 s of the warehouse's measured rate, so an event waits for at most one short step.
     */
    private void step(long end) throws Exception {
        long began = Timings.start();
        Prepared p = next != null ? next.get() : null;
        next = null;
        if (p != null && p.from() != moved) {
            p.batch().close();
            p = null;
        }
        if (p == null) p = prepare(moved, end, maxStepBytes());
        long after = p.to(), committed = store.writer().committedEnd();
        if (committed - after >= maxStepBytes()) {
            long bytes = maxStepBytes();
            next = java.util.concurrent.CompletableFuture.supplyAsync(() -> prepare(after, committed, bytes), preparer);
        }
        load(p, began);
    }

    private long maxStepBytes() {
        long events = Math.max(10_000, Math.min(props.moveBatchEvents(), (long) (store.moveRate() * 1.5)));
        return events * 300L;
    }

    private Prepared prepare(long from, long end, long maxBytes) {
        long t = Timings.start();
        List<DurableLog.Entry> entries;
        try {
            entries = store.eventLog().read(from, end, maxBytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        t = Timings.stage("mover.read", t);
        long to = entries.get(entries.size() - 1).next();
        EventBatch batch = warehouse.startLanding();
        EventRow probe = null;
        Map<Long, Long> counts = new HashMap<>();
        List<QuarantineStore.Row> rejected = new ArrayList<>();
        List<IdentityLinks.Link> links = new ArrayList<>();
        try {
            for (DurableLog.Entry entry : entries) {
                LogRecord r = LogRecord.decode(entry.payload());
                for (LogRecord.Item item : r.items()) {
                    if (item.rejected()) {
                        rejected.add(new QuarantineStore.Row(r.workspaceId(), entry.position(), item.index(), r.receivedAt(), item.reason(), item.raw()));
                    } else {
                        EventRow row = sessionize(RowCodec.decode(item.raw()), links);
                        if (probe == null) probe = row;
                        counts.merge(row.workspaceId(), 1L, Long::sum);
                        batch.event(row);
                    }
                }
            }
        } catch (RuntimeException e) {
            batch.close();
            throw e;
        }
        Timings.stage("mover.map", t);
        return new Prepared(from, to, batch, probe, counts, rejected, links);
    }

    private void load(Prepared p, long began) throws Exception {
        long t = Timings.start();
        EventRow probe = p.probe();
        long events = p.batch().size();
        try (EventBatch batch = p.batch()) {
            cursor.pending(moved, p.to(), probe == null ? 0 : probe.workspaceId(), probe == null ? null : probe.messageId());
            quarantine.insert(store.eventLog().id(), p.rejected());
            identities.upsert(p.links());
            t = Timings.stage("mover.quarantineAndIdentities", t);
            batch.land();
            t = Timings.stage("mover.warehouseAppend", t);
        }
        cursor.done(p.to());
        moved = p.to();
        store.releaseBefore(p.to());
        publish(p.counts());
        Timings.stage("mover.cursorAndPublish", t);
        Timings.count("mover.events", events);
        store.moved(events, events / Math.max(1e-3, (System.nanoTime() - began) / 1e9));
    }

    /** Drops a prepared step (after a failure the log is read again from the settled position). */
    private void discardNext() {
        if (next == null) return;
        try {
            next.join().batch().close();
        } catch (RuntimeException ignored) {
            // it is read again anyway
        }
        next = null;
    }

    private EventRow sessionize(RowCodec.Decoded m, List<IdentityLinks.Link> links) {
        EventRow row = m.row();
        WorkspaceId ws = WorkspaceId.of(row.workspaceId());
        var touch = m.touch();
        Sessionizer.Assigned s = sessions.assign(Sessionizer.visitorKey(row.workspaceId(), row.anonymousId(), row.userId()), row.ts(), touch,
                () -> channels.classify(ws, touch));
        IdentityLinks.Link link = IdentityLinks.of(row, m.previousId());
        if (link != null) links.add(link);
        return EventMapper.withSession(row, s.sessionId(), s.channel());
    }

    private void publish(Map<Long, Long> counts) {
        if (counts.isEmpty()) return;
        try {
            tx.executeWithoutResult(s -> counts.forEach((ws, n) -> events.publishEvent(new EventsStored(WorkspaceId.of(ws), n))));
        } catch (RuntimeException e) {
            log.warn("Could not announce stored events: {}", e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(30_000);
        }
        preparer.shutdownNow();
    }
}
