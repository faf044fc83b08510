package io.marketops.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Attribution of a workspace's own events joined with its ad cost, over real HTTP on a fresh workspace. */
@IntegrationTest
class AttributionReportIntegrationTests {
    static final Map<String, Object> OCTOBER = Map.of("from", "2026-10-01", "to", "2026-10-10");

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;

    static JsonNode channel(JsonNode model, String name) {
        for (JsonNode c : model.get("channels")) if (c.get("channel").asText().equals(name)) return c;
        throw new AssertionError("no " + name + " in " + model);
    }

    @Test
    void everyConversionIsAttributedOrCountedAndJoinedWithCost() {
        var fresh = workspaces.create("report");
        AttributionFixtures.october(warehouse, fresh.id());
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
        AttributionFixtures.october(warehouse, fresh.id());
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
            a.event(AttributionFixtures.session(ws, null, "anon-x", "s1", "weibo", "2026-10-02T10:00"));
            a.event(AttributionFixtures.session(ws, "user-x", "anon-y", "s2", "direct", "2026-10-03T10:00"));
            a.event(AttributionFixtures.purchase(ws, "user-x", "anon-y", "s2", "direct", "2026-10-03T10:05", "88.00"));
        });
        Identities.link(warehouse, ws, "anon-x", "user-x", AttributionFixtures.at("2026-10-03T09:00"));
        var r = new Api(port, fresh.token()).post("/api/v1/attribution", Map.of("from", "2026-10-01", "to", "2026-10-10",
                "models", List.of("first_touch")));
        assertThat(r.json().get("journeys").get("identityStitching").asText()).isEqualTo("identities");
        assertThat(channel(r.json().get("models").get("first_touch"), "weibo").get("conversions").asDouble()).isEqualTo(1);
        assertThat(r.json().get("journeys").get("nullPaths").asLong()).isZero();
    }

    @Test
    void exportIsAFileAndIsAudited() {
        var fresh = workspaces.create("export");
        AttributionFixtures.october(warehouse, fresh.id());
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
