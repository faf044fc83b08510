package io.marketops.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Analysts bring their own path table: JSON, CSV body or file upload, over real HTTP. */
@IntegrationTest
class AttributionPathsIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;

    Api api() {
        return new Api(port, workspaces.create("paths").token());
    }

    @Test
    void jsonPathTableGetsEveryModelAndEachHandsOutAllConversions() {
        JsonNode r = api().post("/api/v1/attribution/paths", Map.of("paths", List.of(
                Map.of("path", "a > b", "conversions", 3, "value", 30, "nulls", 1),
                Map.of("path", "a > c", "conversions", 1, "value", 10.5, "nulls", 1)))).json();
        assertThat(r.get("totals").get("conversions").asLong()).isEqualTo(4);
        JsonNode models = r.get("models");
        assertThat(models.fieldNames()).toIterable().containsExactly("first_touch", "last_touch", "last_non_direct", "linear",
                "time_decay", "position_based", "markov", "shapley");
        for (JsonNode m : models) {
            double sum = 0, value = 0;
            for (JsonNode c : m.get("channels")) {
                sum += c.get("conversions").asDouble();
                value += c.get("value").asDouble();
            }
            assertThat(sum).isCloseTo(4, within(1e-9));
            assertThat(value).isCloseTo(40.5, within(1e-9));
        }
        JsonNode markov = models.get("markov");
        assertThat(markov.get("removalEffects").get("b").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(markov.get("transitions").get("a").get("b").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(markov.get("solver").asText()).isEqualTo("dense-lu");
        assertThat(models.get("shapley").get("method").asText()).isEqualTo("exact");
    }

    @Test
    void onlyTheRequestedModelsWithTheRequestedOrder() {
        JsonNode r = api().post("/api/v1/attribution/paths", Map.of(
                "paths", List.of(Map.of("path", "a > b > c", "conversions", 1, "nulls", 0)),
                "models", List.of("markov", "first_touch"), "markovOrder", 2)).json();
        assertThat(r.get("models").fieldNames()).toIterable().containsExactly("markov", "first_touch");
        assertThat(r.get("models").get("markov").get("order").asInt()).isEqualTo(2);
        assertThat(r.get("models").get("markov").get("transitions").get("(start)").has("a > b")).isTrue();
    }

    @Test
    void badRowsAreRefusedNamingTheField() {
        Api api = api();
        var r = api.post("/api/v1/attribution/paths", Map.of("paths", List.of(
                Map.of("path", "a", "conversions", 1), Map.of("path", "b", "conversions", 1.5))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asText()).isEqualTo("paths[1].conversions");
        var empty = api.post("/api/v1/attribution/paths", Map.of("paths", List.of(Map.of("path", " > ", "conversions", 1))));
        assertThat(empty.json().get("field").asText()).isEqualTo("paths[0].path");
        var model = api.post("/api/v1/attribution/paths", Map.of("paths", List.of(Map.of("path", "a", "conversions", 1)), "models", List.of("u_shape")));
        assertThat(model.json().get("field").asText()).isEqualTo("models[0]");
        var order = api.post("/api/v1/attribution/paths", Map.of("paths", List.of(Map.of("path", "a", "conversions", 1)), "markovOrder", 5));
        assertThat(order.json().get("field").asText()).isEqualTo("markovOrder");
        assertThat(api.post("/api/v1/attribution/paths", Map.of()).json().get("field").asText()).isEqualTo("paths");
    }

    @Test
    void channelAttributionCsvBodyGivesTheExactFirstOrderRemovalEffects() throws Exception {
        String csv = resource("channelattribution-data.csv");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/attribution/paths?models=markov,first_touch"))
                .header("Authorization", "Bearer " + workspaces.create("csv").token())
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode models = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("models");
        assertThat(models.get("markov").get("removalEffects").get("alpha").asDouble()).isCloseTo(0.5583994895077469, within(1e-10));
        assertThat(models.get("first_touch").get("channels").get(2).get("channel").asText()).isEqualTo("alpha");
        assertThat(models.get("first_touch").get("channels").get(2).get("conversions").asDouble()).isEqualTo(6308);
    }

    @Test
    void csvFileUploadIsReadAndABadLineIsNamed() throws Exception {
        String token = workspaces.create("upload").token();
        HttpResponse<String> ok = upload(token, "path;total_conversions;total_conversion_value;total_null\nc1 > c2 > c3;1;1000;0\nc1;0;0;1\nc2 > c3;0;0;1\n");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode markov = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ok.body()).get("models").get("markov");
        assertThat(markov.get("conversionProbability").asDouble()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(markov.get("removalEffects").get("c1").asDouble()).isCloseTo(0.5, within(1e-15));
        HttpResponse<String> bad = upload(token, "path;total_conversions\na;1\nb;x\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("line 3").contains("total_conversions 'x'");
    }

    private HttpResponse<String> upload(String token, String csv) throws Exception {
        String boundary = "----mo" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"paths.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"models\"\r\n\r\nmarkov\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/attribution/paths"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = AttributionPathsIntegrationTests.class.getResourceAsStream("/attribution/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
