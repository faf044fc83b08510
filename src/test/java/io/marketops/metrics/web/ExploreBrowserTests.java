package io.marketops.metrics.web;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.marketops.support.Browser;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import io.marketops.workspace.Workspaces;
import io.marketops.workspace.internal.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explore as a marketer uses it, in a real browser, in both languages: a funnel with who dropped at step 2 (list, CSV
 * export, save as a segment), the retention switch between classic and unbounded, and the empty state. Leaves
 * screenshots in target/screenshots (docs/img/explore-funnel.png is one of them).
 */
@IntegrationTest
class ExploreBrowserTests {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
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

    static EventRow event(long ws, String name, String person, Instant ts, String channel) {
        return new EventRow(ws, UUID.randomUUID().toString(), "track", name, person, null, ts, ts, null, channel, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void funnelDropOffsAndTheRetentionSwitchInBothLanguages() throws Exception {
        TestWorkspaces.Fresh ws = testWorkspaces.create("explore-browser");
        String email = "lead-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        workspaces.addMember(ws.workspace().id(), users.create(email, "市场负责人", "lead-password-123"), Role.MARKETING_LEAD);
        LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
        Instant noon = yesterday.atTime(12, 0).atZone(ZONE).toInstant();
        LocalDate cohortDay = yesterday.minusDays(5);
        Instant early = cohortDay.atTime(12, 0).atZone(ZONE).toInstant();
        warehouse.append(a -> {
            for (String p : new String[]{"a1", "a2", "a3"}) a.event(event(ws.id(), "sign_up", p, noon, "douyin"));
            a.event(event(ws.id(), "purchase", "a1", noon.plusSeconds(600), "douyin"));
            a.event(new EventRow(ws.id(), UUID.randomUUID().toString(), "page", "home", "a1", null, noon, noon, null, "douyin", null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
            // r1: first seen on cohortDay, back two days later only → classic day 1 = 0 %, unbounded day 1 = 100 %
            a.event(event(ws.id(), "view_item", "r1", early, "wechat"));
            a.event(event(ws.id(), "view_item", "r1", early.plus(java.time.Duration.ofDays(2)), "wechat"));
        });
        String base = "http://127.0.0.1:" + port;
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);

        try (Browser browser = Browser.start()) {
            Page page = browser.page("zh-CN");
            page.setViewportSize(1280, 1000);
            page.navigate(base + "/login");
            page.fill("#username", email);
            page.fill("#password", "lead-password-123");
            page.click("button[type=submit]");
            page.waitForURL(u -> !u.contains("/login"));
            page.navigate(base + "/explore");
            assertThat(page.textContent("main h1")).isEqualTo("自助分析");

            page.fill("input[name=dimension]", "channel");
            page.click("#explore-form button[type=submit]");
            page.waitForSelector("#explore-table table[data-kind=metrics]");
            assertThat(page.textContent("#explore-table thead")).as("metric and dimension names, not ids").contains("时间", "渠道", "访客数 UV").doesNotContain(">uv<");
            assertThat(page.textContent("#explore-table tbody")).contains("抖音").doesNotContain("douyin");

            runFunnel(page, "sign_up\npurchase");
            assertThat(page.textContent("#explore-table thead")).contains("步骤", "人数", "较上一步转化率");
            assertThat(page.locator("#explore-table tbody tr").allTextContents()).as("breakdown by channel display name").anyMatch(r -> r.contains("抖音 · sign_up"));
            assertThat(page.isVisible("#retention-mode")).as("the retention switch belongs to retention only").isFalse();
            Locator step2 = page.locator("#funnel-dropped .dropped-step[data-step='2']");
            assertThat(step2.locator("strong").textContent()).isEqualTo("第 2 步（purchase）流失：2 人");

            step2.locator("button[data-action=list]").click();
            step2.locator("[data-people] td").first().waitFor();
            assertThat(step2.locator("[data-people] tbody td:first-child").allTextContents()).containsExactly("a2", "a3");
            assertThat(step2.locator("[data-people]").textContent()).contains("用户", "共 2 条")
                    .as("entry time in the workspace zone").contains(yesterday + " 12:00:00");

            Download download = page.waitForDownload(() -> step2.locator("button[data-action=export]").click());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(csv).contains("person,entered_at").contains("a2,").contains("a3,").doesNotContain("a1,");

            step2.locator("button[data-action=save]").click();
            assertThat(step2.locator("[data-status][role=alert]").textContent()).contains("请先为人群命名");
            step2.locator("input[name=segmentName]").fill("注册未购买");
            step2.locator("button[data-action=save]").click();
            step2.locator("[data-status] [data-saved]").waitFor();
            assertThat(step2.locator("[data-status]").textContent()).contains("已保存人群“注册未购买”，共 2 人。").contains("查看已保存人群");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("explore-funnel-zh.png")).setFullPage(true));
            page.navigate(base + "/cohorts");
            assertThat(page.locator("#cohorts-table tbody tr").first().textContent()).contains("注册未购买").contains("2");
            page.goBack();

            retention(page, cohortDay, "0.0%", "100.0%");
            assertThat(page.textContent("#retention-mode")).contains("经典留存", "无界留存");

            runFunnel(page, "no_such_event\npurchase");
            assertThat(page.isVisible("#explore-empty")).as("an empty result says what to do next").isTrue();
            assertThat(page.textContent("#explore-empty")).contains("放宽日期").contains("打开数据接入");

            page.click("text=English");
            page.waitForURL("**lang=en**");
            assertThat(page.textContent("main h1")).isEqualTo("Explore");
            runFunnel(page, "sign_up\npurchase");
            assertThat(page.isVisible("#explore-empty")).isFalse();
            assertThat(page.textContent("#explore-table thead")).contains("Step", "People", "→ previous step");
            assertThat(page.locator("#explore-table tbody tr").allTextContents()).anyMatch(r -> r.contains("Douyin · sign_up"));
            Locator en2 = page.locator("#funnel-dropped .dropped-step[data-step='2']");
            assertThat(en2.locator("strong").textContent()).isEqualTo("Dropped at step 2 (purchase): 2");
            en2.locator("button[data-action=list]").click();
            en2.locator("[data-people] td").first().waitFor();
            assertThat(en2.locator("[data-people] thead").textContent()).contains("Person", "Entered the funnel at");
            en2.locator("input[name=segmentName]").fill("Signed up, no purchase");
            en2.locator("button[data-action=save]").click();
            en2.locator("[data-status] [data-saved]").waitFor();
            assertThat(en2.locator("[data-status]").textContent()).contains("Saved segment “Signed up, no purchase” with 2 people.");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("explore-funnel-en.png")).setFullPage(true));
            retention(page, cohortDay, "0.0%", "100.0%");
            assertThat(page.textContent("#retention-mode")).contains("Classic: active in period N", "Unbounded: active in period N or later");
            assertThat(page.textContent("#explore-table thead")).contains("Cohort", "Size");
            page.click("text=简体中文");
        }
    }

    private static void runFunnel(Page page, String steps) {
        page.selectOption("select[name=kind]", "funnel");
        page.fill("textarea[name=steps]", steps);
        page.fill("input[name=breakdown]", "channel");
        page.evaluate("document.getElementById('explore-table').innerHTML = ''");
        page.click("#explore-form button[type=submit]");
        page.waitForSelector("#explore-table table[data-kind=funnel]");
    }

    /** Runs a daily retention and checks period 1 of the cohort of {@code day} in the table, classic then unbounded. */
    private static void retention(Page page, LocalDate day, String classic, String unbounded) {
        page.selectOption("select[name=kind]", "retention");
        page.selectOption("select[name=retentionGranularity]", "day");
        page.click("#explore-form button[type=submit]");
        page.waitForSelector("#explore-table table[data-kind=retention][data-retention=classic]");
        assertThat(page.isVisible("#retention-mode")).isTrue();
        assertThat(page.isVisible("#funnel-dropped")).isFalse();
        Locator row = page.locator("#explore-table tbody tr", new Page.LocatorOptions().setHasText(day.toString()));
        assertThat(row.locator("td").nth(3).textContent()).as("classic, period 1").isEqualTo(classic);
        page.check("#retention-mode input[value=unbounded]");
        page.waitForSelector("#explore-table table[data-retention=unbounded]");
        assertThat(row.locator("td").nth(3).textContent()).as("unbounded, period 1").isEqualTo(unbounded);
        page.waitForSelector("#explore-chart[data-rendered=true] canvas");
        page.check("#retention-mode input[value=classic]");
        page.waitForSelector("#explore-table table[data-retention=classic]");
    }
}
