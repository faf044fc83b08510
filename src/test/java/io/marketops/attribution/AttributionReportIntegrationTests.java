package io.marketops.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Attribution of a workspace's own events joined with its ad cost, over real HTTP on a fresh workspace. */
@IntegrationTest
class AttributionReportIntegrationTests {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Map<String, Object> OCTOBER = Map.of("from", "2026-10-01", "to", "2026-10-10");

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static EventRow session(long ws, String user, String anon, String session, String channel, String time) {
        return new EventRow(ws, UUID.randomUUID().toString(), "page", "home", user, anon, at(time), at(time), session, channel,
                null, null, null, null, null, null, null, "/", null, null, null, null, null, "web", null, null, null, null, null, null);
    }

    static EventRow purchase(long ws, String user, String anon, String session, String channel, String time, String revenue) {
        return new EventRow(ws, UUID.randomUUID().toString(), "track", "purchase", user, anon, at(time), at(time), session, channel,
                null, null, null, null, null, null, null, "/", null, null, null, null, null, "web",
                revenue == null ? null : new BigDecimal(revenue), "CNY", null, "{\"coupon\":\"NEW10\",\"gmv\":\"" + revenue + "\"}", null, null);
    }

    /** Four conversions in 1–10 Oct 2026 (one without touches), one journey without conversion, ad cost on three channels. */
    long seed(long ws) {
        warehouse.append(a -> {
            a.event(session(ws, "u1", "a1", "s1", "douyin", "2026-10-02T10:00"));
            a.event(session(ws, "u1", "a1", "s2", "baidu", "2026-10-03T10:00"));
            a.event(purchase(ws, "u1", "a1", "s2", "baidu", "2026-10-03T10:05", "300.00"));
            a.event(session(ws, null, "a2", "s3", "xiaohongshu", "2026-10-04T09:00"));
            a.event(purchase(ws, null, "a2", "s3", "xiaohongshu", "2026-10-04T09:10", "100.00"));
            a.event(session(ws, null, "a3", "s4", "douyin", "2026-10-05T20:00"));
            a.event(purchase(ws, "u4", null, null, null, "2026-10-06T12:00", "50.00"));
            a.event(session(ws, "u5", null, "s5", "douyin", "2026-09-01T10:00"));
            a.event(session(ws, "u5", null, "s6", "direct", "2026-10-07T10:00"));
            a.event(purchase(ws, "u5", null, "s6", "direct", "2026-10-07T10:30", "200.00"));
            a.event(purchase(ws, "u1", "a1", "s9", "baidu", "2026-10-20T10:00", "999.00"));
            a.adCost(new AdCostRow(ws, LocalDate.of(2026, 10, 2), "douyin", "c", "g", 1000, 10, new BigDecimal("200.00"), "CNY", 1, BigDecimal.ONE));
            a.adCost(new AdCostRow(ws, LocalDate.of(2026, 10, 3), "baidu", "c", "g", 1000, 10, new BigDecimal("150.00"), "CNY", 1, BigDecimal.ONE));
            a.adCost(new AdCostRow(ws, LocalDate.of(2026, 10, 4), "tmall", "c", "g", 1000, 10, new BigDecimal("80.00"), "CNY", 0, BigDecimal.ZERO));
            a.adCost(new AdCostRow(ws, LocalDate.of(2026, 10, 11), "baidu", "c", "g", 1000, 10, new BigDecimal("999.00"), "CNY", 0, BigDecimal.ZERO));
        });
        return ws;
    }

    static JsonNode channel(JsonNode model, String name) {
        for (JsonNode c : model.get("channels")) if (c.get("channel").asText().equals(name)) return c;
        throw new AssertionError("no " + name + " in " + model);
    }

