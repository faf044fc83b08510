package io.marketops.anomalies;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import jakarta.mail.internet.MimeMessage;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts through the reports' delivery channels: new high-severity anomalies of the last days go by e-mail (an
 * in-process SMTP server) to the recipients of the workspace's reports, once, and only when the workspace turned
 * alerts on. The workspace has two douyin outages: one 40 days ago (history) and one two days ago (news).
 */
@IntegrationTest
class AnomalyAlertsIntegrationTests {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces testWorkspaces;
    @Autowired
    Warehouse warehouse;
    Api api;
    LocalDate today, recent, old;
    HttpServer robot;
    final List<String> robotPosts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void workspaceWithTwoOutagesAReportAndMailSettings() throws Exception {
        TestWorkspaces.Fresh ws = testWorkspaces.create("anomalies-alerts");
        api = new Api(port, ws.token());
        today = LocalDate.now(Traffic.SHANGHAI);
        old = today.minusDays(40);
        recent = today.minusDays(2);
        warehouse.append(a -> {
            Traffic.write(a, ws.id(), today.minusDays(100), 80, 200, old, 0.2);
            Traffic.write(a, ws.id(), today.minusDays(20), 20, 200, recent, 0.2);
        });
        var mail = api.put("/api/v1/reports/mail-settings", Map.of("host", "127.0.0.1", "port", smtp.getSmtp().getPort(),
                "fromAddress", "reports@brand.cn", "starttls", false, "ssl", false));
        assertThat(mail.status()).as(mail.body()).isEqualTo(200);
        robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/wecom", exchange -> {
            robotPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        robot.start();
        String hook = "http://127.0.0.1:" + robot.getAddress().getPort() + "/wecom?key=robot-key-123456";
        var report = api.post("/api/v1/reports", Map.of("name", "Traffic weekly", "frequency", "weekly", "metrics", List.of("uv", "pv"),
                "emails", List.of("lead@brand.cn"), "robots", List.of(Map.of("kind", "wecom", "url", hook)), "language", "en"));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        var daily = api.post("/api/v1/reports", Map.of("name", "流量日报", "frequency", "daily", "metrics", List.of("uv"),
                "emails", List.of("lead@brand.cn"), "robots", List.of(), "language", "zh-CN"));
        assertThat(daily.status()).as("a second report naming the same address: it still gets one alert").isEqualTo(201);
    }

    @AfterEach
    void stopRobot() {
        robot.stop(0);
    }

    private Api.Response detect() {
        Api.Response r = api.post("/api/v1/anomalies/detect", Map.of("from", today.minusDays(60).toString(), "to", today.minusDays(1).toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void alertsAreOffByDefaultSoDetectionSendsNothing() throws Exception {
        assertThat(api.get("/api/v1/anomalies/settings").json().at("/settings/alerts").asBoolean()).isFalse();
        assertThat(detect().body()).contains("\"severity\":\"high\"");
        Thread.sleep(1000); // an alert would go out asynchronously
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(robotPosts).isEmpty();
    }

    @Test
    void newHighSeverityAnomaliesOfTheLastDaysAreMailedToReportRecipientsOnce() throws Exception {
        var on = api.put("/api/v1/anomalies/settings", Map.of("sensitivity", "medium", "minVolume", 50, "alerts", true));
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().get("alerts").asBoolean()).isTrue();

        String found = detect().body();
        assertThat(found).contains("\"date\":\"" + old + "\"", "\"date\":\"" + recent + "\"");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("lead@brand.cn");
        assertThat(mails[0].getSubject()).startsWith("MarketOps alert: ").endsWith("new high-severity anomalies");
        String body = (String) mails[0].getContent();
        assertThat(body).contains("UV (unique visitors) · Total · " + recent + ": ", "; Douyin -").doesNotContain(old.toString());

        for (int waited = 0; robotPosts.isEmpty() && waited < 5000; waited += 50) Thread.sleep(50); // alerts go out asynchronously
        assertThat(robotPosts).hasSize(1);
        assertThat(robotPosts.get(0)).contains("\"msgtype\":\"markdown\"", "### MarketOps alert: ", "UV (unique visitors) · Total · " + recent)
                .doesNotContain(old.toString());

        detect(); // the same anomalies again: already told
        Thread.sleep(1000); // an alert would go out asynchronously: give it the time the first one needed
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(robotPosts).hasSize(1);
    }
}
