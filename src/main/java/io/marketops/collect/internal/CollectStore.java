package io.marketops.collect.internal;

import io.marketops.runtime.MarketOpsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.file.Path;
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
    private final Condition committed = lock.newCondition();

    @org.springframework.beans.factory.annotation.Autowired
    CollectStore(MarketOpsProperties props, CollectProperties config) throws Exception {
        this(props.dataDir().toAbsolutePath().resolve("collect"), config.dedupeCacheMb(), config.maxPendingEvents());
    }

    CollectStore(Path dir, int cacheMb, int maxPending) throws Exception {
        this.dir = dir;
        this.index = new DedupeIndex(dir.resolve("message-ids"), cacheMb);
        byte[] end = index.state().get(EventWriter.LOG_END);
        long committedEnd = end == null ? 0 : ByteBuffer.wrap(end).getLong();
        this.eventLog = new DurableLog(dir.resolve("log"), committedEnd, DurableLog.DEFAULT_SEGMENT_BYTES);
        this.writer = new EventWriter(eventLog, index, committedEnd, maxPending, this::signal);
        log.info("Event collection store open at {} (log committed to {})", dir, committedEnd);
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
