package io.marketops.collect.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only log of checksummed records in segment files named by their first position
 * (positions are byte offsets over the whole log). One writer appends, syncs and may truncate
 * what it has not yet committed; readers read only below the committed end, which the caller
 * tracks. Segments wholly below the readers' cursor are deleted; the newest one never is.
 *
 * <p>Framing: {@code int length, int crc32c(payload), payload}.
 */
final class DurableLog implements AutoCloseable {
    static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    private static final int HEADER = 8;

    private final Path dir;
    private final long segmentBytes;
    private final String logId;
    private final NavigableMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private FileChannel current;
    private long currentStart;
    private volatile long end;

    /** A record read back: where it starts, its payload and where the next one starts. */
    record Entry(long position, byte[] payload, long next) {
    }

    /**
     * Opens the log at its physical end. Call {@link #recover} before appending: bytes after the
     * last whole record (a write a crash cut short) are cut off there.
     */
    DurableLog(Path dir, long segmentBytes) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(dir);
        this.logId = readOrCreateId(dir.resolve("log-id"));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".seg"))
                    .forEach(p -> segments.put(Long.parseLong(p.getFileName().toString().replace(".seg", "")), p));
        }
        if (segments.isEmpty()) {
            openSegment(0);
        } else {
            Map.Entry<Long, Path> last = segments.lastEntry();
            currentStart = last.getKey();
            current = FileChannel.open(last.getValue(), StandardOpenOption.WRITE, StandardOpenOption.READ);
            current.position(current.size());
        }
        end = currentStart + current.size();
    }

    /**
     * Hands every whole, intact record from {@code from} on to {@code replay} (records the index
     * has not seen yet), then cuts the log after the last one; returns the log's end.
     */
    long recover(long from, java.util.function.Consumer<Entry> replay) throws IOException {
        if (from > end) {
            throw new IllegalStateException("the collect log in " + dir + " ends at " + end + " but events up to " + from
                    + " were acknowledged; the log was damaged or removed");
        }
        long pos = from;
        while (pos < end) {
            Entry e = readOne(pos);
            if (e == null) break;
            replay.accept(e);
            pos = e.next();
        }
        for (Long start : List.copyOf(segments.tailMap(pos, false).keySet())) Files.delete(segments.remove(start));
        Map.Entry<Long, Path> last = segments.floorEntry(pos);
        if (current != null) current.close();
        currentStart = last.getKey();
        current = FileChannel.open(last.getValue(), StandardOpenOption.WRITE, StandardOpenOption.READ);
        current.truncate(pos - currentStart);
        current.position(pos - currentStart);
        current.force(true);
        end = pos;
        return pos;
    }

    /** The record at {@code pos}, or null when the bytes there are not a whole, intact record. */
    private Entry readOne(long pos) throws IOException {
        Map.Entry<Long, Path> seg = segments.floorEntry(pos);
        if (seg == null) return null;
        try (FileChannel ch = FileChannel.open(seg.getValue(), StandardOpenOption.READ)) {
            long local = pos - seg.getKey(), size = ch.size();
            if (local + HEADER > size) return null;
            ByteBuffer head = ByteBuffer.allocate(HEADER);
            ch.read(head, local);
            int len = head.getInt(0), sum = head.getInt(4);
            if (len < 0 || local + HEADER + len > size) return null;
            byte[] payload = new byte[len];
            ByteBuffer b = ByteBuffer.wrap(payload);
            while (b.hasRemaining() && ch.read(b, local + HEADER + b.position()) > 0) {
                // read on
            }
            CRC32C crc = new CRC32C();
            crc.update(payload);
            return (int) crc.getValue() == sum ? new Entry(pos, payload, pos + HEADER + len) : null;
        }
    }

    private static String readOrCreateId(Path file) throws IOException {
        if (Files.exists(file)) return Files.readString(file).trim();
        String id = UUID.randomUUID().toString();
        Files.writeString(file, id);
        return id;
    }

    /** Identifies this log for as long as its directory lives (quarantine rows carry it). */
    String id() {
        return logId;
    }

    private void openSegment(long start) throws IOException {
        Path p = dir.resolve(String.format("%020d.seg", start));
        current = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        current.truncate(0);
        currentStart = start;
        segments.put(start, p);
        SyncedFiles.syncDirectory(dir);
    }

    /** Where the next record will start. */
    long end() {
        return end;
    }

    /** Starts a new segment when the current one is full; call between commits only. */
    void rollIfFull() throws IOException {
        if (end - currentStart >= segmentBytes) {
            current.force(true);
            current.close();
            openSegment(end);
        }
    }

    /** Writes records (not yet durable; see {@link #sync()}) and returns the new end. */
    long append(List<byte[]> payloads) throws IOException {
        int total = 0;
        for (byte[] p : payloads) total += HEADER + p.length;
        ByteBuffer buf = ByteBuffer.allocate(total);
        CRC32C crc = new CRC32C();
        for (byte[] p : payloads) {
            crc.reset();
            crc.update(p);
            buf.putInt(p.length).putInt((int) crc.getValue()).put(p);
        }
        buf.flip();
        while (buf.hasRemaining()) current.write(buf);
        end += total;
        return end;
    }

    /** Makes everything appended so far durable. */
    void sync() throws IOException {
        current.force(false);
    }

    /** Forgets records appended at or after {@code position} (a commit that failed). */
    void truncate(long position) throws IOException {
        if (position < currentStart) throw new IllegalStateException("cannot truncate into an earlier segment");
        current.truncate(position - currentStart);
        current.position(position - currentStart);
        end = position;
    }

    /** Reads whole records from {@code from} up to {@code limit} (exclusive), at most {@code maxBytes} of payload (at least one record). */
    List<Entry> read(long from, long limit, long maxBytes) throws IOException {
        List<Entry> out = new ArrayList<>();
        long pos = from, bytes = 0;
        while (pos < limit && (out.isEmpty() || bytes < maxBytes)) {
            Map.Entry<Long, Path> seg = segments.floorEntry(pos);
            if (seg == null) throw new IllegalStateException("no collect log segment holds position " + pos);
            try (FileChannel ch = FileChannel.open(seg.getValue(), StandardOpenOption.READ)) {
                long local = pos - seg.getKey();
                long size = ch.size();
                if (local >= size) {
                    Long next = segments.higherKey(seg.getKey());
                    if (next == null || next != pos) throw new IllegalStateException("collect log gap at " + pos);
                    continue;
                }
                while (pos < limit && local < size && (out.isEmpty() || bytes < maxBytes)) {
                    ByteBuffer head = ByteBuffer.allocate(HEADER);
                    readFully(ch, head, local);
                    int len = head.getInt(0), sum = head.getInt(4);
                    byte[] payload = new byte[len];
                    readFully(ch, ByteBuffer.wrap(payload), local + HEADER);
                    CRC32C crc = new CRC32C();
                    crc.update(payload);
                    if ((int) crc.getValue() != sum) throw new IllegalStateException("collect log record at " + pos + " is damaged (checksum)");
                    long next = pos + HEADER + len;
                    out.add(new Entry(pos, payload, next));
                    bytes += len;
                    local += HEADER + len;
                    pos = next;
                }
            }
        }
        return out;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at + buf.position());
            if (n < 0) throw new IllegalStateException("collect log ends inside a record");
        }
    }

    /** Deletes segments that lie wholly before {@code position}; the newest segment always stays. */
    void deleteBefore(long position) throws IOException {
        for (Map.Entry<Long, Path> seg : segments.headMap(position, true).entrySet()) {
            Long next = segments.higherKey(seg.getKey());
            if (next != null && next <= position) {
                segments.remove(seg.getKey());
                Files.deleteIfExists(seg.getValue());
            }
        }
    }

    int segmentCount() {
        return segments.size();
    }

    @Override
    public void close() throws IOException {
        if (current != null && current.isOpen()) {
            current.force(true);
            current.close();
        }
    }
}
