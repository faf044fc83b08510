package io.marketops.attribution.web;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.marketops.support.Browser;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import io.marketops.workspace.Workspaces;
import io.marketops.workspace.internal.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An analyst compares the models side by side on the page, sees the chart drawn and downloads the table. */
@IntegrationTest
class AttributionPageBrowserTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces testWorkspaces;
    @Autowired
    Workspaces workspaces;
    @Autowired
    Users users;
    @Autowired
    Warehouse warehouse;

    @Test
    void comparesModelsSideBySideDrawsTheChartAndExports() throws Exception {
        var fresh = testWorkspaces.create("page");
        io.marketops.attribution.AttributionFixtures.october(warehouse, fresh.id());
        String email = "analyst-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        long user = users.create(email, "分析师", "analyst-pass-123");
        workspaces.addMember(fresh.workspace().id(), user, Role.DATA_ANALYST);
        try (Browser browser = Browser.start()) {
            Page page = browser.page("zh-CN");
            String base = "http://127.0.0.1:" + port;
            page.navigate(base + "/login");
            page.fill("#username", email);
            page.fill("#password", "analyst-pass-123");
            page.click("button[type=submit]");
            page.waitForURL(u -> !u.contains("/login"));
            page.navigate(base + "/attribution?from=2026-10-01&to=2026-10-10");
            assertThat(page.textContent("h1")).isEqualTo("转化究竟该记在哪个渠道？");
            page.waitForSelector("#attribution-chart[data-rendered=true] canvas");
            assertThat(page.locator("#attribution-table thead th").count()).isEqualTo(8 + 3);
            assertThat(page.textContent("#attribution-table thead th:nth-child(3)")).isEqualTo("首次触点");
            assertThat(page.textContent("#attribution-table thead th:nth-child(9)")).isEqualTo("马尔可夫链");
            assertThat(page.textContent("#attribution-table tr[data-channel=baidu] td:nth-child(2)")).isEqualTo("¥150.00");
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("attribution-zh.png")).setFullPage(true));

            page.selectOption("select[name=metric]", "roas");
            page.click("#attribution-form button[type=submit]");
            page.waitForSelector("#attribution-chart[data-rendered=true] canvas");
            // last touch credits baidu its 300 yuan purchase on 150 yuan of cost
            assertThat(page.textContent("#attribution-table tr[data-channel=baidu] td:nth-child(4)").trim()).isEqualTo("2.00");

            Download download = page.waitForDownload(() -> page.click("text=导出 CSV"));
            String csv = Files.readString(download.path());
            assertThat(csv).contains("last_touch,baidu,1.0,300.00,150.00,150.00,2.00,1.0000,");

            page.click("text=English");
            page.navigate(base + "/attribution?from=2026-10-01&to=2026-10-10");
            page.waitForSelector("#attribution-chart[data-rendered=true] canvas");
            assertThat(page.textContent("h1")).isEqualTo("Which channel earned the conversions?");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("attribution-en.png")).setFullPage(true));
        }
    }
}
