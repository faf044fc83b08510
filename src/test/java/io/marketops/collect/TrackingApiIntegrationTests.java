package io.marketops.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TrackingApiIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;

    TestWorkspaces.Fresh ws;
    Api admin;
    Tracker tracker;

    @BeforeEach
    void setUp() {
        ws = workspaces.create("collect");
        admin = new Api(port, ws.token());
        tracker = new Tracker(port, Tracker.newWriteKey(admin));
    }

    static Map<String, Object> track(String id, String user) {
        Map<String, Object> e = new HashMap<>();
        e.put("type", "track");
        e.put("event", "Order Completed");
        e.put("userId", user);
        e.put("messageId", id);
        e.put("timestamp", "2026-10-01T08:00:00Z");
        e.put("properties", Map.of("revenue", 99.5, "currency", "CNY", "order_id", "o-" + id));
        return e;
    }

    @Test
    void storesValidEventsOnceAndListsInvalidOnesByIndex() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) batch.add(track("m-" + i, "u" + i));
        batch.get(3).remove("event");
        batch.get(7).put("timestamp", "yesterday-ish");
        var r = tracker.batch(batch);
        assertThat(r.status()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.get("success").asBoolean()).isTrue();
        assertThat(a.get("accepted").asInt()).isEqualTo(8);
        assertThat(a.get("duplicates").asInt()).isZero();
        assertThat(a.get("rejected")).hasSize(2);
        assertThat(a.get("rejected").get(0).get("index").asInt()).isEqualTo(3);
        assertThat(a.get("rejected").get(0).get("reason").asText()).isEqualTo("track call without event name");
        assertThat(a.get("rejected").get(1).get("index").asInt()).isEqualTo(7);
        assertThat(a.get("rejected").get(1).get("reason").asText()).contains("timestamp 'yesterday-ish'");

        JsonNode stats = Tracker.awaitStored(admin, 8);
        assertThat(stats.get("stored").asLong()).isEqualTo(8);
        assertThat(stats.get("received").asLong()).isEqualTo(10);
        assertThat(stats.get("rejected").asLong()).isEqualTo(2);
        assertThat(stats.get("lastEventAt").asText()).isNotEmpty();

        var again = tracker.batch(batch).json();
        assertThat(again.get("accepted").asInt()).isEqualTo(8);
        assertThat(again.get("duplicates").asInt()).isEqualTo(8);
        Tracker.sleep(1500);
        stats = admin.get("/api/v1/collect/stats").json();
        assertThat(stats.get("stored").asLong()).isEqualTo(8);
        assertThat(stats.get("duplicates").asLong()).isEqualTo(8);

        var q = admin.get("/api/v1/collect/quarantine").json();
        assertThat(q.get("total").asLong()).isEqualTo(4);
        assertThat(q.get("items").get(0).get("payload").asText()).contains("\"messageId\"");
    }

    @Test
    void keepsHistoricTimestampsAndFillsTheEventColumns() {
        Map<String, Object> e = track("hist-1", "u1");
        e.put("timestamp", "2024-03-05T06:07:08.123+08:00");
        e.put("anonymousId", "a1");
        e.put("_metadata", Map.of("bundled", List.of("x")));
        e.put("integrations", Map.of("All", true));
        e.put("writeKey", "ignored");
        e.put("somethingNew", 42);
        e.put("context", Map.of("campaign", Map.of("source", "xiaohongshu", "medium", "social", "name", "double11"),
                "page", Map.of("url", "https://shop.example.cn/p/1?x=1", "referrer", "https://www.xiaohongshu.com/explore"),
                "userAgent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40",
                "library", Map.of("name", "analytics.js", "version", "4.0"), "location", Map.of("region", "Zhejiang", "city", "Hangzhou")));
        var r = tracker.batch(List.of(e));
        assertThat(r.json().get("accepted").asInt()).as(r.body()).isEqualTo(1);
        Tracker.awaitStored(admin, 1);
        Map<String, Object> row = warehouse.sql().sql("""
                SELECT CAST(ts AS VARCHAR) AS ts, channel, utm_source, utm_campaign, path, device, os, browser, platform, region, city,
                       revenue, currency, order_id, session_id, json_extract_string(properties, '$.order_id') AS prop
                FROM events WHERE workspace_id = ?""").param(ws.id()).query().singleRow();
        assertThat(OffsetDateTime.parse(row.get("ts").toString().replace(" ", "T").replaceAll("\\+00$", "Z")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-03-05T06:07:08.123+08:00").toInstant());
        assertThat(row).containsEntry("channel", "xiaohongshu").containsEntry("utm_source", "xiaohongshu").containsEntry("utm_campaign", "double11")
                .containsEntry("path", "/p/1").containsEntry("device", "mobile").containsEntry("os", "iOS").containsEntry("browser", "WeChat")
                .containsEntry("platform", "web").containsEntry("region", "Zhejiang").containsEntry("city", "Hangzhou")
                .containsEntry("currency", "CNY").containsEntry("order_id", "o-hist-1").containsEntry("prop", "o-hist-1");
        assertThat(row.get("revenue").toString()).isEqualTo("99.50");
        assertThat(row.get("session_id")).isNotNull();
    }

    @Test
    void singleCallsAndGzipBodiesAreAccepted() {
        var page = tracker.post("/v1/page", Tracker.json(Map.of("anonymousId", "a1", "name", "Home", "messageId", "p-1")), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("accepted").asInt()).isEqualTo(1);
        var identify = tracker.post("/v1/identify", Tracker.json(Map.of("anonymousId", "a1", "userId", "u1", "traits", Map.of("tier", "gold"))), null);
        assertThat(identify.json().get("accepted").asInt()).isEqualTo(1);
        var gz = tracker.send("/v1/batch", Tracker.gzip(Tracker.json(Map.of("batch", List.of(track("gz-1", "u2"), track("gz-2", "u3"))))), "gzip",
                "Bearer " + tracker.writeKey());
        assertThat(gz.status()).as(gz.body()).isEqualTo(200);
        assertThat(gz.json().get("accepted").asInt()).isEqualTo(2);
        Tracker.awaitStored(admin, 4);
        assertThat(warehouse.sql().sql("SELECT count(*) FROM identities WHERE workspace_id = ? AND alias_id = 'a1' AND user_id = 'u1'")
                .param(ws.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(warehouse.sql().sql("SELECT count(DISTINCT person_id) FROM event_people WHERE workspace_id = ? AND (anonymous_id = 'a1' OR user_id = 'u1')")
                .param(ws.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsA400ProblemNamingThePosition() {
        var r = tracker.post("/v1/batch", "{\"batch\": [ {\"type\": \"track\", ", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("line 1, column");
        assertThat(r.json().get("offset").asLong()).isPositive();
        var notBatch = tracker.post("/v1/batch", "{\"events\": []}", null);
        assertThat(notBatch.status()).isEqualTo(400);
        assertThat(notBatch.json().get("field").asText()).isEqualTo("batch");
    }

    @Test
    void unknownOrMissingWriteKeyIsA401Problem() {
        var r = new Tracker(port, "not-a-key").batch(List.of(track("x", "u")));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        var none = tracker.send("/v1/batch", Tracker.json(Map.of("batch", List.of(track("x", "u")))).getBytes(), null, null);
        assertThat(none.status()).isEqualTo(401);
    }

    @Test
    void oversizedBodiesAreA413Problem() {
        String big = "x".repeat(600 * 1024);
        Map<String, Object> e = track("big", "u");
        e.put("properties", Map.of("blob", big));
        var batch = tracker.batch(List.of(e));
        assertThat(batch.status()).isEqualTo(413);
        assertThat(batch.contentType()).startsWith("application/problem+json");
        Map<String, Object> mid = track("mid", "u");
        mid.put("properties", Map.of("blob", "y".repeat(40 * 1024)));
        assertThat(tracker.post("/v1/track", Tracker.json(mid), null).status()).isEqualTo(413);
        var inBatch = tracker.batch(List.of(mid, track("ok", "u"))).json();
        assertThat(inBatch.get("accepted").asInt()).isEqualTo(1);
        assertThat(inBatch.get("rejected").get(0).get("reason").asText()).contains("32 KB");
        var gzBomb = tracker.send("/v1/batch", Tracker.gzip("{\"batch\": [" + "{\"a\":1},".repeat(100_000) + "{}]}"), "gzip",
                "Bearer " + tracker.writeKey());
        assertThat(gzBomb.status()).isEqualTo(413);
    }

    @Test
    void writeKeysCanBeRotatedAndRevoked() {
        var created = admin.post("/api/v1/collect/write-keys", Map.of("name", "app")).json();
        long id = created.get("id").asLong();
        String first = created.get("writeKey").asText();
        assertThat(new Tracker(port, first).batch(List.of(track("k-1", "u"))).status()).isEqualTo(200);
        String second = admin.post("/api/v1/collect/write-keys/" + id + "/rotate", Map.of()).json().get("writeKey").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(new Tracker(port, first).batch(List.of(track("k-2", "u"))).status()).isEqualTo(401);
        assertThat(new Tracker(port, second).batch(List.of(track("k-3", "u"))).status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/collect/write-keys/" + id).json().get("active").asBoolean()).isFalse();
        assertThat(new Tracker(port, second).batch(List.of(track("k-4", "u"))).status()).isEqualTo(401);
        var noName = admin.post("/api/v1/collect/write-keys", Map.of("name", " "));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("field").asText()).isEqualTo("name");
    }

    @Test
    void theOpenApiDescriptionDocumentsTheTrackingBodyAndEveryAnswer() {
        JsonNode spec = admin.get("/api/v1/openapi.json").json();
        JsonNode batch = spec.at("/paths/~1v1~1batch/post");
        assertThat(batch.at("/requestBody/content/application~1json/schema/$ref").asText()).endsWith("/TrackingBatch");
        assertThat(batch.get("responses").fieldNames()).toIterable().contains("200", "400", "401", "413", "429");
        assertThat(spec.at("/components/schemas/TrackingCall/properties").fieldNames()).toIterable()
                .contains("type", "event", "userId", "anonymousId", "messageId", "timestamp", "properties", "traits", "context");
    }

    @Test
    void aliasChainsEndAtTheLatestUserIdForEveryLinkedId() {
        Map<String, Object> alias = new HashMap<>(Map.of("type", "alias", "previousId", "u-old", "userId", "u-new", "messageId", "al-1",
                "timestamp", "2026-10-02T08:00:00Z"));
        var r = tracker.batch(List.of(
                Map.of("type", "identify", "anonymousId", "a-1", "userId", "u-old", "messageId", "id-1", "timestamp", "2026-10-01T08:00:00Z"),
                Map.of("type", "page", "anonymousId", "a-1", "messageId", "pv-1", "timestamp", "2026-10-01T07:59:00Z"),
                Map.of("type", "track", "event", "Buy", "userId", "u-old", "messageId", "t-1", "timestamp", "2026-10-01T09:00:00Z")));
        assertThat(r.status()).isEqualTo(200);
        Tracker.awaitStored(admin, 3);
        assertThat(tracker.batch(List.of(alias)).status()).isEqualTo(200);
        Tracker.awaitStored(admin, 4);
        // a device identified as the old id after the alias is linked to the new one too
        assertThat(tracker.batch(List.of(Map.of("type", "identify", "anonymousId", "a-2", "userId", "u-old", "messageId", "id-2",
                "timestamp", "2026-10-03T08:00:00Z"))).status()).isEqualTo(200);
        Tracker.awaitStored(admin, 5);
        assertThat(warehouse.sql().sql("SELECT alias_id || '>' || user_id FROM identities WHERE workspace_id = ? ORDER BY alias_id")
                .param(ws.id()).query(String.class).list()).containsExactly("a-1>u-new", "a-2>u-new", "u-old>u-new");
        assertThat(warehouse.sql().sql("SELECT DISTINCT person_id FROM event_people WHERE workspace_id = ?").param(ws.id()).query(String.class).list())
                .containsExactly("u-new");
    }
}
