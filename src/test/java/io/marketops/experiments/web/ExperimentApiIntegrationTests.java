package io.marketops.experiments.web;

import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.workspace.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry over HTTP: create, read, list, redesign, lifecycle with 409s, delete, roles and workspaces. */
@IntegrationTest
class ExperimentApiIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    Api api;

    @BeforeEach
    void workspace() {
        api = new Api(port, workspaces.create("experiments").token());
    }

    static Map<String, Object> design(String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("key", key);
        body.put("name", "封面测试 cover test");
        body.put("hypothesis", "A cover with the product in use gets more orders");
        body.put("variants", List.of(Map.of("key", "control", "name", "Current cover", "weight", 1),
                Map.of("key", "in-use", "name", "Product in use", "weight", 1)));
        body.put("primaryMetric", "orders");
        body.put("secondaryMetrics", List.of("gmv"));
        body.put("guardrailMetrics", List.of("uv"));
        return body;
    }

    @Test
    void createsADraftAndReadsItBack() {
        var created = api.post("/api/v1/experiments", design("cover-1"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var json = api.get("/api/v1/experiments/cover-1").json();
        assertThat(json.get("status").asText()).isEqualTo("draft");
        assertThat(json.get("name").asText()).isEqualTo("封面测试 cover test");
        assertThat(json.get("variants").get(1).get("key").asText()).isEqualTo("in-use");
        assertThat(json.get("guardrailMetrics").get(0).asText()).isEqualTo("uv");
        assertThat(json.get("owner").asText()).as("the caller by default").startsWith("token:");
    }

    @Test
    void sendingTheSameCreateTwiceKeepsOneExperiment() {
        assertThat(api.post("/api/v1/experiments", design("retry")).status()).isEqualTo(201);
        var again = api.post("/api/v1/experiments", design("retry"));
        assertThat(again.status()).isEqualTo(200);
        var changed = design("retry");
        changed.put("name", "something else");
        var conflict = api.post("/api/v1/experiments", changed);
        assertThat(conflict.status()).isEqualTo(400);
        assertThat(conflict.json().get("field").asText()).isEqualTo("key");
        assertThat(api.get("/api/v1/experiments?q=retry").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void unknownMetricsAndBadKeysAreRejectedNamingTheField() {
        var body = design("bad-metric");
        body.put("guardrailMetrics", List.of("uv", "happiness"));
        var r = api.post("/api/v1/experiments", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("guardrailMetrics[1]");
        assertThat(r.json().get("detail").asText()).contains("happiness");
        assertThat(api.post("/api/v1/experiments", design("Bad Key")).json().get("field").asText()).isEqualTo("key");
    }

    @Test
    void walksTheLifecycleAndAnswers409OutOfOrder() {
        api.post("/api/v1/experiments", design("life"));
        assertThat(api.post("/api/v1/experiments/life/stop", Map.of()).json().get("reason").asText()).isEqualTo("not_running");
        var started = api.post("/api/v1/experiments/life/start", Map.of());
        assertThat(started.json().get("status").asText()).isEqualTo("running");
        assertThat(started.json().get("startedAt").asText()).isNotBlank();
        var redesign = api.patch("/api/v1/experiments/life", design("life"));
        assertThat(redesign.status()).isEqualTo(409);
        assertThat(redesign.json().get("reason").asText()).isEqualTo("not_a_draft");
        assertThat(api.delete("/api/v1/experiments/life").status()).isEqualTo(409);
        var early = api.post("/api/v1/experiments/life/decide", Map.of("decision", "ship", "shippedVariant", "in-use", "reason", "looks good"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        api.post("/api/v1/experiments/life/stop", Map.of());
        var decided = api.post("/api/v1/experiments/life/decide", Map.of("decision", "ship", "shippedVariant", "in-use", "reason", "orders +7%, p=0.01"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("decision").asText()).isEqualTo("ship");
        assertThat(decided.json().get("decisionReason").asText()).isEqualTo("orders +7%, p=0.01");
        var badDecision = api.post("/api/v1/experiments/life/decide", Map.of("decision", "maybe", "reason", "x"));
        assertThat(badDecision.json().get("field").asText()).isEqualTo("decision");
    }

    @Test
    void redesignsAndDeletesDrafts() {
        api.post("/api/v1/experiments", design("draft-edit"));
        var body = design("draft-edit");
        body.put("variants", List.of(Map.of("key", "control", "weight", 2), Map.of("key", "b", "weight", 1), Map.of("key", "c", "weight", 1)));
        var r = api.patch("/api/v1/experiments/draft-edit", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("variants").size()).isEqualTo(3);
        assertThat(api.delete("/api/v1/experiments/draft-edit").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/experiments/draft-edit").status()).isEqualTo(404);
    }

    @Test
    void listsWithStatusFilterPagingAndSort() {
        for (int i = 0; i < 3; i++) api.post("/api/v1/experiments", design("list-" + i));
        api.post("/api/v1/experiments/list-1/start", Map.of());
        var running = api.get("/api/v1/experiments?status=running").json();
        assertThat(running.get("total").asLong()).isEqualTo(1);
        assertThat(running.get("items").get(0).get("key").asText()).isEqualTo("list-1");
        var page = api.get("/api/v1/experiments?size=2&sort=key,asc").json();
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("key").asText()).isEqualTo("list-0");
        assertThat(api.get("/api/v1/experiments?status=paused").json().get("field").asText()).isEqualTo("status");
        assertThat(api.get("/api/v1/experiments?sort=owner").json().get("field").asText()).isEqualTo("sort");
    }

    @Test
    void viewersMayReadButNotChangeAndOtherWorkspacesSeeNothing() {
        api.post("/api/v1/experiments", design("guarded"));
        var other = new Api(port, workspaces.create("other").token());
        assertThat(other.get("/api/v1/experiments/guarded").status()).isEqualTo(404);
        var viewer = new Api(port, workspaces.create("viewer", Role.VIEWER).token());
        assertThat(viewer.get("/api/v1/experiments").status()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/experiments", design("nope")).status()).isEqualTo(403);
    }
}
