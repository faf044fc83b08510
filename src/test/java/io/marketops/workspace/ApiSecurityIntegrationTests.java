package io.marketops.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApiSecurityIntegrationTests {
    @LocalServerPort
    int port;

    List<String> plainGets(Api anon) {
        JsonNode spec = anon.get("/api/v1/openapi.json").json();
        List<String> paths = new ArrayList<>();
        for (Iterator<String> it = spec.get("paths").fieldNames(); it.hasNext(); ) {
            String p = it.next();
            if (spec.get("paths").get(p).has("get") && p.startsWith("/api/v1/") && !p.contains("{") && !p.contains("health")) paths.add(p);
        }
        return paths;
    }

    @Test
    void healthAndOpenApiArePublic() {
        Api anon = new Api(port, null);
        assertThat(anon.get("/api/v1/health").json().get("status").asText()).isEqualTo("UP");
        var spec = anon.get("/api/v1/openapi.json");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.json().get("paths").has("/api/v1/members")).isTrue();
    }

    @Test
    void everyApiGetAnswers401ProblemWithoutAValidToken() {
        Api anon = new Api(port, null);
        List<String> gets = plainGets(anon);
        assertThat(gets).contains("/api/v1/me", "/api/v1/members", "/api/v1/tokens", "/api/v1/audit", "/api/v1/metrics");
        for (String p : gets) {
            var r = anon.get(p);
            assertThat(r.status()).as(p).isEqualTo(401);
            assertThat(r.contentType()).as(p).startsWith("application/problem+json");
            var wrong = anon.as("not-a-token").get(p);
            assertThat(wrong.status()).as(p).isEqualTo(401);
            assertThat(wrong.json().get("detail").asText()).contains("token");
        }
    }

    @Test
    void everyApiGetWorksWithTheBootstrapToken() {
        Api admin = new Api(port, TestUsers.BOOTSTRAP_TOKEN);
        for (String p : plainGets(admin)) {
            var r = admin.get(p);
            assertThat(r.status()).as(p + " " + r.body()).isLessThan(500).isNotIn(401, 403);
        }
        assertThat(admin.get("/api/v1/me").json().get("role").asText()).isEqualTo("admin");
    }

    @Test
    void unknownApiPathIsA404Problem() {
        var r = new Api(port, TestUsers.BOOTSTRAP_TOKEN).get("/api/v1/no-such-thing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pagesRedirectToTheLoginForm() {
        var r = new Api(port, null).get("/");
        assertThat(r.status()).isEqualTo(302);
        var login = new Api(port, null).get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("<form").contains("_csrf");
    }

    @Test
    void viewerTokenCannotManageTokensAndGetsA403Problem() {
        Api admin = new Api(port, TestUsers.BOOTSTRAP_TOKEN);
        var created = admin.post("/api/v1/tokens", java.util.Map.of("name", "viewer script", "role", "viewer"));
        assertThat(created.status()).isEqualTo(201);
        Api viewer = admin.as(created.json().get("token").asText());
        assertThat(viewer.get("/api/v1/me").json().get("role").asText()).isEqualTo("viewer");
        var denied = viewer.get("/api/v1/tokens");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        admin.delete("/api/v1/tokens/" + created.json().get("id").asLong());
        assertThat(viewer.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void badInputNamesTheField() {
        Api admin = new Api(port, TestUsers.BOOTSTRAP_TOKEN);
        var r = admin.post("/api/v1/tokens", java.util.Map.of("name", "x", "role", "emperor"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("role");
        var malformed = admin.post("/api/v1/tokens", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        var sort = admin.get("/api/v1/members?sort=password");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.json().get("field").asText()).isEqualTo("sort");
    }
}
