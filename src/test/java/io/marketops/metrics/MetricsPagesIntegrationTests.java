package io.marketops.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.OrderRow;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import io.marketops.workspace.Workspaces;
import io.marketops.workspace.internal.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages of a signed-in marketer: home with 环比/同比 and channels, metric pages, explore, dashboards and read-only share links. */
@IntegrationTest
class MetricsPagesIntegrationTests {
    static final ObjectMapper JSON = new ObjectMapper();
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
    Browser browser;
    TestWorkspaces.Fresh ws;

    @BeforeEach
    void signIn() {
        ws = testWorkspaces.create("pages");
        String email = "lead-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        long user = users.create(email, "市场负责人", "lead-password-123");
        workspaces.addMember(ws.workspace().id(), user, Role.MARKETING_LEAD);
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        warehouse.append(a -> {
            a.event(MetricsApiIntegrationTests.event(ws.id(), "page", "home", "p1", yesterday.atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(10).toInstant().toString(), "douyin", null));
            a.event(MetricsApiIntegrationTests.event(ws.id(), "track", "sign_up", "p1", yesterday.atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(10).plusMinutes(5).toInstant().toString(), "douyin", "{\"plan\":\"pro\"}"));
            a.order(new OrderRow(ws.id(), "o1", "p1", yesterday.atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(11).toInstant(), new BigDecimal("300.00"), "CNY", "paid", 1, "douyin", null, null));
            a.adCost(new AdCostRow(ws.id(), yesterday, "douyin", "c", "g", 1000, 50, new BigDecimal("100.00"), "CNY", 2, BigDecimal.ZERO));
        });
        browser = new Browser(port).login(email, "lead-password-123");
    }

    @Test
    void homeShowsKpisWithBothComparisonsAndTheChannelTable() throws Exception {
        var home = browser.get("/?days=7");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("channel-table").contains("抖音").contains("环比").contains("同比").contains("¥300.00");
        var metric = browser.get("/metrics/roas");
        assertThat(metric.body()).contains("SELECT").contains("ad_costs").contains("orders");
        var explore = browser.get("/explore");
        assertThat(explore.statusCode()).isEqualTo(200);
        assertThat(explore.body()).as("dimension suggestions come from the dimensions list, with their names")
                .contains("value=\"content\" label=\"内容\"").contains("value=\"type\"").contains("value=\"properties.plan\"");
        var texts = JSON.readTree(Browser.script(explore.body(), "metrics-texts"));
        assertThat(texts.get("channels").get("douyin").asText()).isEqualTo("抖音");
        assertThat(texts.get("metrics").get("uv").asText()).isEqualTo("访客数 UV");
        assertThat(texts.get("labels").get("toPrevious").asText()).isEqualTo("较上一步转化率");
        assertThat(explore.body()).as("chart types and filter operators are named").contains(">折线图<").contains(">不等于<").doesNotContain("<option>neq</option>");
        var english = JSON.readTree(Browser.script(browser.get("/explore?lang=en").body(), "metrics-texts"));
        assertThat(english.get("channels").get("douyin").asText()).isEqualTo("Douyin");
        assertThat(english.get("labels").get("period").asText()).isEqualTo("Period");
        browser.get("/?lang=zh-CN");
    }

