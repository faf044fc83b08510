package io.marketops.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.support.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Sends tracking calls the way Segment's libraries do (write key as the Basic-auth user name). */
final class Tracker {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String writeKey;

    String writeKey() {
        return writeKey;
    }

    Tracker(int port, String writeKey) {
        this.base = "http://127.0.0.1:" + port;
        this.writeKey = writeKey;
    }

    /** Creates a write key in the token's workspace. */
    static String newWriteKey(Api admin) {
        var r = admin.post("/api/v1/collect/write-keys", Map.of("name", "test site"));
        if (r.status() != 201) throw new AssertionError(r.body());
        return r.json().get("writeKey").asText();
    }

    Api.Response batch(List<?> events) {
        return post("/v1/batch", json(Map.of("batch", events)), null);
    }

    Api.Response post(String path, String body, String encoding) {
        return send(path, body.getBytes(StandardCharsets.UTF_8), encoding, "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)));
    }

    Api.Response send(String path, byte[] body, String encoding, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) b.header("Authorization", authorization);
        if (encoding != null) b.header("Content-Encoding", encoding);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse("") + retryAfter(r), r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").map(v -> ";retry-after=" + v).orElse("");
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] gzip(String s) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(out)) {
                g.write(s.getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls the stats until {@code stored} reaches the value (at most 5 s, the promise) and returns them. */
    static JsonNode awaitStored(Api admin, long stored) {
        JsonNode s = null;
        for (int i = 0; i < 50; i++) {
            s = admin.get("/api/v1/collect/stats").json();
            if (s.get("stored").asLong() == stored) return s;
            sleep(100);
        }
        return s;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
