package io.marketops.reports;

import io.marketops.support.PageSession;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The report pages of a signed-in marketing lead: define a report, build it, read it, download it; in 简体中文 and English. */
@IntegrationTest
class ReportPagesIntegrationTests {
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
    TestWorkspaces.Fresh ws;
    String email;

    @BeforeEach
    void leadWithAMonthOfOrders() {
        ws = testWorkspaces.create("reports-pages");
        email = "lead-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        workspaces.addMember(ws.workspace().id(), users.create(email, "市场负责人", "lead-password-123"), Role.MARKETING_LEAD);
        warehouse.append(a -> {
            for (int d = 1; d <= 30; d++) {
                LocalDate day = LocalDate.of(2026, 9, d);
                a.order(new OrderRow(ws.id(), "o" + d, "c" + d, day.atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(10).toInstant(),
                        new BigDecimal("200.00"), "CNY", "paid", 1, "xiaohongshu", "autumn", null));
                a.adCost(new AdCostRow(ws.id(), day, "xiaohongshu", "autumn", "g", 500, 20, new BigDecimal("50.00"), "CNY", 1, BigDecimal.ZERO));
            }
        });
    }

    String createReport(PageSession s, String name, String language) {
        var r = s.post("/reports", List.of(new String[]{"name", name}, new String[]{"frequency", "monthly"}, new String[]{"metrics", "gmv"},
                new String[]{"metrics", "orders"}, new String[]{"metrics", "cost"}, new String[]{"breakdowns", "channel"},
                new String[]{"targets", "gmv=5000"}, new String[]{"emails", ""}, new String[]{"robots", ""}, new String[]{"schedule", ""},
                new String[]{"language", language}, new String[]{"enabled", "true"}));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow().replaceAll("^.*(/reports/\\d+)$", "$1");
    }

    @Test
    void leadDefinesBuildsReadsAndDownloadsAMonthlyReportInChinese() {
        PageSession s = new PageSession(port, "zh-CN").login(email, "lead-password-123");
        assertThat(s.get("/reports").body()).contains("报告", "新建报告", "href=\"/reports\"");
        String report = createReport(s, "九月经营月报", "zh-CN");
        var detail = s.get(report);
        assertThat(detail.body()).contains("九月经营月报", "0 9 1 * *", "立即生成");
        var built = s.post(report + "/run", List.of(new String[]{"from", "2026-09-01"}, new String[]{"to", "2026-09-30"}));
        assertThat(built.statusCode()).isEqualTo(302);
        String run = built.headers().firstValue("Location").orElseThrow().replaceAll("^.*(/reports/runs/\\d+)$", "$1");
        var page = s.get(run);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("九月经营月报 · 月报", "核心指标", "¥6,000.00", "小红书", "目标达成 120.0%", "下载 PDF", "立即发送");
        var pdf = s.bytes(run + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(s.get("/reports/deliveries").body()).contains("发送记录");
        assertThat(s.get("/reports/runs/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void formErrorsNameTheFieldAndEnglishPagesReadInEnglish() {
        PageSession s = new PageSession(port, "en").login(email, "lead-password-123");
        var bad = s.post("/reports", List.of(new String[]{"name", "Broken"}, new String[]{"frequency", "monthly"}, new String[]{"metrics", "gmv"},
                new String[]{"targets", "orders=10"}, new String[]{"language", "en"}));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("targets.orders: a target needs its metric in the report").contains("value=\"Broken\"");
        String report = createReport(s, "September review", "en");
        var built = s.post(report + "/run", List.of(new String[]{"from", "2026-09-01"}, new String[]{"to", "2026-09-30"}));
        var page = s.get(built.headers().firstValue("Location").orElseThrow().replaceAll("^.*(/reports/runs/\\d+)$", "$1"));
        assertThat(page.body()).contains("September review · Monthly report", "Key metrics", "Xiaohongshu", "Download PDF", "Delivery log");
    }
}
