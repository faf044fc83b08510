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
}
