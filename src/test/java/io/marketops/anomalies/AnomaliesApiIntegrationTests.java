package io.marketops.anomalies;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The anomalies API over HTTP on a fresh workspace: 100 days of visitors, douyin down 80 % on one day. */
@IntegrationTest
class AnomaliesApiIntegrationTests {
    static final LocalDate FROM = LocalDate.of(2026, 7, 1), OUTAGE = LocalDate.of(2026, 9, 16);
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces testWorkspaces;
    @Autowired
    Warehouse warehouse;
    Api api;
    TestWorkspaces.Fresh ws;

    @BeforeEach
    void traffic() {
        ws = testWorkspaces.create("anomalies-api");
        warehouse.append(a -> Traffic.write(a, ws.id(), FROM, 100, 200, OUTAGE, 0.2));
        api = new Api(port, ws.token());
    }

    private static Map<String, String> range(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    @Test
    void detectFindsTheOutageOnTheTotalAndTheChannelWithTheChannelAsCause() {
        Api.Response r = api.post("/api/v1/anomalies/detect", range("2026-09-01", "2026-10-08"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode items = r.json().get("items");
        JsonNode total = find(items, "uv", null);
        assertThat(total).as(r.body()).isNotNull();
        assertThat(total.get("date").asText()).isEqualTo(OUTAGE.toString());
        assertThat(total.get("dimension").isNull()).isTrue();
        assertThat(total.get("actual").asDouble()).isLessThan(total.get("expected").asDouble());
        assertThat(total.get("severity").asText()).isIn("low", "medium", "high");
        JsonNode cause = total.get("causes").get(0);
        assertThat(cause.get("dimension").asText()).isEqualTo("channel");
        assertThat(cause.get("value").asText()).isEqualTo("douyin");
        assertThat(cause.get("explains").asDouble()).isBetween(0.67, 1.0);
        assertThat(cause.get("change").asDouble()).isBetween(-0.9, -0.7);
        assertThat(total.get("explanationEn").asText()).startsWith("UV −").contains("Douyin −").contains("of the drop");
        assertThat(total.get("explanationZh").asText()).startsWith("UV 较预期 −").contains("抖音 −");
        // without Accept-Language the answer speaks the default language, 简体中文
        assertThat(total.get("explanation").asText()).isEqualTo(total.get("explanationZh").asText());
        JsonNode slice = find(items, "uv", "douyin");
        assertThat(slice).isNotNull();
        assertThat(slice.get("dimension").get("name").asText()).isEqualTo("channel");
        assertThat(slice.get("causes").size()).isZero();
    }

    @Test
    void runningAgainReplacesTheRangeWithoutDuplicatesAndTheListShowsIt() {
        int first = api.post("/api/v1/anomalies/detect", range("2026-09-01", "2026-10-08")).json().get("found").asInt();
        int second = api.post("/api/v1/anomalies/detect", range("2026-09-01", "2026-10-08")).json().get("found").asInt();

        JsonNode list = api.get("/api/v1/anomalies?from=2026-09-01&to=2026-10-08&size=500").json();
        assertThat(first).isPositive().isEqualTo(second);
        assertThat(list.get("total").asInt()).isEqualTo(first);
        assertThat(list.get("items").size()).isEqualTo(first);
        assertThat(api.get("/api/v1/anomalies?from=2026-09-01&to=2026-10-08&metric=uv&dimension=total").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void theChartSeriesCarriesTheBandAndTheStoredAnomaly() {
        api.post("/api/v1/anomalies/detect", range("2026-09-10", "2026-09-20"));

        JsonNode s = api.get("/api/v1/anomalies/series?metric=uv&from=2026-09-01&to=2026-09-30").json();
        assertThat(s.get("points").size()).isEqualTo(30);
        JsonNode day = s.get("points").get(15);
        assertThat(day.get("date").asText()).isEqualTo(OUTAGE.toString());
        assertThat(day.get("actual").asDouble()).isLessThan(day.get("lower").asDouble());
        assertThat(day.get("upper").asDouble()).isGreaterThan(day.get("expected").asDouble());
        assertThat(s.get("anomalies").size()).isEqualTo(1);
        JsonNode holiday = s.get("points").get(24); // Mid-Autumn, named in the answer's language (default 简体中文)
        assertThat(holiday.get("date").asText()).isEqualTo("2026-09-25");
        assertThat(holiday.get("knownDay").asText()).isEqualTo("mid_autumn");
        assertThat(holiday.get("knownDayLabel").asText()).isEqualTo("中秋");
        JsonNode slice = api.get("/api/v1/anomalies/series?metric=uv&dimension=channel&value=douyin&from=2026-09-01&to=2026-09-30").json();
        assertThat(slice.get("anomalies").get(0).get("dimension").get("value").asText()).isEqualTo("douyin");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        assertField(api.post("/api/v1/anomalies/detect", Map.of("to", "2026-09-30")), "from");
        assertField(api.post("/api/v1/anomalies/detect", range("2026-13-01", "2026-09-30")), "from");
        assertField(api.post("/api/v1/anomalies/detect", range("2026-09-30", "2026-09-01")), "to");
        assertField(api.post("/api/v1/anomalies/detect", range("2026-09-01", LocalDate.now(Traffic.SHANGHAI).plusDays(1).toString())), "to");
        assertField(api.post("/api/v1/anomalies/detect", range("2024-01-01", "2026-09-01")), "to");
        assertField(api.get("/api/v1/anomalies?severity=urgent"), "severity");
        assertField(api.get("/api/v1/anomalies?sort=value"), "sort");
        assertField(api.get("/api/v1/anomalies/series?metric=bounce_rate"), "metric");
        assertField(api.get("/api/v1/anomalies/series?metric=orders&dimension=device&value=mobile"), "dimension");
        assertField(api.put("/api/v1/anomalies/settings", Map.of("sensitivity", "extreme", "minVolume", 50)), "sensitivity");
        assertField(api.put("/api/v1/anomalies/settings", Map.of("sensitivity", "high", "minVolume", -1)), "minVolume");
    }

    private static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().toString()).contains(field);
    }

    @Test
    void settingsApplyToTheNextDetection() {
        JsonNode before = api.get("/api/v1/anomalies/settings").json();
        assertThat(before.get("settings").get("sensitivity").asText()).isEqualTo("medium");
        assertThat(before.get("metrics").toString()).contains("\"uv\"", "\"cvr\"", "\"roas\"", "\"wau\"");

        Api.Response put = api.put("/api/v1/anomalies/settings", Map.of("sensitivity", "low", "minVolume", 500));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        // 200 visitors a day are now below the minimum volume: nothing is judged
        assertThat(api.post("/api/v1/anomalies/detect", range("2026-09-01", "2026-10-08")).json().get("found").asInt()).isZero();
        JsonNode after = api.get("/api/v1/anomalies/settings").json();
        assertThat(after.get("settings").get("minVolume").asInt()).isEqualTo(500);
        assertThat(after.get("lastRun").get("found").asInt()).isZero();
    }

    @Test
    void aViewerReadsButCannotRunDetection() {
        Api viewer = new Api(port, testWorkspaces.create("anomalies-viewer", Role.VIEWER).token());

        assertThat(viewer.get("/api/v1/anomalies").status()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/anomalies/detect", range("2026-09-01", "2026-09-02")).status()).isEqualTo(403);
        assertThat(viewer.put("/api/v1/anomalies/settings", Map.of("sensitivity", "low", "minVolume", 5)).status()).isEqualTo(403);
        assertThat(new Api(port, null).get("/api/v1/anomalies").status()).isEqualTo(401);
    }

    @Test
    void theEndpointsAreInTheOpenApiDescription() {
        String openapi = api.get("/api/v1/openapi.json").body();

        assertThat(openapi).contains("/api/v1/anomalies/detect", "/api/v1/anomalies/series", "/api/v1/anomalies/settings");
    }

    static JsonNode find(JsonNode items, String metric, String channel) {
        for (JsonNode i : items) {
            if (!i.get("metric").asText().equals(metric)) continue;
            JsonNode d = i.get("dimension");
            if (channel == null && (d == null || d.isNull())) return i;
            if (channel != null && d != null && !d.isNull() && d.get("name").asText().equals("channel") && d.get("value").asText().equals(channel)) return i;
        }
        return null;
    }
}
