package io.marketops.metrics.web;

import com.microsoft.playwright.Page;
import io.marketops.support.Api;
import io.marketops.support.Browser;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestUsers;
import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.OrderRow;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.DefaultWorkspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** A person signs in, sees the home dashboard with real numbers and a drawn chart, and switches language. */
@IntegrationTest
class HomeDashboardBrowserTests {
    @LocalServerPort
    int port;
    @Autowired
    Warehouse warehouse;
    @Autowired
    DefaultWorkspace defaultWorkspace;

    void seedLast60Days() {
        long ws = defaultWorkspace.get().id().value();
        ZoneId zone = defaultWorkspace.get().timezone();
        LocalDate yesterday = LocalDate.now(zone).minusDays(1);
        Long existing = warehouse.sql().sql("SELECT count(*) FROM ad_costs WHERE workspace_id = ? AND campaign = 'browser-test'")
                .param(ws).query(Long.class).single();
        if (existing > 0) return;
        warehouse.append(a -> {
            for (int d = 0; d < 60; d++) {
                LocalDate day = yesterday.minusDays(d);
                var noon = day.atTime(12, 0).atZone(zone).toInstant();
                for (int v = 0; v < 20 + d % 7; v++) {
                    a.event(new EventRow(ws, "bt-" + d + "-" + v, "page", "home", null, "anon-" + d + "-" + v, noon, noon, null,
                            "douyin", "douyin", "cpc", "browser-test", null, null, null, "https://shop.example.cn/", "/", "mobile",
                            null, null, "广东", null, "web", null, null, null, null, null, null));
                }
                a.order(new OrderRow(ws, "bt-order-" + d, "c-" + d, noon, new BigDecimal("299.00"), "CNY", "paid", 1, "douyin", "browser-test", null));
                a.adCost(new AdCostRow(ws, day, "douyin", "browser-test", "g1", 10_000, 300, new BigDecimal("150.00"), "CNY", 3, new BigDecimal("897.00")));
            }
        });
    }

    @Test
    void signsInAndSeesTheHomeDashboardChartInBothLanguages() throws Exception {
        seedLast60Days();
        var response = new Api(port, TestUsers.BOOTSTRAP_TOKEN).get("/api/v1/dashboard/overview");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var overview = response.json();
        String orders = overview.get("kpis").get(1).get("value").asText();
        try (Browser browser = Browser.start()) {
            Page page = browser.page("zh-CN");
            page.navigate("http://127.0.0.1:" + port + "/");
            assertThat(page.url()).endsWith("/login");
            page.fill("#username", TestUsers.ADMIN_EMAIL);
            page.fill("#password", TestUsers.ADMIN_PASSWORD);
            page.click("button[type=submit]");
            page.waitForSelector(".kpis");
            assertThat(page.url()).doesNotContain("/login");
            assertThat(page.textContent("h1")).isEqualTo("概览");
            assertThat(page.textContent(".kpi[data-metric=orders] .value").trim()).isEqualTo(orders);
            page.waitForSelector("#trend[data-rendered=true] canvas");
            assertThat(page.textContent("#channel-table thead")).as("channel table headings").contains("访客数", "订单数");
            String douyinOrders = null;
            for (var c : overview.get("channels")) {
                if ("douyin".equals(c.get("channel").asText())) douyinOrders = c.get("values").get("orders").asText();
            }
            assertThat(douyinOrders).as("the API has a douyin row").isNotNull();
            var douyinRow = page.locator("#channel-table tbody tr", new Page.LocatorOptions().setHasText("抖音"));
            assertThat(douyinRow.locator("td").nth(2).textContent().trim().replace(",", ""))
                    .as("orders of 抖音 in the channel table").isEqualTo(douyinOrders);
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("home-zh.png")).setFullPage(true));

            page.click("text=English");
            assertThat(page.textContent("h1")).isEqualTo("Overview");
            page.navigate("http://127.0.0.1:" + port + "/");
            assertThat(page.textContent("h1")).as("the choice is remembered").isEqualTo("Overview");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("home-en.png")).setFullPage(true));
            page.click("text=简体中文");
            assertThat(page.textContent("h1")).isEqualTo("概览");
        }
    }

    @Test
    void aWrongPasswordShowsAnErrorOnTheLoginPage() throws Exception {
        try (Browser browser = Browser.start()) {
            Page page = browser.page("en-US");
            page.navigate("http://127.0.0.1:" + port + "/login");
            page.fill("#username", "nobody@example.cn");
            page.fill("#password", "wrong-password");
            page.click("button[type=submit]");
            page.waitForURL("**/login?error=bad");
            assertThat(page.textContent("[role=alert]")).contains("Wrong e-mail or password");
        }
    }
}
