package io.marketops.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics API over HTTP on a fresh workspace: query shape, validation answers, custom metrics, funnels, retention, paths. */
@IntegrationTest
class MetricsApiIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;
    TestWorkspaces.Fresh ws;
    Api api;

    static EventRow event(long ws, String type, String name, String user, String utc, String channel, String properties) {
        Instant ts = Instant.parse(utc);
        return new EventRow(ws, UUID.randomUUID().toString(), type, name, user, null, ts, ts, null, channel, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, properties, null, null);
    }

    @BeforeEach
    void seed() {
        ws = workspaces.create("metrics-api");
        api = new Api(port, ws.token());
        long id = ws.id();
        warehouse.append(a -> {
            // 10-10 23:30 and 10-11 00:30 in Shanghai: two local days, one visitor each day
            a.event(event(id, "page", "home", "v1", "2026-10-10T15:30:00Z", "douyin", null));
            a.event(event(id, "page", "home", "v1", "2026-10-10T16:30:00Z", "douyin", null));
            a.event(event(id, "page", "home", "v2", "2026-10-11T02:00:00Z", "wechat", null));
            a.event(event(id, "track", "sign_up", "v1", "2026-10-11T03:00:00Z", "douyin", "{\"plan\":\"pro\",\"amount\":30}"));
            a.event(event(id, "track", "sign_up", "v2", "2026-10-11T04:00:00Z", "wechat", "{\"plan\":\"free\",\"amount\":0}"));
            a.event(event(id, "track", "purchase", "v1", "2026-10-11T05:00:00Z", "douyin", "{\"amount\":99.5}"));
        });
    }

    @Test
    void answersMetricsPerLocalDayWithDimensionsAsFields() {
        Api.Response r = api.post("/api/v1/metrics/query", Map.of("metrics", List.of("uv", "pv"), "from", "2026-10-10", "to", "2026-10-11",
                "granularity", "day", "dimensions", List.of("channel"), "compare", "previous_period"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode rows = r.json().get("rows");
        // 10-10: v1 (douyin); 10-11: v1 (douyin, 00:30 local) and v2 (wechat)
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("period").asText()).isEqualTo("2026-10-10");
        assertThat(rows.get(0).get("channel").asText()).isEqualTo("douyin");
        assertThat(rows.get(0).get("values").get("uv").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("compare").get("uv").get("value").asInt()).isZero();
        assertThat(rows.get(2).get("channel").asText()).isEqualTo("wechat");
    }

    /** UV and PV read the daily activity rollup; the warehouse's EventsAppended makes the next answer include new events. */
    @Test
    void eventsAppendedAfterAnAnswerAreCountedInTheNextOne() {
        Map<String, Object> q = Map.of("metrics", List.of("uv", "pv"), "from", "2026-10-11", "to", "2026-10-11", "granularity", "total");
        JsonNode before = api.post("/api/v1/metrics/query", q).json().get("rows").get(0).get("values");
        assertThat(before.get("uv").asInt()).isEqualTo(2);
        warehouse.append(a -> a.event(event(ws.id(), "page", "home", "v3", "2026-10-11T09:00:00Z", "weibo", null)));
        JsonNode after = api.post("/api/v1/metrics/query", q).json().get("rows").get(0).get("values");
        assertThat(after.get("uv").asInt()).isEqualTo(3);
        assertThat(after.get("pv").asInt()).isEqualTo(before.get("pv").asInt() + 1);
    }

    @Test
    void refusesUnknownMetricsAndInvertedRangesWithProblemDetails() {
        Api.Response unknown = api.post("/api/v1/metrics/query", Map.of("metrics", List.of("no_such_metric"), "from", "2026-10-10", "to", "2026-10-13"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).contains("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).contains("no_such_metric");
        assertThat(unknown.json().get("field").asText()).isEqualTo("metrics[0]");
        Api.Response inverted = api.post("/api/v1/funnels", Map.of("steps", List.of(Map.of("event", "sign_up")), "window", "P7D", "from", "2026-10-31", "to", "2026-10-01"));
        assertThat(inverted.status()).isEqualTo(400);
        assertThat(inverted.contentType()).contains("json");
        assertThat(inverted.json().get("field").asText()).isEqualTo("to");
        Api.Response badDate = api.post("/api/v1/metrics/query", Map.of("metrics", List.of("uv"), "from", "2026-13-01", "to", "2026-10-13"));
        assertThat(badDate.json().get("detail").asText()).isEqualTo("from: '2026-13-01' is not a date; use yyyy-MM-dd, e.g. 2026-10-01");
        Api.Response granularity = api.post("/api/v1/metrics/query", Map.of("metrics", List.of("uv"), "from", "2026-10-01", "to", "2026-10-13", "granularity", "hour"));
        assertThat(granularity.json().get("field").asText()).isEqualTo("granularity");
    }

    @Test
    void customMetricsAreDefinedOnceAndQueriedLikeBuiltIns() {
        Api.Response created = api.post("/api/v1/metrics/custom", Map.of("id", "pro_signup_share", "nameEn", "Pro share of sign-ups", "nameZh", "专业版注册占比",
                "numerator", Map.of("aggregation", "count", "event", "sign_up", "filters", List.of(Map.of("property", "plan", "op", "eq", "value", "pro"))),
                "denominator", Map.of("aggregation", "count", "event", "sign_up")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        api.post("/api/v1/metrics/custom", Map.of("id", "purchase_amount", "nameEn", "Purchase amount", "unit", "currency",
                "numerator", Map.of("aggregation", "sum", "event", "purchase", "property", "amount")));
        assertThat(api.get("/api/v1/metrics").json().get("items").findValuesAsText("id")).contains("uv", "roas", "pro_signup_share", "purchase_amount");
        Api.Response r = api.post("/api/v1/metrics/query", Map.of("metrics", List.of("pro_signup_share", "purchase_amount"), "from", "2026-10-11", "to", "2026-10-11"));
        assertThat(r.json().get("rows").get(0).get("values").get("pro_signup_share").asDouble()).isEqualTo(0.5);
        assertThat(r.json().get("rows").get(0).get("values").get("purchase_amount").decimalValue()).isEqualByComparingTo("99.50");
        Api.Response clash = api.post("/api/v1/metrics/custom", Map.of("id", "uv", "nameEn", "x", "numerator", Map.of("aggregation", "count", "event", "e")));
        assertThat(clash.json().get("detail").asText()).contains("'uv' is a built-in metric");
        assertThat(api.as(workspaces.create("viewer", Role.VIEWER).token()).post("/api/v1/metrics/custom", Map.of("id", "x")).status()).isEqualTo(403);
    }

    @Test
    void funnelRetentionAndPathsAnswerOverHttp() {
        Api.Response f = api.post("/api/v1/funnels", Map.of("steps", List.of(Map.of("event", "sign_up"), Map.of("event", "purchase")),
                "window", "P7D", "from", "2026-10-01", "to", "2026-10-31", "order", "strict", "breakdown", "channel"));
        assertThat(f.status()).as(f.body()).isEqualTo(200);
        assertThat(f.json().get("steps").findValuesAsText("users")).containsExactly("2", "1");
        assertThat(f.json().get("breakdown")).hasSize(2);
        Api.Response dropped = api.post("/api/v1/funnels/dropped", Map.of("funnel", Map.of("steps", List.of(Map.of("event", "sign_up"), Map.of("event", "purchase")),
                "window", "P7D", "from", "2026-10-01", "to", "2026-10-31"), "step", 2));
        assertThat(dropped.json().get("items").findValuesAsText("person")).containsExactly("v2");
        Api.Response saved = api.post("/api/v1/funnels/dropped/cohorts", Map.of("name", "signed up, no purchase", "funnel", Map.of("steps",
                List.of(Map.of("event", "sign_up"), Map.of("event", "purchase")), "window", "P7D", "from", "2026-10-01", "to", "2026-10-31"), "step", 2));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/cohorts/" + saved.json().get("id").asLong() + "/members").json().get("items").get(0).asText()).isEqualTo("v2");
        Api.Response csv = api.post("/api/v1/funnels/dropped/export", Map.of("funnel", Map.of("steps", List.of(Map.of("event", "sign_up"), Map.of("event", "purchase")),
                "window", "P7D", "from", "2026-10-01", "to", "2026-10-31"), "step", 2));
        assertThat(csv.body()).contains("person,entered_at").contains("v2,2026-10-11T04:00:00Z");
        Api.Response ret = api.post("/api/v1/retention", Map.of("from", "2026-10-10", "to", "2026-10-10", "granularity", "day", "periods", 1));
        // v1 first seen 10-10 (local), active again 10-11 → classic day 1 = 1 of 1
        assertThat(ret.json().get("cohorts").get(0).get("periods").get(1).get("classicRate").asDouble()).isEqualTo(1.0);
        Api.Response paths = api.post("/api/v1/paths", Map.of("event", "sign_up", "from", "2026-10-11", "to", "2026-10-11", "window", "PT6H"));
        assertThat(paths.json().get("topPaths").get(0).get("events").get(0).asText()).isEqualTo("purchase");
        List<String> problems = new ArrayList<>();
        for (var body : List.of(Map.of("event", "sign_up", "from", "2026-10-11", "to", "2026-10-11", "window", "7 days"),
                Map.of("from", "2026-10-11", "to", "2026-10-11"))) {
            problems.add(api.post("/api/v1/paths", body).json().get("field").asText());
        }
        assertThat(problems).containsExactly("window", "event");
    }

    /** Built-in dimensions with both names, and the property keys of the last 30 days by frequency (October's plan/amount are too old). */
    @Test
    void listsDimensionsAndThePropertiesOfTheLast30Days() {
        long id = ws.id();
        Instant recent = Instant.now().minus(java.time.Duration.ofDays(2));
        warehouse.append(a -> {
            for (int k = 0; k < 3; k++) a.event(event(id, "track", "view_item", "r" + k, recent.toString(), "douyin", "{\"sku\":\"s" + k + "\",\"coupon\":\"c\"}"));
            a.event(event(id, "track", "view_item", "r9", recent.toString(), "douyin", "{\"sku\":\"s9\",\"bad name!\":1}"));
        });
        Api.Response r = api.get("/api/v1/metrics/dimensions");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode dims = r.json().get("dimensions");
        assertThat(dims.findValuesAsText("id")).startsWith("channel").contains("content", "type", "device", "event");
        JsonNode channel = dims.get(0);
        assertThat(channel.get("nameEn").asText()).isEqualTo("Channel");
        assertThat(channel.get("nameZh").asText()).isEqualTo("渠道");
        JsonNode props = r.json().get("properties");
        assertThat(props.findValuesAsText("name")).as("most frequent first; old and invalid names left out").containsExactly("sku", "coupon");
        assertThat(props.get(0).get("events").asLong()).isEqualTo(4);
        assertThat(props.get(0).get("field").asText()).isEqualTo("properties.sku");
        assertThat(r.json().get("propertiesSince").asText()).isNotBlank();
        // the suggested field is accepted by a query
        Api.Response q = api.post("/api/v1/metrics/query", Map.of("metrics", List.of("pv"), "from", "2026-10-10", "to", "2026-10-11",
                "dimensions", List.of(props.get(0).get("field").asText())));
        assertThat(q.status()).as(q.body()).isEqualTo(200);
    }

    /** Custom metrics, dashboards, saved cohorts and their members page like every list ({items,page,size,total}) and search by name. */
    @Test
    void listsPageAndSearchByName() {
        for (String[] m : new String[][]{{"pro_signups", "Pro sign-ups", "专业版注册"}, {"free_signups", "Free sign-ups", "免费版注册"}, {"buys", "Purchases", "购买次数"}}) {
            assertThat(api.post("/api/v1/metrics/custom", Map.of("id", m[0], "nameEn", m[1], "nameZh", m[2],
                    "numerator", Map.of("aggregation", "count", "event", "sign_up"))).status()).isEqualTo(201);
        }
        JsonNode custom = api.get("/api/v1/metrics/custom?size=2").json();
        assertThat(custom.get("items").findValuesAsText("id")).containsExactly("buys", "free_signups");
        assertThat(custom.get("total").asLong()).isEqualTo(3);
        assertThat(custom.get("size").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/metrics/custom?size=2&page=2").json().get("items").findValuesAsText("id")).containsExactly("pro_signups");
        assertThat(api.get("/api/v1/metrics/custom?q=SIGN-UPS").json().get("items").findValuesAsText("id")).containsExactly("free_signups", "pro_signups");
        assertThat(api.get("/api/v1/metrics/custom?q=" + java.net.URLEncoder.encode("购买", java.nio.charset.StandardCharsets.UTF_8)).json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/metrics/custom").json().get("size").asInt()).as("default page size").isEqualTo(50);

        for (String name : List.of("周报", "月报", "Weekly 100%")) api.post("/api/v1/dashboards", Map.of("name", name));
        JsonNode dashboards = api.get("/api/v1/dashboards?size=1&page=3").json();
        assertThat(dashboards.get("total").asLong()).isEqualTo(3);
        assertThat(dashboards.get("items")).hasSize(1);
        assertThat(api.get("/api/v1/dashboards?q=weekly").json().get("items").findValuesAsText("name")).containsExactly("Weekly 100%");
        assertThat(api.get("/api/v1/dashboards?q=%25").json().get("items").findValuesAsText("name")).as("% is searched literally").containsExactly("Weekly 100%");

        Map<String, Object> funnel = Map.of("steps", List.of(Map.of("event", "home"), Map.of("event", "never_sent")), "window", "P7D", "from", "2026-10-01", "to", "2026-10-31");
        long all = api.post("/api/v1/funnels/dropped/cohorts", Map.of("name", "看过首页", "funnel", funnel, "step", 2)).json().get("id").asLong();
        api.post("/api/v1/funnels/dropped/cohorts", Map.of("name", "other", "funnel", funnel, "step", 2));
        JsonNode cohorts = api.get("/api/v1/cohorts?size=1").json();
        assertThat(cohorts.get("total").asLong()).isEqualTo(2);
        assertThat(cohorts.get("items").findValuesAsText("name")).as("newest first").containsExactly("other");
        assertThat(api.get("/api/v1/cohorts?q=" + java.net.URLEncoder.encode("首页", java.nio.charset.StandardCharsets.UTF_8)).json().get("items").findValuesAsText("id"))
                .containsExactly(String.valueOf(all));
        JsonNode members = api.get("/api/v1/cohorts/" + all + "/members?size=1&page=2").json();
        assertThat(members.get("total").asLong()).isEqualTo(2);
        assertThat(members.get("items")).hasSize(1);
        assertThat(members.get("items").get(0).asText()).isEqualTo("v2");

        Api.Response tooBig = api.get("/api/v1/cohorts/" + all + "/members?size=501");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("field").asText()).isEqualTo("size");
        assertThat(api.get("/api/v1/dashboards?page=0").json().get("field").asText()).isEqualTo("page");
    }

    /** The new endpoint and the list parameters are in the OpenAPI description. */
    @Test
    void dimensionsAndListPagingAreDocumentedInOpenApi() {
        JsonNode paths = api.get("/api/v1/openapi.json").json().get("paths");
        assertThat(paths.has("/api/v1/metrics/dimensions")).isTrue();
        for (String list : List.of("/api/v1/metrics/custom", "/api/v1/dashboards", "/api/v1/cohorts", "/api/v1/cohorts/{id}/members")) {
            JsonNode params = paths.get(list).get("get").get("parameters");
            assertThat(params.findValuesAsText("name")).as(list).contains("page", "size");
            assertThat(params.toString()).as(list).contains("1 to 500 (default 50)");
            if (!list.endsWith("members")) assertThat(params.findValuesAsText("name")).as(list).contains("q");
        }
    }
}
