package io.marketops.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.marketops.reports.internal.DeliveryWorker;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.OrderRow;
import io.marketops.warehouse.Warehouse;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery by e-mail (in-process SMTP server) and by WeCom, DingTalk and Feishu robots (a local HTTP server), with signing and retries. */
@IntegrationTest
class ReportDeliveryIntegrationTests {
    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;
    @Autowired
    DeliveryWorker worker;
    TestWorkspaces.Fresh ws;
    Api api;
    RobotServer robots;
    final AtomicInteger wecomCalls = new AtomicInteger();

    @BeforeEach
    void workspaceWithAWeekOfOrdersAndCosts() {
        ws = workspaces.create("reports-delivery");
        api = new Api(port, ws.token());
        warehouse.append(a -> {
            for (int d = 1; d <= 14; d++) {
                LocalDate day = LocalDate.of(2026, 10, d);
                Instant noon = day.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).plusHours(12).toInstant();
                a.order(new OrderRow(ws.id(), "o" + d, "c" + d, noon, new BigDecimal(100 + d * 10 + ".00"), "CNY", "paid", 1, d % 2 == 0 ? "douyin" : "weibo", "camp" + d % 3, null));
                a.adCost(new AdCostRow(ws.id(), day, "douyin", "camp1", "g", 1000, 40, new BigDecimal("30.00"), "CNY", 2, BigDecimal.ZERO));
            }
        });
        robots = new RobotServer(RobotServer.failingFirst("/wecom", wecomCalls));
    }

    @AfterEach
    void stop() {
        robots.close();
    }

    long weeklyReportWith(List<String> emails, List<Map<String, String>> robotList) {
        var created = api.post("/api/v1/reports", Map.of("name", "渠道周报", "frequency", "weekly", "metrics", List.of("gmv", "orders", "cost", "roas"),
                "emails", emails, "robots", robotList, "language", "zh-CN"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        var run = api.post("/api/v1/reports/" + id + "/run", Map.of("period", "2026-W41"));
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        assertThat(run.json().get("from").asText()).isEqualTo("2026-10-05");
        return run.json().get("runId").asLong();
    }

    void smtpSettings() {
        var saved = api.put("/api/v1/reports/mail-settings", Map.of("host", "127.0.0.1", "port", smtp.getSmtp().getPort(),
                "fromAddress", "reports@brand.cn", "starttls", false, "ssl", false));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"passwordSet\":false");
    }

    @Test
    void sendNowEmailsThePdfAndXlsxToEveryAddressAndLogsIt() throws Exception {
        smtpSettings();
        long runId = weeklyReportWith(List.of("lead@brand.cn", "analyst@brand.cn"), List.of());
        var sent = api.post("/api/v1/reports/runs/" + runId + "/deliveries", "");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json()).hasSize(2).allMatch(d -> d.get("status").asText().equals("sent") && d.get("attempts").asInt() == 1);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(mails[0].getSubject()).contains("渠道周报 · 周报", "2026-10-05 ~ 2026-10-11");
        List<String> files = new ArrayList<>();
        Multipart parts = (Multipart) mails[0].getContent();
        for (int k = 0; k < parts.getCount(); k++) {
            if (parts.getBodyPart(k).getFileName() != null) files.add(MimeUtility.decodeText(parts.getBodyPart(k).getFileName()));
        }
        assertThat(files).hasSize(2).anyMatch(f -> f.endsWith(".pdf")).anyMatch(f -> f.endsWith(".xlsx"));
        assertThat(html(mails[0])).contains("核心指标", "¥");
        var log = api.get("/api/v1/reports/deliveries?runId=" + runId).json();
        assertThat(log.get("total").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/reports/mail-settings").json().at("/settings/host").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void robotsGetTheirOwnFormatsAndDingTalkAndFeishuSignaturesVerify() throws Exception {
        long runId = weeklyReportWith(List.of(), List.of(
                Map.of("kind", "dingtalk", "url", robots.url("/dingtalk?access_token=tok123456"), "secret", "SECdingtalk-secret"),
                Map.of("kind", "feishu", "url", robots.url("/feishu/hook-abcdef"), "secret", "feishu-secret")));
        var definition = api.get("/api/v1/reports/runs/" + runId).json();
        assertThat(definition.at("/run/status").asText()).isEqualTo("done");
        var sent = api.post("/api/v1/reports/runs/" + runId + "/deliveries", "");
        assertThat(sent.json()).hasSize(2).allMatch(d -> d.get("status").asText().equals("sent"));
        assertThat(sent.json().get(0).get("target").asText()).doesNotContain("tok123456");

        var ding = robots.received.stream().filter(r -> r.path().equals("/dingtalk")).findFirst().orElseThrow();
        Map<String, String> q = query(ding.uri().getRawQuery());
        String expected = Base64.getEncoder().encodeToString(hmac("SECdingtalk-secret".getBytes(StandardCharsets.UTF_8),
                (q.get("timestamp") + "\nSECdingtalk-secret").getBytes(StandardCharsets.UTF_8)));
        assertThat(q.get("access_token")).isEqualTo("tok123456");
        assertThat(URLDecoder.decode(q.get("sign"), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(Math.abs(Long.parseLong(q.get("timestamp")) - System.currentTimeMillis())).isLessThan(Duration.ofMinutes(5).toMillis());
        JsonNode dingBody = JSON.readTree(ding.body());
        assertThat(dingBody.get("msgtype").asText()).isEqualTo("markdown");
        assertThat(dingBody.at("/markdown/text").asText()).contains("### 渠道周报 · 周报", "核心指标");

        var feishu = robots.received.stream().filter(r -> r.path().equals("/feishu/hook-abcdef")).findFirst().orElseThrow();
        JsonNode fb = JSON.readTree(feishu.body());
        String feishuExpected = Base64.getEncoder().encodeToString(hmac((fb.get("timestamp").asText() + "\nfeishu-secret").getBytes(StandardCharsets.UTF_8), new byte[0]));
        assertThat(fb.get("sign").asText()).isEqualTo(feishuExpected);
        assertThat(fb.get("msg_type").asText()).isEqualTo("interactive");
        assertThat(fb.at("/card/header/title/content").asText()).isEqualTo("渠道周报 · 周报");
    }

    @Test
    void aFailedRobotIsRetriedWithBackoffUntilItIsSent() {
        long runId = weeklyReportWith(List.of(), List.of(Map.of("kind", "wecom", "url", robots.url("/wecom?key=abcdef-123"))));
        JsonNode first = api.post("/api/v1/reports/runs/" + runId + "/deliveries", "").json().get(0);
        assertThat(first.get("status").asText()).isEqualTo("pending");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("lastError").asText()).contains("HTTP 500");
        Instant next = Instant.parse(first.get("nextAttemptAt").asText());
        assertThat(Duration.between(Instant.now(), next)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(61));
        worker.runDue(next.plusSeconds(1));
        JsonNode after = api.get("/api/v1/reports/deliveries?runId=" + runId).json().get("items").get(0);
        assertThat(after.get("status").asText()).isEqualTo("sent");
        assertThat(after.get("attempts").asInt()).isEqualTo(2);
        assertThat(robots.count("/wecom")).isEqualTo(2);
        assertThat(robots.received.get(1).body()).contains("\"msgtype\":\"markdown\"", "渠道周报");
    }

    @Test
    void aRobotThatKeepsRefusingIsGivenUpAfterFiveAttempts() {
        try (RobotServer refusing = new RobotServer(r -> new RobotServer.Answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"))) {
            long runId = weeklyReportWith(List.of(), List.of(Map.of("kind", "dingtalk", "url", refusing.url("/robot/send?access_token=x"), "secret", "SECwrong")));
            api.post("/api/v1/reports/runs/" + runId + "/deliveries", "");
            Instant t = Instant.now();
            for (int k = 1; k <= 6; k++) worker.runDue(t.plus(Duration.ofDays(k)));
            JsonNode d = api.get("/api/v1/reports/deliveries?runId=" + runId).json().get("items").get(0);
            assertThat(d.get("status").asText()).isEqualTo("failed");
            assertThat(d.get("attempts").asInt()).isEqualTo(5);
            assertThat(d.get("lastError").asText()).contains("errcode 310000 sign not match");
            assertThat(refusing.count("/robot/send")).isEqualTo(5);
        }
    }

    @Test
    void emailWithoutSmtpSettingsFailsAtOnceSayingWhatToSet() {
        long runId = weeklyReportWith(List.of("lead@brand.cn"), List.of());
        JsonNode d = api.post("/api/v1/reports/runs/" + runId + "/deliveries", "").json().get(0);
        assertThat(d.get("status").asText()).isEqualTo("failed");
        assertThat(d.get("lastError").asText()).contains("no SMTP settings", "/api/v1/reports/mail-settings");
    }

    /** The decoded text/html part of a message. */
    static String html(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/html")) return (String) part.getContent();
        if (part.getContent() instanceof Multipart m) {
            for (int k = 0; k < m.getCount(); k++) {
                String found = html(m.getBodyPart(k));
                if (found != null) return found;
            }
        }
        return null;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String p : raw.split("&")) {
            String[] kv = p.split("=", 2);
            out.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return out;
    }

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
