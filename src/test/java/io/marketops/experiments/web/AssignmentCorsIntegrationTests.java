package io.marketops.experiments.web;

import com.microsoft.playwright.Page;
import io.marketops.support.Browser;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With MARKETOPS_EXPERIMENTS_ALLOWED_ORIGINS set, a customer's site on another origin may ask
 * for assignments from the browser (preflight and request), and for nothing else. The browser
 * test loads a page from http://localhost:PORT and calls MarketOps at http://127.0.0.1:PORT —
 * two different origins, so the browser really enforces CORS.
 */
@IntegrationTest
@TestPropertySource(properties = "marketops.experiments.allowed-origins=https://shop.example.cn, http://localhost:[*]")
class AssignmentCorsIntegrationTests {
    static final String SHOP = "https://shop.example.cn";
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    TestWorkspaces.Fresh ws;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void runningExperiment() {
        ws = workspaces.create("cors");
        var api = new Api(port, ws.token());
        api.post("/api/v1/experiments", ExperimentApiIntegrationTests.design("hero"));
        api.post("/api/v1/experiments/hero/start", Map.of());
    }

    HttpResponse<String> preflight(String path, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Origin", origin)
                .header("Authorization", "Bearer " + ws.token()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAllowedOriginGetsThePreflightAndTheAssignment() throws Exception {
        var pre = preflight("/api/v1/experiments/hero/assignment?userId=v1", SHOP);
        assertThat(pre.statusCode()).isEqualTo(200);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
        assertThat(pre.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase()).contains("authorization");
        assertThat(pre.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        var answer = get("/api/v1/experiments/hero/assignment?userId=v1", SHOP);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
        assertThat(answer.body()).contains("\"variant\"");
    }

    @Test
    void otherOriginsAndOtherEndpointsGetNoCors() throws Exception {
        var stranger = preflight("/api/v1/experiments/hero/assignment?userId=v1", "https://evil.example.com");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(get("/api/v1/experiments/hero/assignment?userId=v1", "https://evil.example.com").statusCode()).isEqualTo(403);

        for (String path : List.of("/api/v1/experiments/hero", "/api/v1/experiments/hero/exposures", "/api/v1/metrics")) {
            assertThat(preflight(path, SHOP).headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
            var read = get(path, SHOP);
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
    }

    @Test
    void theJavaScriptHelperWorksFromAnotherOrigin() throws Exception {
        String mo = "http://127.0.0.1:" + port;
        String expected = new Api(port, ws.token()).get("/api/v1/experiments/hero/assignment?userId=visitor-7&expose=false")
                .json().get("variant").asText();
        try (Browser browser = Browser.start()) {
            Page page = browser.page("en-US");
            page.navigate("http://localhost:" + port + "/login");
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(mo + "/js/marketops-experiments.js"));
            Object variant = page.evaluate("([host, token]) => MarketOpsExperiments.init({host: host, token: token, userId: 'visitor-7'})"
                    + ".assign('hero').then(a => a.variant || a.error)", List.of(mo, ws.token()));
            assertThat(variant).isEqualTo(expected);

            var api = new Api(port, ws.token());
            var targeted = ExperimentApiIntegrationTests.design("city-hero");
            targeted.put("targeting", Map.of("city", List.of("上海")));
            api.post("/api/v1/experiments", targeted);
            api.post("/api/v1/experiments/city-hero/start", Map.of());
            Object reasons = page.evaluate("() => Promise.all(['北京', '上海'].map(city => MarketOpsExperiments"
                    + ".assign('city-hero', {attributes: {city: city}}).then(a => a.inExperiment ? 'in' : a.reason || a.error)))");
            assertThat(reasons).isEqualTo(List.of("not_targeted", "in"));
        }
    }
}
