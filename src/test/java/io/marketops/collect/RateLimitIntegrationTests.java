package io.marketops.collect;

import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Overload answers 429 with Retry-After; nothing of a refused request is stored. */
@IntegrationTest
@TestPropertySource(properties = {"marketops.collect.rate-limit-per-second=50", "marketops.collect.rate-limit-burst=100"})
class RateLimitIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aWorkspaceOverItsRateGets429WithRetryAfter() {
        var ws = workspaces.create("rate");
        Api admin = new Api(port, ws.token());
        Tracker tracker = new Tracker(port, Tracker.newWriteKey(admin));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 80; i++) batch.add(TrackingApiIntegrationTests.track("r-" + i, "u"));
        assertThat(tracker.batch(batch).status()).isEqualTo(200);
        var refused = tracker.batch(batch.stream().map(e -> {
            Map<String, Object> copy = new java.util.HashMap<>(e);
            copy.put("messageId", "again-" + e.get("messageId"));
            return copy;
        }).toList());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json").contains("retry-after=");
        assertThat(Tracker.awaitStored(admin, 80).get("stored").asLong()).isEqualTo(80);
        Tracker.sleep(3000);
        assertThat(tracker.batch(List.of(TrackingApiIntegrationTests.track("later", "u"))).status()).isEqualTo(200);
    }
}
