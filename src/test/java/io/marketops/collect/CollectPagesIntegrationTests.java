package io.marketops.collect;

import io.marketops.support.IntegrationTest;
import io.marketops.support.Api;
import io.marketops.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ingestion and Channels pages render for a signed-in admin, in both languages, and their forms work. */
@IntegrationTest
class CollectPagesIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|content=\"([^\"]+)\"[^>]*name=\"_csrf\"|name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF token in page");
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Signs in as a new admin of a fresh workspace, so language choices and edits stay out of other tests' way. */
    void signIn() throws Exception {
        var ws = workspaces.create("pages");
        String email = "pages-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@test.local", password = "pages-Pass-word-1";
        var added = new Api(port, ws.token()).post("/api/v1/members", java.util.Map.of("email", email, "password", password, "role", "admin"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String login = get("/login").body();
        post("/login", "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf(login)));
    }

    @Test
    void ingestionPageShowsCountsKeysSnippetAndQuarantine() throws Exception {
        signIn();
        var en = get("/collect?lang=en");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("Write keys", "Quarantine", "Install on your site");
        var created = post("/collect/write-keys", "name=" + enc("官网") + "&_csrf=" + enc(csrf(en.body())));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("官网", "/js/marketops.js", "marketops.push([&#39;init&#39;");
        var zh = get("/collect?lang=zh-CN");
        assertThat(zh.body()).contains("写入密钥", "隔离区", "在网站上安装");
    }

    static String group(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        if (!m.find()) throw new AssertionError("no match for " + regex);
        return m.group(1);
    }

    @Test
    void emptyStatesSayWhatToDoAndRotateRevokeAndQuarantineSearchWorkFromThePage() throws Exception {
        signIn();
        var empty = get("/collect?lang=en").body();
        assertThat(empty).contains("No events yet", "/v1/batch", "No write keys yet: create one below", "Nothing has been refused");
        var created = post("/collect/write-keys", "name=site&_csrf=" + enc(csrf(empty))).body();
        String key = group(created, "<code class=\"secret\">([^<]+)</code>");
        String id = group(created, "/collect/write-keys/(\\d+)/rotate");
        // an invalid event (a track call without an event name) and a valid one
        var tracker = new Tracker(port, key);
        var sent = tracker.batch(java.util.List.of(java.util.Map.of("type", "track", "userId", "u1", "messageId", "q-1", "properties", java.util.Map.of("note", "缺少事件名")),
                java.util.Map.of("type", "track", "event", "Ok", "userId", "u1", "messageId", "q-2")));
        assertThat(sent.status()).isEqualTo(200);
        String page = null;
        for (int i = 0; i < 50; i++) {
            page = get("/collect?lang=en").body();
            if (page.contains("track call without event name")) break;
            Thread.sleep(200);
        }
        assertThat(page).contains("track call without event name", "缺少事件名").doesNotContain("No events yet");
        assertThat(get("/collect?lang=en&q=" + enc("缺少事件")).body()).contains("track call without event name");
        assertThat(get("/collect?lang=en&q=" + enc("no such text")).body()).contains("No refused event contains").doesNotContain("缺少事件名");
        assertThat(get("/collect?lang=zh-CN&q=" + enc("no such text")).body()).contains("没有包含");

        var rotated = post("/collect/write-keys/" + id + "/rotate", "_csrf=" + enc(csrf(page))).body();
        String newKey = group(rotated, "<code class=\"secret\">([^<]+)</code>");
        assertThat(newKey).isNotEqualTo(key);
        assertThat(tracker.batch(java.util.List.of(java.util.Map.of("type", "track", "event", "Ok", "userId", "u1", "messageId", "q-3"))).status())
                .as("the old key stops working once rotated").isEqualTo(401);
        post("/collect/write-keys/" + id + "/revoke", "_csrf=" + enc(csrf(rotated)));
        assertThat(get("/collect?lang=en").body()).contains("Revoked");
        assertThat(new Tracker(port, newKey).batch(java.util.List.of(java.util.Map.of("type", "track", "event", "Ok", "userId", "u1", "messageId", "q-4"))).status())
                .isEqualTo(401);
    }

    @Test
    void channelsPageClassifiesAVisitAndEditsRules() throws Exception {
        signIn();
        var page = get("/channels?lang=en&utmSource=xhs&utmMedium=social");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Xiaohongshu (RED)", "Rules");
        post("/channels", "id=kuaishou&nameEn=Kuaishou&nameZh=" + enc("快手") + "&_csrf=" + enc(csrf(page.body())));
        post("/channels/rules", "channel=kuaishou&sourcePattern=" + enc("kuaishou|^ks$") + "&position=1&_csrf=" + enc(csrf(page.body())));
        var after = get("/channels?lang=zh-CN&utmSource=ks");
        assertThat(after.body()).contains("快手", "本工作区使用自定义规则");
        var bad = post("/channels/rules", "channel=kuaishou&sourcePattern=" + enc("([") + "&_csrf=" + enc(csrf(after.body())));
        assertThat(bad.body()).contains("sourcePattern");
        post("/channels/rules/reset", "_csrf=" + enc(csrf(after.body())));
        assertThat(get("/channels?lang=en").body()).contains("These are the default rules");
    }
}