    @Test
    void exploreRunsExportsAndSavesToASharedDashboard() throws Exception {
        String request = "{\"metrics\":[\"gmv\",\"roas\"],\"lastDays\":7,\"granularity\":\"day\",\"dimensions\":[\"channel\"]}";
        var run = browser.postJson("/explore/run", "{\"kind\":\"metrics\",\"request\":" + request + "}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(JSON.readTree(run.body()).get("rows").get(0).get("values").get("roas").asDouble()).isEqualTo(3.0);
        var bad = browser.postJson("/explore/run", "{\"kind\":\"metrics\",\"request\":{\"metrics\":[\"nope\"],\"lastDays\":7}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown metric 'nope'");

        var xlsx = browser.postFormBytes("/explore/export", Map.of("kind", "metrics", "request", request));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            java.util.List<String> head = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> head.add(c.getStringCellValue()));
            // the page's words: headings, metric and dimension names, channel display names, not ids
            assertThat(head).as("XLSX headings").contains("时间", "渠道").doesNotContain("period", "channel", "gmv", "roas").hasSize(4);
            java.util.List<String> channels = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) channels.add(sheet.getRow(r).getCell(1).getStringCellValue());
            assertThat(channels).contains("抖音").doesNotContain("douyin");
        }

        var saved = browser.postJson("/explore/save", "{\"newDashboard\":\"周报看板\",\"title\":\"GMV 与 ROAS\",\"kind\":\"metrics\",\"chartType\":\"line\",\"query\":" + request + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        String url = JSON.readTree(saved.body()).get("url").asText();
        String dashboard = browser.get(url).body();
        assertThat(dashboard).contains("周报看板").contains("GMV 与 ROAS").contains("dashboard-data");
        assertThat(dashboard).as("the chart's kind in the page's language, and the chart texts for the script")
                .contains("<span class=\"muted\">指标</span>").contains("id=\"metrics-texts\"").contains("\"douyin\":\"抖音\"");

        var shared = browser.postForm(url + "/shares", Map.of());
        assertThat(shared.statusCode()).isEqualTo(302);
        Matcher m = Pattern.compile("/share/([A-Za-z0-9_-]+)").matcher(browser.get(url).body());
        assertThat(m.find()).isTrue();
        String shareLink = "/share/" + m.group(1);
        var anonymous = new Browser(port).get(shareLink);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("GMV 与 ROAS").doesNotContain("sidebar").contains("id=\"metrics-texts\"");
        Matcher revoke = Pattern.compile("(/dashboards/\\d+/shares/\\d+/revoke)").matcher(browser.get(url).body());
        assertThat(revoke.find()).isTrue();
        browser.postForm(revoke.group(1), Map.of());
        assertThat(new Browser(port).get(shareLink).statusCode()).isEqualTo(404);
        assertThat(new Browser(port).get("/share/not-a-real-token-at-all-123").statusCode()).isEqualTo(404);
    }

    /** Explore's dropped-people actions run what the API runs (list, CSV, save); the segments page lists what was saved, or says how to make one. */
    @Test
    void dropOffsAreListedExportedAndSavedAsSegmentsFromExplore() throws Exception {
        var empty = browser.get("/cohorts").body();
        assertThat(empty).contains("还没有保存的人群").contains("在自助分析中运行漏斗").contains("href=\"/explore\"");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        var at = LocalDate.now(zone).minusDays(1).atStartOfDay(zone).plusHours(12).toInstant();
        warehouse.append(a -> {
            a.event(MetricsApiIntegrationTests.event(ws.id(), "track", "sign_up", "q1", at.toString(), "wechat", null));
            a.event(MetricsApiIntegrationTests.event(ws.id(), "track", "purchase", "q1", at.plusSeconds(60).toString(), "wechat", null));
            a.event(MetricsApiIntegrationTests.event(ws.id(), "track", "sign_up", "q2", at.toString(), "wechat", null));
        });
        String funnel = "{\"steps\":[{\"event\":\"sign_up\"},{\"event\":\"purchase\"}],\"window\":\"P7D\",\"lastDays\":7}";
        var listed = browser.postJson("/explore/dropped?size=1", "{\"funnel\":" + funnel + ",\"step\":2}");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        var page = JSON.readTree(listed.body());
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items").findValuesAsText("person")).containsExactly("p1");
        var csv = browser.postFormBytes("/explore/dropped/export", Map.of("funnel", funnel, "step", "2"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("person,entered_at").contains("\nq2,");
        var unnamed = browser.postJson("/explore/dropped/cohorts", "{\"funnel\":" + funnel + ",\"step\":2,\"name\":\" \"}");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("name");
        var saved = browser.postJson("/explore/dropped/cohorts", "{\"funnel\":" + funnel + ",\"step\":2,\"name\":\"注册未购买\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        var cohort = JSON.readTree(saved.body());
        assertThat(cohort.get("name").asText()).isEqualTo("注册未购买");
        assertThat(cohort.get("size").asInt()).isEqualTo(2);

        var list = browser.get("/cohorts").body();
        assertThat(list).contains("注册未购买").contains("漏斗 sign_up → purchase 第 2 步流失").doesNotContain("还没有保存的人群")
                .contains("/cohorts/" + cohort.get("id").asLong() + "/members.csv");
        assertThat(browser.get("/cohorts?q=nothing-like-it").body()).contains("没有名称匹配的人群");
        var members = browser.get("/cohorts/" + cohort.get("id").asLong() + "/members.csv");
        assertThat(members.statusCode()).isEqualTo(200);
        assertThat(members.body()).contains("person\np1\nq2\n");
    }

    /** Empty dashboards and an Explore query without data say what to do next, with links to Explore and Ingestion. */
    @Test
    void emptyStatesSayWhatToDoNext() {
        var dashboards = browser.get("/dashboards").body();
        assertThat(dashboards).contains("还没有看板").contains("选择“保存到看板”").contains("去自助分析构建图表");
        var explore = browser.get("/explore").body();
        assertThat(explore).contains("id=\"explore-empty\"").contains("放宽日期").contains("检查事件名").contains("href=\"/collect\"");
        String viewerEmail = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        workspaces.addMember(ws.workspace().id(), users.create(viewerEmail, "访客", "viewer-password-123"), Role.VIEWER);
        var viewer = new Browser(port).login(viewerEmail, "viewer-password-123").get("/explore").body();
        assertThat(viewer).as("a viewer may list drop-offs but neither export nor save them, and has no Ingestion link")
                .contains("data-list=\"/explore/dropped\"").doesNotContain("data-save=").doesNotContain("data-export=").doesNotContain("href=\"/collect\"");
        var english = browser.get("/dashboards?lang=en").body();
        assertThat(english).contains("No dashboards yet").contains("Save to dashboard");
        browser.get("/?lang=zh-CN");
    }
}
