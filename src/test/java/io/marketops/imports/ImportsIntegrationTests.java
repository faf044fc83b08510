package io.marketops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ImportsIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;

    TestWorkspaces.Fresh ws;
    ImportClient client;
    Api api;

    @BeforeEach
    void freshWorkspace() {
        ws = workspaces.create("imports");
        client = new ImportClient(port, ws.token());
        api = new Api(port, ws.token());
    }

    @Test
    void importsGbkAdReportWithTitleLinesAndTotalsRow() {
        var r = client.upload("/api/v1/imports/ad-costs", "巨量引擎日报.csv", ImportFixtures.adCostsGbk(), "{\"defaults\":{\"channel\":\"巨量引擎\"}}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("encoding").asText()).startsWith("GB");
        assertThat(s.get("rows").asLong()).isEqualTo(3);
        assertThat(s.get("imported").asLong()).isEqualTo(3);
        assertThat(s.get("rejected").asLong()).isZero();
        assertThat(s.get("skipped").asLong()).isEqualTo(1);
        var row = warehouse.sql().sql("SELECT channel, campaign, impressions, cost FROM ad_costs WHERE workspace_id = ? AND date = DATE '2026-11-02'")
                .param(ws.id()).query((rs, n) -> new Object[]{rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)}).single();
        assertThat(row).containsExactly("douyin", "双11预热-抖音", 15000L, new BigDecimal("1500.25"));
    }

    @Test
    void reimportingTheSameRowsUpdatesThemInsteadOfCountingTwice() {
        client.upload("/api/v1/imports/ad-costs", "day.csv", ImportFixtures.adCostsGbk(), "{\"defaults\":{\"channel\":\"douyin\"}}");
        var again = client.upload("/api/v1/imports/ad-costs", "day.csv", ImportFixtures.adCostsGbk(), "{\"defaults\":{\"channel\":\"douyin\"}}");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("imported").asLong()).isZero();
        assertThat(again.json().get("updated").asLong()).isEqualTo(3);
        var totals = warehouse.sql().sql("SELECT count(*), sum(cost) FROM ad_costs WHERE workspace_id = ?").param(ws.id())
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getBigDecimal(2)}).single();
        assertThat(totals).containsExactly(3L, new BigDecimal("3534.75"));
    }

    @Test
    void readsUtf8WithBomAndNamesEachBadRowByNumberAndField() {
        var r = client.upload("/api/v1/imports/orders", "tmall.csv", ImportFixtures.utf8Bom(ImportFixtures.ordersWithBadRows()), null);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("encoding").asText()).isEqualTo("UTF-8 (BOM)");
        assertThat(s.get("rows").asLong()).isEqualTo(5);
        assertThat(s.get("imported").asLong()).isEqualTo(3);
        assertThat(s.get("rejected").asLong()).isEqualTo(2);
        assertThat(s.get("rejections").findValuesAsText("field")).containsExactly("order_time", "amount");
        assertThat(s.get("rejections").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(s.get("rejections").get(1).get("row").asLong()).isEqualTo(5);
        var statuses = warehouse.sql().sql("SELECT status FROM orders WHERE workspace_id = ? ORDER BY order_id").param(ws.id()).query(String.class).list();
        assertThat(statuses).containsExactly("paid", "cancelled", "refunded");
        var csv = api.get("/api/v1/imports/" + s.get("importId").asText() + "/rejected.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("row,field,value,reason").contains("3,order_time,2026-02-30 10:00:00,").contains("5,amount,abc,");
    }

    @Test
    void aSavedMappingIsAppliedToTheNextFileFromTheSameSource() {
        String first = "统计日期,推广计划,花费,点击\n2026-11-01,A,10,1\n";
        var saved = client.upload("/api/v1/imports/ad-costs", "baidu.csv", first.getBytes(StandardCharsets.UTF_8),
                "{\"columns\":{\"推广计划\":\"campaign\"},\"defaults\":{\"channel\":\"百度\"},\"source\":\"百度营销日报\",\"save\":true}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        String next = "统计日期,推广计划,花费,点击\n2026-11-02,A,20,2\n";
        var r = client.upload("/api/v1/imports/ad-costs", "baidu-2.csv", next.getBytes(StandardCharsets.UTF_8), null);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("source").asText()).isEqualTo("百度营销日报");
        assertThat(api.get("/api/v1/imports/mappings?kind=ad-costs").json().get(0).get("mapping").get("defaults").get("channel").asText()).isEqualTo("百度");
        long baidu = warehouse.sql().sql("SELECT count(*) FROM ad_costs WHERE workspace_id = ? AND channel = 'baidu_sem'").param(ws.id()).query(Long.class).single();
        assertThat(baidu).isEqualTo(2);
        assertThat(api.delete("/api/v1/imports/mappings/ad-costs/百度营销日报").status()).isEqualTo(204);
    }

    @Test
    void refusesAFileWithoutARequiredColumnNamingTheField() {
        String csv = "日期,计划名称,展现量\n2026-11-01,A,100\n";
        var r = client.upload("/api/v1/imports/ad-costs", "no-cost.csv", csv.getBytes(StandardCharsets.UTF_8), "{\"defaults\":{\"channel\":\"douyin\"}}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("mapping");
        assertThat(r.json().get("detail").asText()).contains("cost").contains("展现量");
        assertThat(api.get("/api/v1/imports").json().get("total").asLong()).isZero();
    }

    @Test
    void importsStreamedXlsxWithDateCellsAndPercentages() throws Exception {
        var r = client.upload("/api/v1/imports/content-metrics", "xhs.xlsx", ImportFixtures.contentMetricsXlsx(50), null);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("format").asText()).isEqualTo("xlsx");
        assertThat(r.json().get("imported").asLong()).isEqualTo(50);
        var first = warehouse.sql().sql("SELECT platform, date, completion_rate, followers_gained FROM content_metrics WHERE workspace_id = ? AND post_id = 'note-1'")
                .param(ws.id()).query((rs, n) -> new Object[]{rs.getString(1), rs.getDate(2).toString(), rs.getDouble(3), rs.getLong(4)}).single();
        assertThat(first).containsExactly("xiaohongshu", "2026-11-02", 0.35, -1L);
    }

    @Test
    void asyncImportAnswers202AndIsPolledUntilDone() throws Exception {
        var r = client.upload("/api/v1/imports/content-metrics?async=true", "xhs.xlsx", ImportFixtures.contentMetricsXlsx(20), null);

        assertThat(r.status()).isEqualTo(202);
        String id = r.json().get("importId").asText();
        JsonNode job = null;
        for (int i = 0; i < 100; i++) {
            job = api.get("/api/v1/imports/" + id).json();
            if (job.get("status").asText().equals("done")) break;
            Thread.sleep(100);
        }
        assertThat(job.get("status").asText()).isEqualTo("done");
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(api.get("/api/v1/imports?kind=content-metrics").json().get("items").get(0).get("importId").asText()).isEqualTo(id);
    }
}
