package io.marketops.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.anomalies.Anomalies;
import io.marketops.core.PageQuery;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.AuditLog;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done means" of issue 7: a monthly report over demo data renders as page, PDF and XLSX, and the PDF's text
 * (Chinese included) shows the numbers the metrics API gives for the same month.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportIntegrationTests {
    static final List<String> METRICS = List.of("gmv", "uv", "orders", "cost", "roas");
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;
    @Autowired
    AuditLog audit;
    @Autowired
    ObjectProvider<Anomalies> anomalies;
    TestWorkspaces.Fresh ws;
    Api api;
    long runId;
    Map<String, JsonNode> metrics = new HashMap<>();

    @BeforeAll
    void monthlyReportOfOctober() {
        ws = workspaces.create("reports-monthly");
        api = new Api(port, ws.token());
        ReportDemoData.fill(warehouse, ws.id());
        var created = api.post("/api/v1/reports", Map.of("name", "经营月报", "frequency", "monthly", "metrics", METRICS,
                "breakdowns", List.of("channel", "campaign", "content"), "targets", Map.of("gmv", 1_000_000), "language", "zh-CN"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var run = api.post("/api/v1/reports/" + created.json().get("id").asLong() + "/run", Map.of("period", "2026-10"));
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        assertThat(run.json().get("status").asText()).isEqualTo("done");
        assertThat(run.json().get("from").asText()).isEqualTo("2026-10-01");
        runId = run.json().get("runId").asLong();
        var q = api.post("/api/v1/metrics/query", Map.of("metrics", METRICS, "from", "2026-10-01", "to", "2026-10-31", "granularity", "total",
                "compare", "previous_period"));
        assertThat(q.status()).as(q.body()).isEqualTo(200);
        JsonNode row = q.json().get("rows").get(0);
        for (String m : METRICS) metrics.put(m, ((com.fasterxml.jackson.databind.node.ObjectNode) row.get("compare").get(m)).set("now", row.get("values").get(m)));
    }

    static String money(JsonNode v) {
        return String.format(Locale.ROOT, "¥%,.2f", v.decimalValue());
    }

    static String change(JsonNode c) {
        BigDecimal pct = c.decimalValue().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
        return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
    }

    @Test
    void theRunHoldsTheMetricsApisNumbersForTheMonthAndItsPreviousMonth() {
        JsonNode run = api.get("/api/v1/reports/runs/" + runId).json();
        assertThat(run.at("/content/previousFrom").asText()).isEqualTo("2026-09-01");
        assertThat(run.at("/content/previousTo").asText()).isEqualTo("2026-09-30");
        for (JsonNode k : run.at("/content/kpis")) {
            JsonNode m = metrics.get(k.get("metric").asText());
            assertThat(k.get("value").decimalValue()).as(k.toString()).isEqualByComparingTo(m.get("now").decimalValue());
            assertThat(k.get("previous").decimalValue()).isEqualByComparingTo(m.get("value").decimalValue());
            assertThat(k.get("change").asDouble()).isEqualTo(m.get("change").asDouble());
        }
        assertThat(run.at("/content/movers").size()).isPositive();
        assertThat(run.at("/content/channels").size()).isPositive();
        assertThat(run.at("/content/narrative").get(0).asText()).startsWith("本月GMV 成交总额 " + money(metrics.get("gmv").get("now")));
    }

    @Test
    void pdfTextShowsTheChineseReportWithTheMetricsApisNumbers() throws Exception {
        byte[] pdf = bytes("/api/v1/reports/runs/" + runId + ".pdf", "application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("经营月报 · 月报", "核心指标", "渠道 ROI", "摘要", "环比", "同比", "抖音");
            assertThat(text).contains(money(metrics.get("gmv").get("now")), money(metrics.get("cost").get("now")),
                    String.format(Locale.ROOT, "%,d", metrics.get("uv").get("now").asLong()),
                    String.format(Locale.ROOT, "%,d", metrics.get("orders").get("now").asLong()),
                    change(metrics.get("gmv").get("change")), change(metrics.get("uv").get("change")));
            String gmvAttainment = metrics.get("gmv").get("now").decimalValue().multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(1_000_000), 1, RoundingMode.HALF_UP).toPlainString() + "%";
            assertThat(text).contains("目标达成 " + gmvAttainment);
            assertThat(text).contains(anomalies.getIfAvailable() == null ? "异常检测暂不可用" : "异常");
            assertThat(doc.getPage(0).getResources().getXObjectNames()).as("chart images").isNotEmpty();
        }
    }

    @Test
    void xlsxHasTheKpiTableAsNumbers() throws Exception {
        byte[] xlsx = bytes("/api/v1/reports/runs/" + runId + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("核心指标");
            assertThat(sheet).isNotNull();
            for (int r = 1; r <= METRICS.size(); r++) {
                Row row = sheet.getRow(r);
                JsonNode m = metrics.get(METRICS.get(r - 1));
                assertThat(row.getCell(1).getNumericCellValue()).as(METRICS.get(r - 1)).isCloseTo(m.get("now").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
            }
            assertThat(book.getSheet("渠道 ROI").getPhysicalNumberOfRows()).isGreaterThan(2);
        }
    }

    @Test
    void htmlPageAndDownloadsAreAuditedAsExports() {
        var html = api.get("/api/v1/reports/runs/" + runId + ".html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("经营月报", money(metrics.get("gmv").get("now")), "data:image/png;base64,");
        var exports = audit.search(ws.workspace().id(), new AuditLog.AuditFilter(null, "data.exported", null, null), new PageQuery(1, 50, "at", true));
        assertThat(exports.items()).anyMatch(e -> e.target().equals("report run " + runId) && e.details().contains("as html"));
    }

    @Test
    void archiveListsTheRunAndUnknownRunsAre404() {
        assertThat(api.get("/api/v1/reports/runs").json().get("items")).anyMatch(r -> r.get("id").asLong() == runId && r.get("status").asText().equals("done"));
        assertThat(api.get("/api/v1/reports/runs/999999999.pdf").status()).isEqualTo(404);
    }

    private byte[] bytes(String path, String type) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ws.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(type);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        return r.body();
    }
}
