package io.marketops.experiments.web;

import io.marketops.experiments.Bucketing;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.workspace.Role;
import io.marketops.workspace.internal.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Assignment and exposures over HTTP: deterministic, counted once, control outside a run. */
@IntegrationTest
class AssignmentApiIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiTokens tokens;
    Api api;
    TestWorkspaces.Fresh ws;

    @BeforeEach
    void runningExperiment() {
        ws = workspaces.create("assign");
        api = new Api(port, ws.token());
        var body = ExperimentApiIntegrationTests.design("landing");
        api.post("/api/v1/experiments", body);
        api.post("/api/v1/experiments/landing/start", Map.of());
    }

    String variant(String user) {
        var r = api.get("/api/v1/experiments/landing/assignment?userId=" + user);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("variant").asText();
    }

    @Test
    void theVariantIsTheHashOfKeyAndUserAndNeverChanges() {
        for (String user : List.of("u1", "u2", "anon-7f3a", "13800000000")) {
            String expected = List.of("control", "in-use").get(Bucketing.variantIndex("landing", user, new double[]{1, 1}));
            assertThat(variant(user)).isEqualTo(expected);
            assertThat(variant(user)).as("asking again").isEqualTo(expected);
        }
    }

    @Test
    void theFirstExposureIsRecordedOnceAndCounted() {
        var first = api.get("/api/v1/experiments/landing/assignment?userId=u1").json();
        assertThat(first.get("exposureRecorded").asBoolean()).isTrue();
        assertThat(first.get("inExperiment").asBoolean()).isTrue();
        var again = api.get("/api/v1/experiments/landing/assignment?userId=u1").json();
        assertThat(again.get("exposureRecorded").asBoolean()).isFalse();
        api.get("/api/v1/experiments/landing/assignment?userId=u2&expose=false");
        for (int i = 0; i < 40; i++) variant("user-" + i);
        var exposures = api.get("/api/v1/experiments/landing/exposures").json();
        assertThat(exposures.get("total").asLong()).as("u1 once, u2 not exposed, 40 more").isEqualTo(41);
        long control = exposures.get("users").get("control").asLong(), treatment = exposures.get("users").get("in-use").asLong();
        assertThat(control + treatment).isEqualTo(41);
        assertThat(exposures.get("srmPValue").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void outsideTheRunEveryoneGetsTheControlThenTheShippedVariant() {
        api.post("/api/v1/experiments/landing/stop", Map.of());
        var stopped = api.get("/api/v1/experiments/landing/assignment?userId=u1").json();
        assertThat(stopped.get("variant").asText()).isEqualTo("control");
        assertThat(stopped.get("inExperiment").asBoolean()).isFalse();
        assertThat(stopped.get("exposureRecorded").asBoolean()).isFalse();
        api.post("/api/v1/experiments/landing/decide", Map.of("decision", "ship", "shippedVariant", "in-use", "reason", "won"));
        assertThat(variant("u1")).isEqualTo("in-use");
        assertThat(api.get("/api/v1/experiments/landing/exposures").json().get("total").asLong()).isZero();
    }

    @Test
    void aSiteTokenMayAskForAssignmentsButReadNothing() {
        String site = tokens.create(ws.workspace().id(), "website", Role.EXPERIMENT_CLIENT, "test", null).secret();
        var siteApi = new Api(port, site);
        assertThat(siteApi.get("/api/v1/experiments/landing/assignment?userId=u9").status()).isEqualTo(200);
        assertThat(siteApi.get("/api/v1/experiments").status()).isEqualTo(403);
        assertThat(siteApi.get("/api/v1/experiments/landing/exposures").status()).isEqualTo(403);
    }

    @Test
    void aMissingUserOrExperimentIsAClearError() {
        var noUser = api.get("/api/v1/experiments/landing/assignment");
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.json().get("field").asText()).isEqualTo("userId");
        assertThat(api.get("/api/v1/experiments/nope/assignment?userId=u1").status()).isEqualTo(404);
    }

    static String attributes(String json) {
        return "&attributes=" + java.net.URLEncoder.encode(json, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void targetingAndCoverageDecideWhoEntersAndOnlyThoseAreExposed() {
        var body = ExperimentApiIntegrationTests.design("city-offer");
        body.put("coverage", 0.5);
        body.put("targeting", Map.of("city", List.of("上海", "杭州")));
        var created = api.post("/api/v1/experiments", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("coverage").asDouble()).isEqualTo(0.5);
        assertThat(created.json().get("targeting").get("city").get(1).asText()).isEqualTo("杭州");
        assertThat(created.json().get("prePeriodDays").asInt()).isEqualTo(14);
        api.post("/api/v1/experiments/city-offer/start", Map.of());

        var beijing = api.get("/api/v1/experiments/city-offer/assignment?userId=u1" + attributes("{\"city\":\"北京\"}")).json();
        assertThat(beijing.get("inExperiment").asBoolean()).isFalse();
        assertThat(beijing.get("reason").asText()).isEqualTo("not_targeted");
        assertThat(beijing.get("variant").asText()).isEqualTo("control");
        assertThat(api.get("/api/v1/experiments/city-offer/assignment?userId=u1").json().get("reason").asText())
                .as("no attributes: not targeted").isEqualTo("not_targeted");

        double[][] ranges = Bucketing.ranges(new double[]{0.5, 0.5}, 0.5);
        long expectedIn = 0;
        for (int i = 0; i < 200; i++) {
            String user = "sh-" + i;
            int index = Bucketing.choose(Bucketing.bucket("city-offer", user), ranges);
            var a = api.get("/api/v1/experiments/city-offer/assignment?userId=" + user + attributes("{\"city\":\"上海\",\"plan\":\"vip\"}")).json();
            assertThat(a.get("inExperiment").asBoolean()).as(user).isEqualTo(index >= 0);
            if (index >= 0) {
                expectedIn++;
                assertThat(a.get("variant").asText()).isEqualTo(List.of("control", "in-use").get(index));
            } else {
                assertThat(a.get("reason").asText()).isEqualTo("outside_coverage");
                assertThat(a.get("variant").asText()).isEqualTo("control");
            }
        }
        assertThat(expectedIn).as("about half the traffic").isBetween(70L, 130L);
        assertThat(api.get("/api/v1/experiments/city-offer/exposures").json().get("total").asLong()).isEqualTo(expectedIn);
    }

    @Test
    void badTargetingCoverageOrAttributesAreClearErrors() {
        var notJson = api.get("/api/v1/experiments/landing/assignment?userId=u1&attributes=city%3D1");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("field").asText()).isEqualTo("attributes");
        var nested = api.get("/api/v1/experiments/landing/assignment?userId=u1" + attributes("{\"city\":{\"a\":1}}"));
        assertThat(nested.json().get("field").asText()).isEqualTo("attributes.city");
        var body = ExperimentApiIntegrationTests.design("bad-design");
        body.put("coverage", 1.5);
        assertThat(api.post("/api/v1/experiments", body).json().get("field").asText()).isEqualTo("coverage");
        body.put("coverage", 1);
        body.put("targeting", Map.of("city", List.of()));
        assertThat(api.post("/api/v1/experiments", body).json().get("field").asText()).isEqualTo("targeting.city");
        body.remove("targeting");
        body.put("prePeriodDays", 400);
        assertThat(api.post("/api/v1/experiments", body).json().get("field").asText()).isEqualTo("prePeriodDays");
    }

    @Test
    void withoutConfiguredOriginsNoOtherSiteMayCallTheAssignment() throws Exception {
        var preflight = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/experiments/landing/assignment?userId=u1"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example.cn").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build();
        var answer = java.net.http.HttpClient.newHttpClient().send(preflight, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as("the browser refuses without it").isEmpty();
    }
}
