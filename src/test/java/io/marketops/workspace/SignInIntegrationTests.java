package io.marketops.workspace;

import io.marketops.support.IntegrationTest;
import io.marketops.support.TestUsers;
import io.marketops.support.WebSession;
import io.marketops.workspace.internal.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SignInIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    Workspaces workspaces;
    @Autowired
    DefaultWorkspace defaultWorkspace;
    @Autowired
    AuditLog audit;

    private String newUser(Role role) {
        String email = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        long id = users.create(email, "测试用户", "right-password-1");
        workspaces.addMember(defaultWorkspace.get().id(), id, role);
        return email;
    }

    @Test
    void signingInLandsOnHomeAndIsAudited() {
        String email = newUser(Role.DATA_ANALYST);
        WebSession web = new WebSession(port);
        var r = web.signIn(email, "right-password-1");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).doesNotContain("error");
        assertThat(web.get("/").status()).isEqualTo(200);
        var entries = audit.search(defaultWorkspace.get().id(), new AuditLog.AuditFilter(email, "login.succeeded", null, null),
                new io.marketops.core.PageQuery(1, 10, "at", true));
        assertThat(entries.total()).isEqualTo(1);
        assertThat(entries.items().get(0).ip()).isEqualTo("127.0.0.1");
    }

    @Test
    void fiveFailedSignInsBlockTheAccountEvenWithTheRightPassword() {
        String email = newUser(Role.VIEWER);
        WebSession web = new WebSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(web.signIn(email, "wrong-password-" + i).location()).endsWith("/login?error=bad");
        }
        assertThat(web.signIn(email, "right-password-1").location()).endsWith("/login?error=locked");
        var failures = audit.search(defaultWorkspace.get().id(), new AuditLog.AuditFilter(email, "login.failed", null, null),
                new io.marketops.core.PageQuery(1, 10, "at", true));
        assertThat(failures.total()).isEqualTo(6);
    }

    @Test
    void aViewerCannotOpenAdminPagesAndSeesAFriendly403() {
        String email = newUser(Role.VIEWER);
        WebSession web = new WebSession(port);
        web.signIn(email, "right-password-1");
        var page = web.get("/admin/members");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Your role does not allow this page").doesNotContain("Exception").doesNotContain("at io.marketops");
        assertThat(web.get("/").body()).doesNotContain("/admin/members");
    }

    @Test
    void anUnknownPageIsAFriendly404WithoutAStackTrace() {
        WebSession web = new WebSession(port);
        web.signIn(newUser(Role.VIEWER), "right-password-1");   // a fresh user: no saved language, so the browser's English applies
        var page = web.get("/no/such/page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("This page does not exist").doesNotContain("Exception");
    }

    @Test
    void adminsCanAddMembersAndChangeRolesThroughTheForms() {
        WebSession web = new WebSession(port);
        web.signIn(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
        String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        var added = web.post("/admin/members", "/admin/members", java.util.Map.of("email", email, "displayName", "王芳",
                "password", "initial-pass-1", "role", "CONTENT_CREATOR"));
        assertThat(added.status()).isEqualTo(302);
        long id = users.byEmail(email).orElseThrow().id();
        assertThat(users.roleIn(defaultWorkspace.get().id(), id)).contains(Role.CONTENT_CREATOR);
        web.post("/admin/members", "/admin/members/" + id + "/role", java.util.Map.of("role", "REVIEWER"));
        assertThat(users.roleIn(defaultWorkspace.get().id(), id)).contains(Role.REVIEWER);
        var tooShort = web.post("/admin/members", "/admin/members", java.util.Map.of("email", "x-" + email, "password", "short", "role", "VIEWER"));
        assertThat(tooShort.status()).isEqualTo(302);
        assertThat(web.get("/admin/members").body()).contains("password: must have at least 10 characters");
    }
}
