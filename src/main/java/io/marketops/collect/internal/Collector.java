package io.marketops.collect.internal;

import io.marketops.core.WorkspaceId;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes one tracking request: splits it into events, checks each, and hands them to the writer;
 * returns once the valid ones are durable. Invalid events are listed by index and quarantined.
 */
@Service
public class Collector {
    private final CollectStore store;
    private final WriteKeys keys;
    private final IngestLimits limits;
    private final CollectProperties props;
    private final Currencies currencies;

    Collector(CollectStore store, WriteKeys keys, IngestLimits limits, CollectProperties props, Currencies currencies) {
        this.currencies = currencies;
        this.store = store;
        this.keys = keys;
        this.limits = limits;
        this.props = props;
    }

    public record Rejection(int index, String reason) {
    }

    /** @param accepted valid events (newly stored or already stored) @param duplicates those already stored before */
    public record Answer(int accepted, int duplicates, List<Rejection> rejected) {
    }

    /** Too much traffic; answered with 429 and {@code Retry-After}. */
    public static final class RateLimited extends RuntimeException {
        private final long retryAfterSeconds;

        RateLimited(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** No write key, or one that is unknown or revoked; answered with 401. */
    public static final class UnknownWriteKey extends RuntimeException {
        UnknownWriteKey(String message) {
            super(message, null, false, false);
        }
    }

    public int maxBodyBytes(boolean batch) {
        return batch ? props.maxBatchBytes() : props.maxEventBytes();
    }

    /**
     * @param writeKey from the Authorization header or the query, or null to take the body's {@code writeKey}
     * @param callType the type a single-call endpoint implies ({@code track} for {@code /v1/track}), or null for a batch
     */
    public Answer collect(String writeKey, String callType, byte[] body) {
        long t = Timings.start();
        TrackingPayloads.Parsed parsed = callType == null ? TrackingPayloads.batch(body) : TrackingPayloads.single(body);
        String key = writeKey != null ? writeKey : parsed.writeKey();
        if (key == null) throw new UnknownWriteKey("send the workspace's write key as the Basic-auth user name (as Segment's libraries do) or as 'Authorization: Bearer <write key>'");
        WorkspaceId ws = keys.authenticate(key).orElseThrow(() -> new UnknownWriteKey(
                "the write key is unknown or revoked; find the workspace's keys on the Ingestion page"));
        long wait = limits.secondsToWait(ws, parsed.events().size());
        if (wait > 0) throw new RateLimited("this workspace sends more than " + props.rateLimitPerSecond() + " events per second", wait);
        long receivedAt = System.currentTimeMillis();
        com.fasterxml.jackson.databind.JsonNode batchContext = readContext(parsed.batchContext());
        List<io.marketops.collect.internal.LogRecord.Item> items = new ArrayList<>(parsed.events().size());
        List<Rejection> rejected = new ArrayList<>();
        for (TrackingPayloads.RawEvent e : parsed.events()) {
            String type = callType != null ? callType : (e.node() != null && e.node().isObject() ? EventRules.text(e.node(), "type") : null);
            String reason = EventRules.check(type, e.node(), e.raw().length, props.maxEventBytes());
            if (reason != null) {
                rejected.add(new Rejection(e.index(), reason));
                items.add(new LogRecord.Item(type, null, e.index(), reason, e.raw()));
            } else {
                String messageId = EventRules.id(e.node(), "messageId");
                if (messageId == null) messageId = contentId(ws, type, e.raw());
                try {
                    EventMapper.Mapped m = EventMapper.map(ws.value(), type, messageId, e.node(), receivedAt, parsed.sentAt(), batchContext,
                            currencies.of(ws));
                    items.add(new LogRecord.Item(type, messageId, e.index(), null, RowCodec.encode(m.row(), m.previousId())));
                } catch (IOException | RuntimeException failure) {
                    String why = "could not be read: " + failure.getMessage();
                    rejected.add(new Rejection(e.index(), why));
                    items.add(new LogRecord.Item(type, null, e.index(), why, e.raw()));
                }
            }
        }
        if (items.isEmpty()) return new Answer(0, 0, List.of());
        t = Timings.stage("http.parseAndCheck", t);
        try {
            store.awaitRoom(props.maxPaceWait().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the warehouse", e);
        }
        CompletableFuture<EventWriter.Outcome> done;
        try {
            done = store.writer().submit(EventWriter.Submission.of(ws.value(), receivedAt, parsed.sentAt(), null, items));
        } catch (EventWriter.Overloaded o) {
            throw overloaded();
        }
        EventWriter.Outcome outcome = await(done);
        Timings.stage("http.waitDurable", t);
        Timings.count("http.events", items.size());
        int duplicates = 0;
        for (boolean d : outcome.duplicate()) if (d) duplicates++;
        return new Answer(items.size() - rejected.size(), duplicates, rejected);
    }

    private static com.fasterxml.jackson.databind.JsonNode readContext(byte[] batchContext) {
        try {
            return batchContext == null ? null : TrackingPayloads.JSON.readTree(batchContext);
        } catch (IOException e) {
            return null;
        }
    }

    private static EventWriter.Outcome await(CompletableFuture<EventWriter.Outcome> f) {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing events", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("storing events failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RateLimited("events are waiting too long for the disk", 5);
        }
    }

    /**
     * An id for an event sent without messageId: a hash of its bytes, so that a sender retrying
     * the same bytes is not counted twice.
     */
    static String contentId(WorkspaceId ws, String type, byte[] raw) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(ByteBuffer.allocate(8).putLong(ws.value()).array());
            d.update(String.valueOf(type).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            d.update(raw);
            return "h-" + HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Overload from the writer's queue, as a rate limit. */
    static RateLimited overloaded() {
        return new RateLimited("more events are waiting to be stored than the server accepts at once", 1);
    }
}