    @Test
    void everyConversionIsAttributedOrCountedAndJoinedWithCost() {
        var fresh = workspaces.create("report");
        seed(fresh.id());
        var r = new Api(port, fresh.token()).post("/api/v1/attribution", OCTOBER);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json().get("journeys");
        assertThat(j.get("conversions").asLong()).isEqualTo(4);
        assertThat(j.get("value").decimalValue()).isEqualByComparingTo("650.00");
        assertThat(j.get("attributedConversions").asLong()).isEqualTo(3);
        assertThat(j.get("unattributedConversions").asLong()).isEqualTo(1);
        assertThat(j.get("unattributedValue").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(j.get("nullPaths").asLong()).isEqualTo(1);
        JsonNode models = r.json().get("models");
        for (JsonNode m : models) {
            double sum = 0;
            for (JsonNode c : m.get("channels")) sum += c.get("conversions").asDouble();
            assertThat(sum).isCloseTo(3, within(1e-9));
        }
        JsonNode last = models.get("last_touch");
        assertThat(channel(last, "baidu").get("conversions").asDouble()).isEqualTo(1);
        assertThat(channel(last, "baidu").get("value").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(channel(last, "baidu").get("cost").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(channel(last, "baidu").get("cpa").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(channel(last, "baidu").get("roas").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(channel(last, "baidu").get("roi").decimalValue()).isEqualByComparingTo("1.0000");
        // spend that earned nothing stays visible: no CPA, ROAS 0, ROI −100%
        assertThat(channel(last, "douyin").get("conversions").asDouble()).isZero();
        assertThat(channel(last, "douyin").has("cpa")).isFalse();
        assertThat(channel(last, "douyin").get("roi").decimalValue()).isEqualByComparingTo("-1.0000");
        assertThat(channel(last, "tmall").get("cost").decimalValue()).isEqualByComparingTo("80.00");
        // the September douyin session is older than the 30-day lookback of the 7 Oct purchase
        assertThat(channel(models.get("first_touch"), "direct").get("conversions").asDouble()).isEqualTo(1);
        assertThat(channel(models.get("first_touch"), "douyin").get("value").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(channel(models.get("linear"), "douyin").get("conversions").asDouble()).isEqualTo(0.5);
        assertThat(models.get("markov").get("removalEffects").get("baidu").asDouble()).isPositive();
        assertThat(models.get("markov").has("transitions")).isFalse();
    }

    @Test
    void conversionEventsLookbackAndValuePropertyAreConfigurable() {
        var fresh = workspaces.create("options");
        seed(fresh.id());
        var r = new Api(port, fresh.token()).post("/api/v1/attribution", Map.of("from", "2026-10-01", "to", "2026-10-10",
                "lookbackDays", 40, "valueProperty", "gmv", "models", List.of("first_touch"), "includeTransitions", true));
        JsonNode first = r.json().get("models").get("first_touch");
        assertThat(channel(first, "douyin").get("conversions").asDouble()).isEqualTo(2);
        assertThat(channel(first, "douyin").get("value").decimalValue()).isEqualByComparingTo("500.00");
        var none = new Api(port, fresh.token()).post("/api/v1/attribution", Map.of("from", "2026-10-01", "to", "2026-10-10",
                "conversionEvents", List.of("sign_up")));
        assertThat(none.json().get("journeys").get("conversions").asLong()).isZero();
        assertThat(none.json().get("journeys").get("nullPaths").asLong()).isEqualTo(4);
    }

    @Test
    void badQueriesAreRefusedNamingTheField() {
        Api api = new Api(port, workspaces.create("bad").token());
        assertThat(api.post("/api/v1/attribution", Map.of("from", "2026-10-10", "to", "2026-10-01")).json().get("field").asText()).isEqualTo("to");
        assertThat(api.post("/api/v1/attribution", Map.of("lookbackDays", 0)).json().get("field").asText()).isEqualTo("lookbackDays");
        assertThat(api.post("/api/v1/attribution", Map.of("valueProperty", "x'); DROP TABLE events; --")).json().get("field").asText())
                .isEqualTo("valueProperty");
        assertThat(api.post("/api/v1/attribution", Map.of("from", "2020-01-01", "to", "2026-01-01")).status()).isEqualTo(400);
    }

    @Test
    void anonymousTouchesCountForTheUserTheyAreStitchedTo() {
        var fresh = workspaces.create("stitch");
        long ws = fresh.id();
        warehouse.append(a -> {
            a.event(session(ws, null, "anon-x", "s1", "weibo", "2026-10-02T10:00"));
            a.event(session(ws, "user-x", "anon-y", "s2", "direct", "2026-10-03T10:00"));
            a.event(purchase(ws, "user-x", "anon-y", "s2", "direct", "2026-10-03T10:05", "88.00"));
        });
        Identities.link(warehouse, ws, "anon-x", "user-x", at("2026-10-03T09:00"));
        var r = new Api(port, fresh.token()).post("/api/v1/attribution", Map.of("from", "2026-10-01", "to", "2026-10-10",
                "models", List.of("first_touch")));
        assertThat(r.json().get("journeys").get("identityStitching").asText()).isEqualTo("identities");
        assertThat(channel(r.json().get("models").get("first_touch"), "weibo").get("conversions").asDouble()).isEqualTo(1);
        assertThat(r.json().get("journeys").get("nullPaths").asLong()).isZero();
    }

    @Test
    void exportIsAFileAndIsAudited() {
        var fresh = workspaces.create("export");
        seed(fresh.id());
        Api api = new Api(port, fresh.token());
        var csv = api.post("/api/v1/attribution/export?format=csv", OCTOBER);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFmodel,channel,conversions,value,cost,cpa,roas,roi,removal_effect");
        assertThat(csv.body()).contains("last_touch,baidu,1.0,300.00,150.00,150.00,2.00,1.0000,");
        var xlsx = api.post("/api/v1/attribution/export?format=xlsx", OCTOBER);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith("PK");
        JsonNode audit = api.get("/api/v1/audit?action=data.exported").json();
        assertThat(audit.get("total").asInt()).isEqualTo(2);
        assertThat(audit.get("items").get(0).get("target").asText()).isEqualTo("attribution");
        assertThat(audit.get("items").get(0).get("details").asText()).contains("format=xlsx").contains("from=2026-10-01");
        assertThat(api.post("/api/v1/attribution/export?format=pdf", OCTOBER).json().get("field").asText()).isEqualTo("format");
    }

    @Test
    void aViewerMayComputeButNotExport() {
        var viewer = workspaces.create("viewer", Role.VIEWER);
        Api api = new Api(port, viewer.token());
        assertThat(api.post("/api/v1/attribution", OCTOBER).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/attribution/export", OCTOBER).status()).isEqualTo(403);
    }
}
