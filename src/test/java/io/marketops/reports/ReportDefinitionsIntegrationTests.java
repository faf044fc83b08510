package io.marketops.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.workspace.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Report definitions over the API: defaults, every refusal naming its field, hidden robot keys, roles. */
@IntegrationTest
class ReportDefinitionsIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    TestWorkspaces.Fresh ws;
    Api api;

    @BeforeEach
    void workspace() {
        ws = workspaces.create("reports-definitions");
        api = new Api(port, ws.token());
    }

    @Test
    void aMonthlyReportDefaultsToTheCoreKpisAndThe1stAt9InShanghai() {
        var r = api.post("/api/v1/reports", Map.of("name", "月报", "frequency", "monthly"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode d = r.json();
        assertThat(d.get("metrics")).extracting(JsonNode::asText).containsExactly("uv", "orders", "gmv", "cost", "roas", "cvr", "aov", "new_users");
        assertThat(d.get("schedule").asText()).isEqualTo("0 9 1 * *");
        assertThat(d.get("language").asText()).isEqualTo("zh-CN");
        var next = Instant.parse(d.get("nextRunAt").asText()).atZone(ZoneId.of("Asia/Shanghai"));
        assertThat(next.getDayOfMonth()).isEqualTo(1);
        assertThat(next.getHour()).isEqualTo(9);
        assertThat(api.get("/api/v1/reports").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void badDefinitionsAreRefusedNamingTheField() {
        assertRefused(Map.of("name", "x", "frequency", "yearly"), "frequency");
        assertRefused(Map.of("name", "x", "frequency", "daily", "metrics", List.of("gmv", "nope")), "metrics[1]");
        assertRefused(Map.of("name", "x", "frequency", "daily", "breakdowns", List.of("device")), "breakdowns[0]");
        assertRefused(Map.of("name", "x", "frequency", "daily", "schedule", "every day"), "schedule");
        assertRefused(Map.of("name", "x", "frequency", "daily", "emails", List.of("not-an-address")), "emails[0]");
        assertRefused(Map.of("name", "x", "frequency", "daily", "robots", List.of(Map.of("kind", "slack", "url", "https://x.cn/"))), "robots[0].kind");
        assertRefused(Map.of("name", "x", "frequency", "daily", "robots", List.of(Map.of("kind", "wecom", "url", "ftp://x"))), "robots[0].url");
        assertRefused(Map.of("name", "x", "frequency", "daily", "metrics", List.of("gmv"), "targets", Map.of("gmv", -5)), "targets.gmv");
        assertRefused(Map.of("name", "", "frequency", "daily"), "name");
        assertThat(api.get("/api/v1/reports").json().get("total").asInt()).isZero();
    }

    void assertRefused(Object body, String field) {
        var r = api.post("/api/v1/reports", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asText()).isEqualTo(field);
    }

    @Test
    void robotKeysAndSecretsAreNeverShownAndSurviveAnUpdate() {
        var created = api.post("/api/v1/reports", Map.of("name", "日报", "frequency", "daily", "robots",
                List.of(Map.of("kind", "dingtalk", "url", "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef", "secret", "SECabc"))));
        JsonNode robot = created.json().get("robots").get(0);
        assertThat(robot.get("url").asText()).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=0123…");
        assertThat(robot.get("secretSet").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("SECabc").doesNotContain("0123456789abcdef");
        long id = created.json().get("id").asLong();
        var updated = api.put("/api/v1/reports/" + id, Map.of("name", "日报（新）", "frequency", "daily", "robots",
                List.of(Map.of("kind", "dingtalk", "url", robot.get("url").asText())), "enabled", false));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().at("/robots/0/secretSet").asBoolean()).isTrue();
        assertThat(updated.json().get("nextRunAt")).isNull();
        assertThat(api.delete("/api/v1/reports/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/reports/" + id).status()).isEqualTo(404);
    }

    @Test
    void viewersReadReportsButCannotDefineOrBuildThem() {
        long id = api.post("/api/v1/reports", Map.of("name", "周报", "frequency", "weekly")).json().get("id").asLong();
        Api viewer = new Api(port, workspaces.create("reports-viewer", Role.VIEWER).token());
        assertThat(viewer.post("/api/v1/reports", Map.of("name", "x", "frequency", "daily")).status()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/reports/" + id).status()).as("another workspace's report").isEqualTo(404);
        assertThat(api.post("/api/v1/reports/" + id + "/run", Map.of("period", "2026-W99")).json().get("field").asText()).isEqualTo("period");
    }
}
