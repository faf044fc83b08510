package io.marketops.experiments.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GET /results: CUPED with each exposed person's pre-period activity from the warehouse gives
 * exactly what /analyze gives for the same sums (computed here by hand from made-up purchases),
 * and people are matched through collection's identity links.
 */
@IntegrationTest
class ExperimentResultsApiIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;
    TestWorkspaces.Fresh ws;
    Api api;

    @BeforeEach
    void freshWorkspace() {
        ws = workspaces.create("experiment results");
        api = new Api(port, ws.token());
    }

    /** A two-variant experiment on GMV per user with a 7-day CUPED look-back, started. */
    void startedExperiment(String key, String primary, int preDays) {
        Map<String, Object> body = ExperimentApiIntegrationTests.design(key);
        body.put("primaryMetric", primary);
        body.put("secondaryMetrics", List.of());
        body.put("guardrailMetrics", List.of());
        body.put("prePeriodDays", preDays);
        assertThat(api.post("/api/v1/experiments", body).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/experiments/" + key + "/start", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void cupedWithPrePeriodPurchasesEqualsAnalyzeWithTheSameSums() {
        startedExperiment("cuped", "gmv", 7);
        Map<String, String> variantOf = new LinkedHashMap<>();
        for (int i = 0; i < 240; i++) {
            String user = "v-" + i;
            variantOf.put(user, api.get("/api/v1/experiments/cuped/assignment?userId=" + user).json().get("variant").asText());
        }
        Instant after = Instant.now();
        Map<String, double[]> expected = new HashMap<>();   // variant → n, Σpost, Σpost², Σpre, Σpre², Σpost·pre
        List<EventRow> rows = new ArrayList<>();
        variantOf.forEach((user, variant) -> {
            int i = Integer.parseInt(user.substring(2));
            double pre = (i % 7) * 10;                                   // spent 3 days before the experiment
            double post = 5 + pre * 0.8 + (i % 3) * 4 + (variant.equals("in-use") ? 3 : 0);
            if (pre > 0) rows.add(purchase(user, "pre-" + i, after.minus(Duration.ofDays(3)), pre));
            rows.add(purchase(user, "old-" + i, after.minus(Duration.ofDays(10)), 1000));   // outside the 7 days: not counted
            rows.add(purchase(user, "post-" + i, after, post));
            double[] x = expected.computeIfAbsent(variant, k -> new double[6]);
            x[0]++;
            x[1] += post;
            x[2] += post * post;
            x[3] += pre;
            x[4] += pre * pre;
            x[5] += post * pre;
        });
        warehouse.append(a -> rows.forEach(a::event));
        api.post("/api/v1/experiments/cuped/stop", Map.of());

        JsonNode gmv = api.get("/api/v1/experiments/cuped/results").json().get("metrics").get(0);
        assertThat(gmv.get("metric").asText()).isEqualTo("gmv");
        assertThat(gmv.get("cuped").asBoolean()).isTrue();
        assertThat(gmv.get("prePeriodDays").asInt()).isEqualTo(7);
        List<Map<String, Object>> variants = new ArrayList<>(), pre = new ArrayList<>();
        for (JsonNode d : gmv.get("data")) {
            double[] x = expected.get(d.get("name").asText());
            assertThat(d.get("users").asLong()).isEqualTo((long) x[0]);
            assertThat(d.get("sum").asDouble()).isCloseTo(x[1], within(1e-6));
            assertThat(d.get("sumSquares").asDouble()).isCloseTo(x[2], within(1e-4));
            assertThat(d.get("preSum").asDouble()).isCloseTo(x[3], within(1e-6));
            assertThat(d.get("preSumSquares").asDouble()).isCloseTo(x[4], within(1e-4));
            assertThat(d.get("sumProducts").asDouble()).isCloseTo(x[5], within(1e-4));
            variants.add(Map.of("name", d.get("name").asText(), "users", (long) x[0], "sum", x[1], "sumSquares", x[2]));
            pre.add(Map.of("sum", x[3], "sumSquares", x[4], "sumProducts", x[5]));
        }
        Map<String, Object> request = new HashMap<>(Map.of("metricType", "mean", "variants", variants, "weights", List.of(0.5, 0.5)));
        JsonNode plain = api.post("/api/v1/experiments/analyze", request).json();
        request.put("cuped", Map.of("pre", pre));
        JsonNode adjusted = api.post("/api/v1/experiments/analyze", request).json();

        assertSameLift(gmv.get("result"), adjusted);
        assertSameLift(gmv.get("unadjusted"), plain);
        assertThat(gmv.get("result").get("variants").get(0).get("adjustedMean").asDouble())
                .isCloseTo(adjusted.get("variants").get(0).get("adjustedMean").asDouble(), within(1e-9));
        double seAdjusted = adjusted.get("variants").get(1).get("absoluteLift").get("standardError").asDouble();
        double sePlain = plain.get("variants").get(1).get("absoluteLift").get("standardError").asDouble();
        double reduction = gmv.get("varianceReduction").get("in-use").asDouble();
        assertThat(reduction).isCloseTo(1 - Math.pow(seAdjusted / sePlain, 2), within(1e-9));
        assertThat(reduction).as("post spending follows pre spending closely").isGreaterThan(0.5);
    }

    @Test
    void withoutPrePeriodActivityOrWithCupedOffTheResultIsUnadjusted() {
        startedExperiment("no-cuped", "gmv", 0);
        api.get("/api/v1/experiments/no-cuped/assignment?userId=someone");
        Instant after = Instant.now();
        warehouse.append(a -> {
            a.event(purchase("someone", "before", after.minus(Duration.ofDays(1)), 40));
            a.event(purchase("someone", "after", after, 25));
        });
        JsonNode gmv = api.get("/api/v1/experiments/no-cuped/results").json().get("metrics").get(0);
        assertThat(gmv.get("cuped").asBoolean()).isFalse();
        assertThat(gmv.path("unadjusted").isMissingNode() || gmv.get("unadjusted").isNull()).as("no unadjusted twin").isTrue();
        JsonNode someone = gmv.get("data").get(0).get("users").asLong() == 1 ? gmv.get("data").get(0) : gmv.get("data").get(1);
        assertThat(someone.get("sum").asDouble()).as("only what happened after the exposure").isEqualTo(25.0);
        assertThat(someone.path("preSum").isMissingNode() || someone.get("preSum").isNull()).as("no pre-period sums").isTrue();
    }

    @Test
    void anAnonymousVisitorWhoBuysLaterUnderTheirUserIdIsMatched() {
        startedExperiment("stitched", "buyers", 14);
        String anonymous = "anon-7f3a", stranger = "anon-0000";
        String variant = api.get("/api/v1/experiments/stitched/assignment?userId=" + anonymous).json().get("variant").asText();
        api.get("/api/v1/experiments/stitched/assignment?userId=" + stranger);
        Instant now = Instant.now();
        String writeKey = api.post("/api/v1/collect/write-keys", Map.of("name", "shop")).json().get("writeKey").asText();
        // the visitor signs in (identify links the anonymous id to the member), then buys from another device
        var sent = new Api(port, writeKey).post("/v1/batch", Map.of("batch", List.of(
                Map.of("type", "identify", "anonymousId", anonymous, "userId", "member-1", "messageId", "id-1", "timestamp", now.toString()),
                Map.of("type", "track", "event", "purchase", "userId", "member-1", "anonymousId", "phone-9", "messageId", "buy-1",
                        "timestamp", now.plusMillis(1).toString(), "properties", Map.of("revenue", 88, "currency", "CNY", "order_id", "o-1")),
                Map.of("type", "track", "event", "purchase", "userId", "member-1", "messageId", "buy-0",
                        "timestamp", now.minus(Duration.ofDays(2)).toString(), "properties", Map.of("revenue", 50, "currency", "CNY", "order_id", "o-0")))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        awaitStored(3);
        api.post("/api/v1/experiments/stitched/stop", Map.of());

        JsonNode buyers = api.get("/api/v1/experiments/stitched/results").json().get("metrics").get(0);
        Map<String, JsonNode> byVariant = new HashMap<>();
        buyers.get("data").forEach(d -> byVariant.put(d.get("name").asText(), d));
        assertThat(byVariant.values().stream().mapToLong(d -> d.get("users").asLong()).sum()).isEqualTo(2);
        assertThat(byVariant.get(variant).get("sum").asDouble()).as("the purchase under the user id counts for the anonymous visitor").isEqualTo(1.0);
        assertThat(byVariant.values().stream().mapToDouble(d -> d.get("sum").asDouble()).sum()).isEqualTo(1.0);
        assertThat(byVariant.get(variant).get("preSum").asDouble()).as("the earlier purchase is pre-period activity").isEqualTo(1.0);
    }

    private void awaitStored(long events) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (api.get("/api/v1/collect/stats").json().get("stored").asLong() < events) {
            if (System.nanoTime() > deadline) throw new AssertionError("events were not stored within 10 s");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void assertSameLift(JsonNode fromResults, JsonNode fromAnalyze) {
        for (String scale : List.of("relativeLift", "absoluteLift")) {
            JsonNode a = fromResults.get("variants").get(1).get(scale), b = fromAnalyze.get("variants").get(1).get(scale);
            for (String field : List.of("estimate", "ciLow", "ciHigh", "pValue", "chanceToWin", "standardError")) {
                assertThat(a.get(field).asDouble()).as(scale + "." + field).isCloseTo(b.get(field).asDouble(), within(1e-9));
            }
        }
        assertThat(fromResults.get("srmPValue").asDouble()).isCloseTo(fromAnalyze.get("srmPValue").asDouble(), within(1e-12));
    }

    private EventRow purchase(String user, String id, Instant at, double revenue) {
        return new EventRow(ws.id(), "m-" + id, "track", "purchase", user, user, at, at, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, "web", BigDecimal.valueOf(revenue).setScale(2, java.math.RoundingMode.HALF_UP),
                "CNY", "o-" + id, null, null, null);
    }
}
