package io.marketops.collect;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet in headless Chromium: a test shop page's page views, clicks, identify, SPA and hash-router route changes
 * arrive; first and last touch are kept in localStorage and sent from the landing on; page hide sends with sendBeacon.
 */
@IntegrationTest
class SnippetBrowserIntegrationTests {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;

    @Test
    void aTestPagesEventsArriveWithCampaignSessionAndIdentity() {
        Assumptions.assumeTrue(Files.exists(CHROMIUM), "Debian's chromium is not installed (apt-get install chromium)");
        var ws = workspaces.create("snippet");
        Api admin = new Api(port, ws.token());
        String key = Tracker.newWriteKey(admin);
        try (Playwright pw = Playwright.create();
             Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")))) {
            Page page = browser.newPage();
            page.navigate("http://127.0.0.1:" + port + "/snippet/test.html?wk=" + key + "&utm_source=douyin&utm_medium=cpc&utm_campaign=d11");
            page.waitForFunction("() => window.marketops && window.marketops.loaded");
            page.click("#add");
            page.click("#login");
            page.click("#spa");
            page.click("#hash");
            page.waitForFunction("() => location.hash === '#/orders'");
            page.click("#anchor");
            page.waitForFunction("() => location.hash === '#reviews'");
            @SuppressWarnings("unchecked")
            Map<String, Object> stored = (Map<String, Object>) page.evaluate("() => ({ft: JSON.parse(localStorage.getItem('mo_ft')), lt: JSON.parse(localStorage.getItem('mo_lt'))})");
            assertThat(stored.get("ft")).asString().contains("douyin").contains("d11");
            assertThat(stored.get("lt")).asString().contains("douyin");
            // the last event, then at once page hide (well before the 300 ms flush timer): it goes out with sendBeacon
            page.evaluate("() => { document.getElementById('custom').click(); setTimeout(() => { location.href = 'about:blank'; }, 0); }");
            page.waitForURL("about:blank");
            page.navigate("http://127.0.0.1:" + port + "/snippet/blank.html");
            assertThat(page.evaluate("() => Number(localStorage.getItem('test_beacons') || 0)")).as("sendBeacon calls on page hide").isEqualTo(1);
        }
        assertThat(Tracker.awaitStored(admin, 6).get("stored").asLong()).isEqualTo(6);
        List<Map<String, Object>> rows = warehouse.sql().sql("""
                SELECT type, event, path, channel, utm_campaign, platform, browser, user_id, anonymous_id, session_id,
                       json_extract_string(properties, '$.sku') AS sku
                FROM events WHERE workspace_id = ? ORDER BY ts""").param(ws.id()).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("type") + ":" + r.get("event") + ":" + r.get("path"))
                .containsExactlyInAnyOrder("page:Snippet test shop:/snippet/test.html", "track:Add To Cart:/snippet/test.html",
                        "identify:null:/snippet/test.html", "page:Snippet test shop:/snippet/cart", "page:Snippet test shop:/snippet/cart",
                        "track:Coupon Claimed:/snippet/cart");
        // the hash router's route is a page view; the in-page anchor is not
        assertThat(warehouse.sql().sql("SELECT url FROM events WHERE workspace_id = ? AND type = 'page' ORDER BY ts").param(ws.id()).query(String.class).list())
                .hasSize(3).last().asString().endsWith("/snippet/cart#/orders");
        // the landing page view already carries the first and last touch it recorded
        assertThat(warehouse.sql().sql("""
                SELECT json_extract_string(context, '$.marketops.firstTouch.campaign.name') FROM events
                WHERE workspace_id = ? AND type = 'page' ORDER BY ts LIMIT 1""").param(ws.id()).query(String.class).single()).isEqualTo("d11");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("channel")).isEqualTo("douyin");
            assertThat(r.get("platform")).isEqualTo("web");
            assertThat(r.get("anonymous_id")).isEqualTo(rows.get(0).get("anonymous_id"));
            assertThat(r.get("session_id")).isEqualTo(rows.get(0).get("session_id"));
        });
        assertThat(rows).filteredOn(r -> "Add To Cart".equals(r.get("event"))).singleElement().satisfies(r -> assertThat(r.get("sku")).isEqualTo("s-42"));
        assertThat(rows).filteredOn(r -> "Coupon Claimed".equals(r.get("event"))).singleElement()
                .satisfies(r -> assertThat(r.get("user_id")).isEqualTo("snippet-user-1"));
        assertThat(warehouse.sql().sql("SELECT user_id FROM identities WHERE workspace_id = ? AND alias_id = ?")
                .params(ws.id(), rows.get(0).get("anonymous_id")).query(String.class).single()).isEqualTo("snippet-user-1");
    }
}
