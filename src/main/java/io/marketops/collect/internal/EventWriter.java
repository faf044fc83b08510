package io.marketops.collect.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The single writer of the collect log (group commit). Requests queue their events; the writer
 * takes everything waiting, decides which message ids are new (one index lookup for the whole
 * group, so two requests racing with one id store it once), appends the new events to the log
 * and syncs it — the commit point, one fsync per group — then writes the new ids, the counters
 * and the log's end to the index (atomically, not synced) and only then answers. After a crash
 * the index is brought up to the log again from the log records past its recorded end, and a
 * record a crash cut short is cut off: a retried event is then a duplicate, never a second copy.
 */
final class EventWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventWriter.class);
    static final String LOG_END = "log_end";
    private static final int MAX_GROUP_EVENTS = 200_000;

    private final DurableLog eventLog;
    private final DedupeIndex index;
    private final int maxPending;
    private final BlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<Long, Counts> counts = new HashMap<>();
    private final Thread thread;
    private final Runnable onCommit;
    private final java.util.function.LongConsumer committedEvents;
    private volatile long committedEnd;
    private volatile boolean running = true;
    private volatile Throwable broken;

    /** One request's events: new or duplicate is decided here; rejected ones are only logged and counted. */
    record Submission(long workspaceId, long receivedAt, String sentAt, byte[] batchContext, List<LogRecord.Item> items,
                      List<byte[]> keys, byte[] encoded, CompletableFuture<Outcome> done) {
        /** Prepares the log record and index keys in the caller's thread, so the single writer only decides and writes. */
        static Submission of(long workspaceId, long receivedAt, String sentAt, byte[] batchContext, List<LogRecord.Item> items) {
            List<byte[]> keys = new ArrayList<>(items.size());
            for (LogRecord.Item i : items) if (!i.rejected()) keys.add(DedupeIndex.key(workspaceId, i.messageId()));
            byte[] encoded = new LogRecord(workspaceId, receivedAt, sentAt, batchContext, items).encode();
            return new Submission(workspaceId, receivedAt, sentAt, batchContext, items, keys, encoded, new CompletableFuture<>());
        }

        int size() {
            return items.size();
        }
    }

    /** @param duplicate for each item, whether its message id was already stored (false for rejected ones) */
    record Outcome(boolean[] duplicate) {
    }

    /** Counts since records began; {@code lastEventAt} in epoch milliseconds, 0 when none. */
    record Counts(long received, long duplicates, long rejected, long lastEventAt) {
        static final Counts NONE = new Counts(0, 0, 0, 0);

        byte[] bytes() {
            return ByteBuffer.allocate(32).putLong(received).putLong(duplicates).putLong(rejected).putLong(lastEventAt).array();
        }

        static Counts of(byte[] b) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new Counts(buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong());
        }

        Counts plus(long rec, long dup, long rej, long at) {
            return new Counts(received + rec, duplicates + dup, rejected + rej, Math.max(lastEventAt, at));
        }

        Instant lastEventInstant() {
            return lastEventAt == 0 ? null : Instant.ofEpochMilli(lastEventAt);
        }
    }

    /** Too many events wait for the disk; the caller should answer 429. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("too many events are waiting to be stored", null, false, false);
        }
    }

    EventWriter(DurableLog eventLog, DedupeIndex index, long committedEnd, int maxPending, java.util.function.LongConsumer committedEvents,
                Runnable onCommit) {
        this.committedEvents = committedEvents;
        this.eventLog = eventLog;
        this.index = index;
        this.committedEnd = committedEnd;
        this.maxPending = maxPending;
        this.onCommit = onCommit;
        index.state().forEach((k, v) -> {
            if (k.startsWith("c:")) counts.put(Long.parseLong(k.substring(2)), Counts.of(v));
        });
        thread = new Thread(this::run, "collect-writer");
        thread.setDaemon(true);
        thread.start();
    }

    static String countsKey(long workspaceId) {
        return "c:" + workspaceId;
    }

    /** Queues a request's events; the future completes once they are durable (or failed). */
    CompletableFuture<Outcome> submit(Submission s) {
        if (broken != null) throw new IllegalStateException("event storage failed earlier and stopped; see the server log", broken);
        if (!running) throw new IllegalStateException("the server is shutting down");
        if (pending.addAndGet(s.size()) > maxPending && pending.get() > s.size()) {
            pending.addAndGet(-s.size());
            throw new Overloaded();
        }
        queue.add(s);
        return s.done();
    }

    long committedEnd() {
        return committedEnd;
    }

    synchronized Counts counts(long workspaceId) {
        return counts.getOrDefault(workspaceId, Counts.NONE);
    }

    private void run() {
        List<Submission> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                group.clear();
                group.add(first);
                int events = first.size();
                Submission next;
                while (events < MAX_GROUP_EVENTS && (next = queue.poll()) != null) {
                    group.add(next);
                    events += next.size();
                }
                commit(group);
                pending.addAndGet(-events);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void commit(List<Submission> group) {
        long start = eventLog.end();
        boolean committed = false;
        try {
            eventLog.rollIfFull();
            start = eventLog.end();
            List<byte[]> keys = new ArrayList<>();
            for (Submission s : group) keys.addAll(s.keys());
            long t = Timings.start();
            boolean[] stored = index.contains(keys);
            t = Timings.stage("writer.dedupe", t);
            Set<ByteBuffer> inGroup = new HashSet<>();
            List<byte[]> newKeys = new ArrayList<>();
            List<byte[]> records = new ArrayList<>();
            List<boolean[]> duplicates = new ArrayList<>();
            Map<Long, Counts> changed = new HashMap<>();
            int k = 0;
            for (Submission s : group) {
                boolean[] dup = new boolean[s.size()];
                List<LogRecord.Item> kept = new ArrayList<>(s.size());
                long nDup = 0, nRej = 0;
                for (int i = 0; i < s.size(); i++) {
                    LogRecord.Item item = s.items().get(i);
                    if (item.rejected()) {
                        nRej++;
                        kept.add(item);
                        continue;
                    }
                    byte[] key = keys.get(k);
                    if (stored[k++] || !inGroup.add(ByteBuffer.wrap(key))) {
                        dup[i] = true;
                        nDup++;
                    } else {
                        newKeys.add(key);
                        kept.add(item);
                    }
                }
                duplicates.add(dup);
                if (kept.size() == s.size()) records.add(s.encoded());
                else if (!kept.isEmpty()) records.add(new LogRecord(s.workspaceId(), s.receivedAt(), s.sentAt(), s.batchContext(), kept).encode());
                Counts before = changed.containsKey(s.workspaceId()) ? changed.get(s.workspaceId()) : counts(s.workspaceId());
                changed.put(s.workspaceId(), before.plus(s.size(), nDup, nRej, s.receivedAt()));
            }
            t = Timings.stage("writer.encode", t);
            long end = records.isEmpty() ? start : eventLog.append(records);
            if (!records.isEmpty()) eventLog.sync();
            t = Timings.stage("writer.logSync", t);
            committed = true; // durable in the log: from here on these events are kept (replayed into the index after a crash)
            Map<String, byte[]> state = new HashMap<>();
            changed.forEach((ws, c) -> state.put(countsKey(ws), c.bytes()));
            state.put(LOG_END, ByteBuffer.allocate(8).putLong(end).array());
            try {
                index.commit(newKeys, state);
            } catch (Exception e) {
                broken = e;
                throw e;
            }
            Timings.stage("writer.indexCommit", t);
            Timings.count("writer.groups", 1);
            Timings.count("writer.newEvents", newKeys.size());
            synchronized (this) {
                counts.putAll(changed);
            }
            committedEnd = end;
            committedEvents.accept(newKeys.size());
            for (int g = 0; g < group.size(); g++) group.get(g).done().complete(new Outcome(duplicates.get(g)));
            if (!records.isEmpty()) onCommit.run();
        } catch (Exception | Error e) {
            log.error("Storing {} collect requests failed; they are answered with an error and not kept", group.size(), e);
            for (Submission s : group) s.done().completeExceptionally(e);
            if (committed) return;
            try {
                eventLog.truncate(start);
            } catch (Exception t) {
                broken = t;
                log.error("The collect log could not be rolled back; collection stops until restart", t);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(30_000);
    }
}
