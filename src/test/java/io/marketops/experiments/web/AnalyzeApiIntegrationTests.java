package io.marketops.experiments.web;

import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.workspace.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code POST /api/v1/experiments/analyze} and {@code /sample-size} over real HTTP. */
@IntegrationTest
class AnalyzeApiIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    Api api;

    @BeforeEach
    void workspace() {
        api = new Api(port, workspaces.create("analyze").token());
    }

    static Map<String, Object> variant(String name, long users, double sum, Double squares) {
        return squares == null ? Map.of("name", name, "users", users, "sum", sum) : Map.of("name", name, "users", users, "sum", sum, "sumSquares", squares);
    }

    @Test
    void binomialAnswerHasTheDocumentedShape() {
        var r = api.post("/api/v1/experiments/analyze", Map.of("metricType", "binomial", "engine", "frequentist",
                "variants", List.of(variant("control", 1000, 120, 120.0), variant("b", 1010, 141, null))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var json = r.json();
        assertThat(json.get("srmPValue").asDouble()).isBetween(0.0, 1.0);
        var control = json.get("variants").get(0);
        assertThat(control.get("mean").asDouble()).isCloseTo(0.12, within(1e-12));
        assertThat(control.get("stdDev").asDouble()).isCloseTo(Math.sqrt(0.12 * 0.88), within(1e-12));
        assertThat(control.has("relativeLift")).isFalse();
        var lift = json.get("variants").get(1).get("relativeLift");
        for (String f : List.of("estimate", "ciLow", "ciHigh", "pValue", "chanceToWin")) assertThat(lift.get(f).isNumber()).as(f).isTrue();
        assertThat(lift.get("risk").size()).isEqualTo(2);
        assertThat(lift.get("estimate").asDouble()).isCloseTo((141.0 / 1010 - 0.12) / 0.12, within(1e-12));
        assertThat(json.get("variants").get(1).get("absoluteLift").get("estimate").asDouble()).isCloseTo(141.0 / 1010 - 0.12, within(1e-12));
    }

    @Test
    void meanMetricReproducesGbstatsAndSequentialWidensTheInterval() {
        var variants = List.of(variant("control", 3407, 1396.87, 52377.9767), variant("b", 3461, 2422.7, 134698.29));
        var fixed = api.post("/api/v1/experiments/analyze", Map.of("metricType", "mean", "variants", variants)).json();
        var lift = fixed.get("variants").get(1).get("relativeLift");
        assertThat(lift.get("pValue").asDouble()).isCloseTo(0.06191, within(1e-5));
        assertThat(lift.get("ciLow").asDouble()).isCloseTo(-0.03526, within(1e-5));
        var seq = api.post("/api/v1/experiments/analyze", Map.of("metricType", "mean", "sequential", true, "sequentialTuning", 1000,
                "variants", variants)).json().get("variants").get(1).get("relativeLift");
        assertThat(seq.get("ciLow").asDouble()).isLessThan(lift.get("ciLow").asDouble());
    }

    @Test
    void oneSidedTestAnswersNullForTheOpenBound() {
        var r = api.post("/api/v1/experiments/analyze", Map.of("metricType", "binomial", "alternative", "greater",
                "variants", List.of(variant("control", 1000, 100, null), variant("b", 1000, 130, null))));
        var lift = r.json().get("variants").get(1).get("absoluteLift");
        assertThat(lift.has("ciHigh")).isTrue();
        assertThat(lift.get("ciHigh").isNull()).isTrue();
        assertThat(lift.get("ciLow").isNumber()).isTrue();
    }

    @Test
    void properPriorAndCupedAreAccepted() {
        var body = Map.of("metricType", "mean", "engine", "bayesian", "prior", Map.of("mean", 0, "stdDev", 0.3),
                "cuped", Map.of("pre", List.of(Map.of("sum", 16.87, "sumSquares", 527.9767, "sumProducts", 12525),
                        Map.of("sum", 22.7, "sumSquares", 1348.29, "sumProducts", 3333))),
                "variants", List.of(variant("control", 3000, 1396.87, 52377.9767), variant("b", 3461, 2422.7, 134698.29)));
        var r = api.post("/api/v1/experiments/analyze", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("variants").get(0).get("adjustedMean").isNumber()).isTrue();
    }

    @Test
    void impossibleInputIsRejectedNamingTheField() {
        var tooMany = api.post("/api/v1/experiments/analyze", Map.of("metricType", "binomial",
                "variants", List.of(variant("control", 100, 120, null), variant("b", 100, 10, null))));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("field").asText()).isEqualTo("variants[0].sum");

        var noSquares = api.post("/api/v1/experiments/analyze", Map.of("metricType", "mean",
                "variants", List.of(variant("control", 100, 120, null), variant("b", 100, 10, 50.0))));
        assertThat(noSquares.json().get("field").asText()).isEqualTo("variants[0].sumSquares");

        var badType = api.post("/api/v1/experiments/analyze", Map.of("metricType", "ratio",
                "variants", List.of(variant("control", 100, 12, null), variant("b", 100, 10, null))));
        assertThat(badType.json().get("field").asText()).isEqualTo("metricType");
        assertThat(badType.json().get("detail").asText()).contains("binomial, mean");

        var weights = api.post("/api/v1/experiments/analyze", Map.of("metricType", "binomial", "weights", List.of(1),
                "variants", List.of(variant("control", 100, 12, null), variant("b", 100, 10, null))));
        assertThat(weights.json().get("field").asText()).isEqualTo("weights");

        var prior = api.post("/api/v1/experiments/analyze", Map.of("metricType", "binomial", "prior", Map.of("mean", 0, "stdDev", 0),
                "variants", List.of(variant("control", 100, 12, null), variant("b", 100, 10, null))));
        assertThat(prior.json().get("field").asText()).isEqualTo("prior.stdDev");
    }

    @Test
    void sampleSizeAnswersUsersAndDays() {
        var r = api.post("/api/v1/experiments/sample-size", Map.of("metricType", "binomial", "baselineMean", 0.05,
                "relativeLift", 0.1, "dailyUsers", 5000));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long perVariant = r.json().get("usersPerVariant").asLong();
        assertThat(perVariant).isBetween(20_000L, 40_000L);
        assertThat(r.json().get("days").asLong()).isEqualTo((long) Math.ceil(perVariant * 2 / 5000.0));
        var bad = api.post("/api/v1/experiments/sample-size", Map.of("metricType", "binomial", "baselineMean", 5, "relativeLift", 0.1));
        assertThat(bad.json().get("field").asText()).isEqualTo("baselineMean");
    }

    @Test
    void needsATokenAndARoleThatMayReadMetrics() {
        var body = Map.of("metricType", "binomial", "variants", List.of(variant("control", 100, 12, null), variant("b", 100, 10, null)));
        assertThat(new Api(port, null).post("/api/v1/experiments/analyze", body).status()).isEqualTo(401);
        var salesRep = new Api(port, workspaces.create("analyze-sales", Role.SALES_REP).token());
        assertThat(salesRep.post("/api/v1/experiments/analyze", body).status()).isEqualTo(403);
    }
}
