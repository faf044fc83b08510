package io.marketops.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestUsers;
import io.marketops.workspace.internal.ApiTokens;
import io.marketops.workspace.internal.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token of workspace A can never read or change workspace B: every operation in the OpenAPI
 * document is called with A's token, with B's ids in the path; none may succeed or leak B's data.
 */
@IntegrationTest
class WorkspaceIsolationIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    Workspaces workspaces;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Users users;

    @Test
    void noEndpointLetsWorkspaceAReachWorkspaceB() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Workspace b = workspaces.create("Brand B " + suffix, "brand-b-" + suffix, false);
        long bUser = users.create("b-" + suffix + "@example.cn", "B 的成员", "b-password-123");
        workspaces.addMember(b.id(), bUser, Role.ADMIN);
        var bToken = tokens.create(b.id(), "b secret marker " + suffix, Role.ADMIN, "test", null);
        Api a = new Api(port, TestUsers.BOOTSTRAP_TOKEN);
        Api asB = a.as(bToken.secret());
        assertThat(asB.get("/api/v1/me").json().get("workspace").get("id").asLong()).isEqualTo(b.id().value());
        Map<String, String> bIds = Map.of("id", Long.toString(bToken.token().id()), "userId", Long.toString(bUser));

        JsonNode paths = a.get("/api/v1/openapi.json").json().get("paths");
        int calls = 0;
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String template = it.next();
            if (!template.startsWith("/api/v1/")) continue;
            String path = template;
            for (var e : bIds.entrySet()) path = path.replace("{" + e.getKey() + "}", e.getValue());
            path = path.replaceAll("\\{[^}]+}", bIds.get("id"));
            for (Iterator<String> ops = paths.get(template).fieldNames(); ops.hasNext(); ) {
                String method = ops.next();
                Api.Response r = switch (method) {
                    case "get" -> a.get(path);
                    case "delete" -> a.delete(path);
                    case "post" -> a.post(path, Map.of("role", "viewer"));
                    case "patch" -> a.patch(path, Map.of("role", "viewer"));
                    case "put" -> a.put(path, Map.of("role", "viewer"));
                    default -> null;
                };
                if (r == null) continue;
                calls++;
                assertThat(r.body()).as(method + " " + path).doesNotContain("b secret marker " + suffix).doesNotContain("b-" + suffix + "@example.cn");
                if (template.contains("{")) {
                    assertThat(r.status()).as(method + " " + path + " → " + r.body()).isNotIn(200, 201, 202, 204);
                }
            }
        }
        assertThat(calls).isGreaterThan(10);
        // B's token still works and B's admin still has their role: nothing of B was changed by A
        assertThat(asB.get("/api/v1/tokens").json().get("total").asInt()).isEqualTo(1);
        assertThat(users.roleIn(b.id(), bUser)).contains(Role.ADMIN);
    }
}
