package io.marketops.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator that ships with MarketOps: sends Segment-style batches over loopback from a
 * few keep-alive connections for a given time, and samples the server's stored count every
 * 250 ms to measure how long acknowledged events take to become queryable. It shares the
 * machine with the server, so it is kept cheap: bodies are written byte by byte into a reused
 * buffer (about 0.2 µs per event), no JSON library on the sending path. Run against a running server:
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) io.marketops.collect.IngestLoad http://127.0.0.1:8080 WRITE_KEY ADMIN_TOKEN 60 1000 3</pre>
 * (seconds, events per batch, connections).
 */
public final class IngestLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[][] SOURCES = bytes("douyin", "xiaohongshu", "baidu", "wechat", "weibo");

    /**
     * What a run measured.
     *
     * @param slowestTenSeconds the lowest acknowledged rate over any 10-second window
     * @param maxLagSeconds     longest time from an event's acknowledgement until the server counted it stored (250 ms resolution)
     */
    public record Result(long events, double seconds, double ackedPerSecond, double slowestTenSeconds, double maxLagSeconds,
                         double storedAfterSeconds, long failedBatches) {
        @Override
        public String toString() {
            return String.format("%,d events acknowledged in %.1f s = %,.0f events/s (slowest 10 s: %,.0f/s); "
                            + "longest ack-to-stored lag %.2f s; all stored %.1f s after the start; %d batches failed",
                    events, seconds, ackedPerSecond, slowestTenSeconds, maxLagSeconds, storedAfterSeconds, failedBatches);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0], key = args[1], token = args[2];
        double seconds = Double.parseDouble(args[3]);
        int batch = Integer.parseInt(args[4]), threads = Integer.parseInt(args[5]);
        System.out.println(run(base, key, token, "load-" + System.currentTimeMillis(), seconds, Long.MAX_VALUE, batch, threads));
    }

    /** The body of batch number {@code b}: {@code size} track events like a shop's, about 250 bytes each. */
    static byte[] body(String prefix, long b, int size) {
        Body out = new Body(size * 260);
        write(out, prefix.getBytes(StandardCharsets.UTF_8), b, size);
        return Arrays.copyOf(out.buf, out.n);
    }

    private static void write(Body out, byte[] prefix, long b, int size) {
        out.n = 0;
        out.ascii("{\"batch\":[");
        for (int i = 0; i < size; i++) {
            long n = b * size + i;
            if (i > 0) out.put((byte) ',');
            out.ascii("{\"type\":\"track\",\"event\":\"add_to_cart\",\"userId\":\"u").num(n % 50_000)
                    .ascii("\",\"messageId\":\"").put(prefix).put((byte) '-').num(n)
                    .ascii("\",\"timestamp\":\"2026-10-").num2(1 + n % 28).ascii("T0").num(n % 10).ascii(":00:00Z\"")
                    .ascii(",\"properties\":{\"sku\":\"s").num(n % 31).ascii("\",\"price\":").num(n % 97)
                    .ascii("},\"context\":{\"campaign\":{\"source\":\"").put(SOURCES[(int) (n % SOURCES.length)]).ascii("\",\"medium\":\"cpc\"}}}");
        }
        out.ascii("]}");
    }

    /**
     * Sends for {@code seconds} (or until {@code maxEvents} are sent), then waits until the server
     * reports everything acknowledged as stored (at most 120 s more).
     */
    public static Result run(String base, String writeKey, String adminToken, String prefix, double seconds, long maxEvents,
                             int batchSize, int threads) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        long storedBefore = stored(http, base, adminToken);
        AtomicLong next = new AtomicLong(), acked = new AtomicLong(), failed = new AtomicLong();
        long t0 = System.nanoTime(), stopAt = t0 + (long) (seconds * 1e9), batches = maxEvents / batchSize;
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                Body body = new Body(batchSize * 260);
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/v1/batch")).header("Authorization", auth)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(90));
                long b;
                while (System.nanoTime() < stopAt && (b = next.getAndIncrement()) < batches) {
                    write(body, p, b, batchSize);
                    try {
                        var r = http.send(req.POST(HttpRequest.BodyPublishers.ofByteArray(body.buf, 0, body.n)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) acked.addAndGet(batchSize);
                        else failed.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "load-" + t);
            w.start();
            workers.add(w);
        }
        List<long[]> samples = new ArrayList<>(); // {nanos since t0, acked, stored since the start}
        boolean sending = true;
        while (true) {
            Thread.sleep(250);
            samples.add(new long[]{System.nanoTime() - t0, acked.get(), stored(http, base, adminToken) - storedBefore});
            if (sending && workers.stream().noneMatch(Thread::isAlive)) sending = false;
            long[] last = samples.get(samples.size() - 1);
            if (!sending && (last[2] >= acked.get() || last[0] > (seconds + 120) * 1e9)) break;
        }
        for (Thread w : workers) w.join();
        double sentFor = Math.min(seconds, lastAckAt(samples) / 1e9);
        return new Result(acked.get(), sentFor, acked.get() / sentFor, slowestWindow(samples, 10), maxLag(samples),
                samples.get(samples.size() - 1)[0] / 1e9, failed.get());
    }

    private static long lastAckAt(List<long[]> samples) {
        long total = samples.get(samples.size() - 1)[1];
        for (long[] s : samples) if (s[1] >= total) return s[0];
        return samples.get(samples.size() - 1)[0];
    }

    private static double slowestWindow(List<long[]> s, double windowSeconds) {
        double slowest = Double.MAX_VALUE;
        int j = 0;
        long end = lastAckAt(s);
        for (long[] b : s) {
            if (b[0] > end) break;
            while (j < s.size() && s.get(j)[0] - b[0] < windowSeconds * 1e9) j++;
            if (j == s.size() || s.get(j)[0] > end) break;
            slowest = Math.min(slowest, (s.get(j)[1] - b[1]) / ((s.get(j)[0] - b[0]) / 1e9));
        }
        return slowest == Double.MAX_VALUE ? 0 : slowest;
    }

    /** For each sample's acknowledged count, how long until the stored count reached it; the longest. */
    private static double maxLag(List<long[]> s) {
        long worst = 0;
        int j = 0;
        for (long[] a : s) {
            while (j < s.size() && s.get(j)[2] < a[1]) j++;
            if (j == s.size()) return Double.POSITIVE_INFINITY;
            worst = Math.max(worst, s.get(j)[0] - a[0]);
        }
        return worst / 1e9;
    }

    static long stored(HttpClient http, String base, String token) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/collect/stats")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode n = JSON.readTree(r.body());
        return n.get("stored").asLong();
    }

    private static byte[][] bytes(String... s) {
        byte[][] b = new byte[s.length][];
        for (int i = 0; i < s.length; i++) b[i] = s[i].getBytes(StandardCharsets.US_ASCII);
        return b;
    }

    /** A reused, growable byte buffer with cheap ASCII and number writes. */
    private static final class Body {
        byte[] buf;
        int n;
        private final byte[] digits = new byte[20];

        Body(int capacity) {
            buf = new byte[capacity];
        }

        Body put(byte b) {
            if (n == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            buf[n++] = b;
            return this;
        }

        Body put(byte[] b) {
            if (n + b.length > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + b.length));
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
            return this;
        }

        Body ascii(String s) {
            for (int i = 0; i < s.length(); i++) put((byte) s.charAt(i));
            return this;
        }

        Body num(long v) {
            int k = 0;
            do {
                digits[k++] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v > 0);
            while (k > 0) put(digits[--k]);
            return this;
        }

        Body num2(long v) {
            return put((byte) ('0' + v / 10)).put((byte) ('0' + v % 10));
        }
    }
}
