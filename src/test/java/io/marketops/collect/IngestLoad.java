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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator that ships with MarketOps: sends Segment-style batches over loopback from
 * several threads, counts acknowledged events per second, then waits until the server reports
 * them stored. Run against a running server:
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) io.marketops.collect.IngestLoad http://127.0.0.1:8080 WRITE_KEY ADMIN_TOKEN 1000000 1000 4</pre>
 */
public final class IngestLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SOURCES = {"douyin", "xiaohongshu", "baidu", "wechat", "weibo"};

    /** What a run measured. */
    public record Result(long events, double seconds, double ackedPerSecond, double storedAfterSeconds, long failedBatches) {
        @Override
        public String toString() {
            return String.format("%,d events acknowledged in %.2f s = %,.0f events/s; all stored %.2f s after the start; %d batches failed",
                    events, seconds, ackedPerSecond, storedAfterSeconds, failedBatches);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0], key = args[1], token = args[2];
        long total = Long.parseLong(args[3]);
        int batch = Integer.parseInt(args[4]), threads = Integer.parseInt(args[5]);
        System.out.println(run(base, key, token, "load-" + System.currentTimeMillis(), total, batch, threads));
    }

    /** The body of batch number {@code b}: {@code size} track events like a shop's, about 250 bytes each. */
    static byte[] body(String prefix, long b, int size) {
        StringBuilder sb = new StringBuilder(size * 260).append("{\"batch\":[");
        for (int i = 0; i < size; i++) {
            long n = b * size + i;
            if (i > 0) sb.append(',');
            sb.append("{\"type\":\"track\",\"event\":\"add_to_cart\",\"userId\":\"u").append(n % 50_000)
                    .append("\",\"messageId\":\"").append(prefix).append('-').append(n)
                    .append("\",\"timestamp\":\"2026-10-").append(String.format("%02d", 1 + n % 28)).append("T0").append(n % 10).append(":00:00Z\"")
                    .append(",\"properties\":{\"sku\":\"s").append(n % 31).append("\",\"price\":").append(n % 97)
                    .append("},\"context\":{\"campaign\":{\"source\":\"").append(SOURCES[(int) (n % SOURCES.length)]).append("\",\"medium\":\"cpc\"}}}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Result run(String base, String writeKey, String adminToken, String prefix, long total, int batchSize, int threads) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        long batches = total / batchSize;
        long storedBefore = stored(http, base, adminToken);
        AtomicLong next = new AtomicLong(), acked = new AtomicLong(), failed = new AtomicLong();
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                long b;
                while ((b = next.getAndIncrement()) < batches) {
                    byte[] body = body(prefix, b, batchSize);
                    try {
                        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/batch")).header("Authorization", auth)
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
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
        for (Thread w : workers) w.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long want = storedBefore + acked.get();
        while (stored(http, base, adminToken) < want && (System.nanoTime() - t0) / 1e9 < seconds + 120) Thread.sleep(100);
        double storedAt = (System.nanoTime() - t0) / 1e9;
        return new Result(acked.get(), seconds, acked.get() / seconds, storedAt, failed.get());
    }

    static long stored(HttpClient http, String base, String token) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/collect/stats")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode n = JSON.readTree(r.body());
        return n.get("stored").asLong();
    }
}
