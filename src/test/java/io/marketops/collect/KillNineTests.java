package io.marketops.collect;

import io.marketops.support.Api;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged means durable: the server (a child JVM, as a person runs it) is killed with
 * {@code kill -9} while a sender streams batches; after a restart every acknowledged event is
 * stored, and after the sender retries everything it sent, each event is stored exactly once.
 */
class KillNineTests {
    static final int BATCH = 500;

    @Test
    void everyAcknowledgedEventSurvivesAKillNineAndRetriesAreNotCountedTwice() throws Exception {
        try (ServerProcess server = new ServerProcess(Files.createTempDirectory("mo-kill9"))) {
            server.start();
            Api admin = new Api(server.port, ServerProcess.TOKEN);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            AtomicInteger acked = new AtomicInteger(), attempted = new AtomicInteger();
            Thread sender = new Thread(() -> {
                for (int k = 0; k < 10_000; k++) {
                    attempted.set(k + 1);
                    if (send(http, server, k) != 200) return;
                    acked.set(k + 1);
                }
            });
            sender.start();
            while (acked.get() < 40 && sender.isAlive()) Thread.sleep(20);
            server.kill9();
            sender.join();
            int ackedBatches = acked.get(), sentBatches = attempted.get();
            assertThat(ackedBatches).isGreaterThanOrEqualTo(40);

            server.start();
            long stored = awaitStoredAtLeast(admin, (long) ackedBatches * BATCH);
            assertThat(stored).as("acknowledged events stored after the kill").isGreaterThanOrEqualTo((long) ackedBatches * BATCH);
            assertThat(stored).as("never more than was sent").isLessThanOrEqualTo((long) sentBatches * BATCH);

            for (int k = 0; k < sentBatches; k++) assertThat(send(http, server, k)).isEqualTo(200);
            assertThat(awaitStoredAtLeast(admin, (long) sentBatches * BATCH)).isEqualTo((long) sentBatches * BATCH);
            Thread.sleep(1500);
            var stats = admin.get("/api/v1/collect/stats").json();
            assertThat(stats.get("stored").asLong()).as("each event once after the retries").isEqualTo((long) sentBatches * BATCH);
            assertThat(stats.get("duplicates").asLong()).isGreaterThanOrEqualTo((long) ackedBatches * BATCH);
        }
    }

    static int send(HttpClient http, ServerProcess server, int k) {
        StringBuilder sb = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < BATCH; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"type\":\"track\",\"event\":\"crash_event\",\"userId\":\"c").append(i % 70).append("\",\"messageId\":\"crash-")
                    .append(k).append('-').append(i).append("\",\"timestamp\":\"2026-11-01T08:00:00Z\"}");
        }
        sb.append("]}");
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.base() + "/v1/batch")).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ServerProcess.WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static long awaitStoredAtLeast(Api admin, long want) throws InterruptedException {
        long stored = -1;
        for (int i = 0; i < 100; i++) {
            var r = admin.get("/api/v1/collect/stats");
            if (r.status() == 200) {
                stored = r.json().get("stored").asLong();
                if (stored >= want) return stored;
            }
            Thread.sleep(100);
        }
        return stored;
    }
}
