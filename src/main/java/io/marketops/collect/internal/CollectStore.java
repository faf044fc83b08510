package io.marketops.collect.internal;

import io.marketops.runtime.MarketOpsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The collector's own durable state under {@code <data dir>/collect}: the event log
 * ({@code log/}) and the message-id index ({@code message-ids/}), and the writer over both.
 * Opening it cuts off log bytes that were never committed.
 */
@Component
class CollectStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CollectStore.class);

    private final Path dir;
    private final DedupeIndex index;
    private final DurableLog eventLog;
    private final EventWriter writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.atomic.AtomicLong committedEvents = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong movedEvents = new java.util.concurrent.atomic.AtomicLong();
    private volatile double moveRate = 20_000;
    private final Condition committed = lock.newCondition();

    @org.springframework.beans.factory.annotation.Autowired
    CollectStore(MarketOpsProperties props, CollectProperties config) throws Exception {
        this(props.dataDir().toAbsolutePath().resolve("collect"), config.dedupeCacheMb(), config.maxPendingEvents());
    }

    CollectStore(Path dir, int cacheMb, int maxPending) throws Exception {
        this.dir = dir;
        this.index = new DedupeIndex(dir.resolve("message-ids"), cacheMb);
        this.eventLog = new DurableLog(dir.resolve("log"), DurableLog.DEFAULT_SEGMENT_BYTES);
        long committedEnd = recover();
        this.writer = new EventWriter(eventLog, index, committedEnd, maxPending, committedEvents::addAndGet, this::signal);
        log.info("Event collection store open at {} (log committed to {})", dir, committedEnd);
    }

    /**
     * Brings the index up to the log: log records past the index's recorded end (synced to the
     * log, but the index write was lost with the process or the machine) get their ids and
     * counts written again; a record a crash cut short is cut off.
     */
    private long recover() throws Exception {
        Map<String, byte[]> state = index.state();
        byte[] recorded = state.get(EventWriter.LOG_END);
        long from = recorded == null ? 0 : ByteBuffer.wrap(recorded).getLong();
        List<byte[]> keys = new ArrayList<>();
        Map<Long, EventWriter.Counts> counts = new HashMap<>();
        long end = eventLog.recover(from, entry -> {
            LogRecord r = LogRecord.decode(entry.payload());
            long rejected = 0;
            for (LogRecord.Item i : r.items()) {
                if (i.rejected()) rejected++;
                else keys.add(DedupeIndex.key(r.workspaceId(), i.messageId()));
            }
            byte[] c = state.get(EventWriter.countsKey(r.workspaceId()));
            EventWriter.Counts before = counts.getOrDefault(r.workspaceId(), c == null ? EventWriter.Counts.NONE : EventWriter.Counts.of(c));
            counts.put(r.workspaceId(), before.plus(r.items().size(), 0, rejected, r.receivedAt()));
        });
        if (end != from) {
            Map<String, byte[]> changed = new HashMap<>();
            counts.forEach((ws, c) -> changed.put(EventWriter.countsKey(ws), c.bytes()));
            changed.put(EventWriter.LOG_END, ByteBuffer.allocate(8).putLong(end).array());
            index.commit(keys, changed);
            log.warn("Collect log replayed from {} to {} after an unclean stop ({} events put back into the message-id index)", from, end, keys.size());
        }
        index.syncWal();
        return end;
    }

    /** Deletes log segments the warehouse holds wholly, after making the index durable (it could no longer be replayed). */
    void releaseBefore(long position) throws Exception {
        if (eventLog.segmentCount() > 1) {
            index.syncWal();
            eventLog.deleteBefore(position);
        }
    }

    /** The mover stored {@code events} at {@code eventsPerSecond} in its last step. */
    void moved(long events, double eventsPerSecond) {
        movedEvents.addAndGet(events);
        if (events >= 1000) moveRate = 0.7 * moveRate + 0.3 * eventsPerSecond;
    }

    /** Acknowledged events not yet in the warehouse (since this start). */
    long backlog() {
        return committedEvents.get() - movedEvents.get();
    }

    /**
     * Paces senders to what the warehouse absorbs: while more events wait for the warehouse than
     * it stores in about 1.5 seconds (2 s let the lag pass 5 s while the warehouse also absorbed landed files), a new request waits (at most {@code maxWaitMillis}) before
     * it is written, so acknowledged events stay queryable within seconds even when senders are
     * faster than the warehouse.
     */
    void awaitRoom(long maxWaitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxWaitMillis;
        while (backlog() > Math.max(10_000, moveRate * 1.5) && System.currentTimeMillis() < deadline) Thread.sleep(5);
    }

    /** Events the warehouse stores per second, as last measured by the mover. */
    double moveRate() {
        return moveRate;
    }

    EventWriter writer() {
        return writer;
    }

    DurableLog eventLog() {
        return eventLog;
    }

    Path dir() {
        return dir;
    }

    private void signal() {
        lock.lock();
        try {
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the writer commits more than {@code position}, or the timeout passes. */
    void awaitBeyond(long position, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            if (writer.committedEnd() <= position) committed.await(timeoutMillis, TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws Exception {
        writer.close();
        eventLog.close();
        index.close();
    }
}
