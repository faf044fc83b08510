package io.marketops.anomalies;

import com.microsoft.playwright.Page;
import io.marketops.demo.DemoGenerator;
import io.marketops.demo.GeneratorSpec;
import io.marketops.support.Api;
import io.marketops.support.Browser;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import io.marketops.workspace.internal.Users;
import io.marketops.workspace.Workspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts page as a person uses it, in a real browser, in both languages, on 120 days of demo
 * data: the list with severities, filtering to high severity, paging, the chart with its band.
 * Leaves screenshots in target/screenshots (docs/img/anomalies.png is one of them).
 */
@IntegrationTest
class AnomalyPagesBrowserTests {
    static final LocalDate END = LocalDate.of(2026, 11, 21);
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
    void analystReadsFiltersAndPagesTheAlertsAndOpensTheChartInBothLanguages() throws Exception {
        TestWorkspaces.Fresh ws = testWorkspaces.create("anomaly-browser");
        warehouse.append(s -> new DemoGenerator().generate(GeneratorSpec.of(42, ws.id(), END).withDays(120), s));
        var detected = new Api(port, ws.token()).post("/api/v1/anomalies/detect", Map.of("from", "2026-10-01", "to", END.toString()));
        assertThat(detected.status()).as(detected.body()).isEqualTo(200);
        String email = "analyst-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        workspaces.addMember(ws.workspace().id(), users.create(email, "数据分析师", "analyst-password-123"), Role.DATA_ANALYST);
        String base = "http://127.0.0.1:" + port;
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);

        try (Browser browser = Browser.start()) {
            Page zh = signIn(browser.page("zh-CN"), base, email);
            zh.navigate(base + "/anomalies?from=2026-10-25&to=2026-11-21");
            assertThat(zh.textContent("main h1")).isEqualTo("异常监测");
            assertThat(zh.locator("tbody tr .sev").count()).isPositive();
            zh.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("anomalies-zh.png")).setFullPage(true));

            zh.selectOption("select[name=severity]", "high");
            zh.selectOption("select[name=dimension]", "total");
            zh.click("form.toolbar button[type=submit]");
            zh.waitForURL("**severity=high**");
            List<String> severities = zh.locator("tbody tr .sev").allTextContents();
            assertThat(severities).isNotEmpty().allMatch("高"::equals);
            assertThat(zh.locator("tbody tr").allTextContents()).anyMatch(row -> row.contains("抖音"));

            Page en = signIn(browser.page("en"), base, email);
            en.setViewportSize(1400, 1000);
            en.navigate(base + "/anomalies?from=2026-10-01&to=2026-11-21&size=15");
            assertThat(en.textContent("main h1")).isEqualTo("Anomalies");
            assertThat(en.locator(".pager").textContent()).as("more than a page of alerts is paged").contains("1 / ");
            en.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("anomalies-en.png")));
            en.click(".pager a:has-text('Next')");
            assertThat(en.url()).contains("page=2");
            assertThat(en.locator("tbody tr .sev").count()).isPositive();

            en.navigate(base + "/anomalies?from=2026-10-01&to=2026-11-21&dimension=total");
            assertThat(en.locator("tbody tr").allTextContents()).anyMatch(row -> row.contains("Douyin") && row.contains("explains"));
            en.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("anomalies-totals-en.png")));

            en.navigate(base + "/anomalies/chart?metric=uv&from=2026-09-15&to=2026-11-21");
            en.waitForSelector("#anomaly-chart[data-rendered=true] canvas");
            en.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("anomalies-chart-en.png")));
        }
    }

    private static Page signIn(Page page, String base, String email) {
        page.navigate(base + "/login");
        page.fill("#username", email);
        page.fill("#password", "analyst-password-123");
        page.click("button[type=submit]");
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }
}
