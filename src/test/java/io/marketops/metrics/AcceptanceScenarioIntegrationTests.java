package io.marketops.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics acceptance check's scenario on random data whose answer follows from how it was
 * made: 3,000 people walk a 4-step funnel (each step 1–60 h after the previous, stopping at
 * random), and 2,000 page views fall around Shanghai midnight. The expected numbers are counted
 * while generating, by the funnel rule (a step counts while within 7 days of the entry).
 */
@IntegrationTest
class AcceptanceScenarioIntegrationTests {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;

    @Test
    void funnelCountsAndVisitorsPerLocalDayAreExact() {
        var ws = workspaces.create("acceptance");
        Api api = new Api(port, ws.token());
        Random random = new Random(11);
        String[] steps = {"acc_view", "acc_cart", "acc_checkout", "acc_buy"};
        Instant base = Instant.parse("2026-10-05T04:00:00Z");
        List<EventRow> events = new ArrayList<>();
        long[] expect = new long[4];
        for (int u = 0; u < 3000; u++) {
            Instant t = base.plus(Duration.ofDays(random.nextInt(13))).plus(Duration.ofMinutes(random.nextInt(601)));
            Instant t0 = t;
            int reached = 0;
            for (int k = 0; k < steps.length; k++) {
                if (k > 0) {
                    if (random.nextDouble() > 0.55) break;
                    t = t.plus(Duration.ofHours(1 + random.nextInt(60)));
                }
                events.add(event(ws.id(), "track", steps[k], "f" + u, null, t));
                if (Duration.between(t0, t).compareTo(Duration.ofDays(7)) <= 0 && reached == k) reached = k + 1;
            }
            for (int k = 0; k < reached; k++) expect[k]++;
        }
        Map<String, Set<String>> uv = new TreeMap<>();
        for (int v = 0; v < 2000; v++) {
            Instant t = Instant.parse("2026-10-10T15:30:00Z").plus(Duration.ofMinutes(random.nextInt(61))).plus(Duration.ofDays(random.nextInt(3)));
            String vid = "v" + random.nextInt(701);
            events.add(event(ws.id(), "page", "home", null, vid, t));
            uv.computeIfAbsent(LocalDate.ofInstant(t, SHANGHAI).toString(), d -> new HashSet<>()).add(vid);
        }
        warehouse.append(a -> events.forEach(a::event));

        JsonNode funnel = api.post("/api/v1/funnels", Map.of("steps", List.of(Map.of("event", steps[0]), Map.of("event", steps[1]), Map.of("event", steps[2]),
                Map.of("event", steps[3])), "window", "P7D", "from", "2026-10-01", "to", "2026-10-31", "order", "strict")).json();
        assertThat(funnel.get("steps").findValues("users").stream().map(JsonNode::asLong).toList()).containsExactly(expect[0], expect[1], expect[2], expect[3]);

        JsonNode rows = api.post("/api/v1/metrics/query", Map.of("metrics", List.of("uv"), "from", "2026-10-10", "to", "2026-10-13", "granularity", "day")).json().get("rows");
        Map<String, Long> got = new TreeMap<>();
        rows.forEach(r -> got.put(r.get("period").asText(), r.get("values").get("uv").asLong()));
        uv.forEach((day, visitors) -> assertThat(got.get(day)).as("UV on " + day).isEqualTo(visitors.size()));
    }

    static EventRow event(long ws, String type, String name, String user, String anon, Instant ts) {
        return new EventRow(ws, UUID.randomUUID().toString(), type, name, user, anon, ts, ts, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
