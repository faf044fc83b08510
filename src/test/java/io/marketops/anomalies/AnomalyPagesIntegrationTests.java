package io.marketops.anomalies;

import io.marketops.support.PageSession;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import io.marketops.workspace.Workspaces;
import io.marketops.workspace.internal.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A data analyst runs detection from the alerts page, reads the list and opens the chart with its band. */
@IntegrationTest
class AnomalyPagesIntegrationTests {
    static final LocalDate FROM = LocalDate.of(2026, 7, 1), OUTAGE = LocalDate.of(2026, 9, 16);
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
    PageSession browser;

    @BeforeEach
    void signIn() {
        TestWorkspaces.Fresh ws = testWorkspaces.create("anomaly-pages");
        warehouse.append(a -> Traffic.write(a, ws.id(), FROM, 100, 200, OUTAGE, 0.2));
        String email = "analyst-" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        workspaces.addMember(ws.workspace().id(), users.create(email, "数据分析师", "analyst-password-123"), Role.DATA_ANALYST);
        browser = new PageSession(port, "en").login(email, "analyst-password-123");
    }

    @Test
    void detectFromTheListPageThenReadTheAlertAndItsChart() {
        HttpResponse<String> empty = browser.get("/anomalies?from=2026-09-10&to=2026-09-20");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Detect now", "Detection has not run in this workspace yet", "run it below for the last 90 days");

        HttpResponse<String> run = browser.post("/anomalies/detect", Map.of("from", "2026-09-10", "to", "2026-09-20"));
        assertThat(run.statusCode()).isEqualTo(302);
        assertThat(run.headers().firstValue("Location").orElse("")).contains("/anomalies?from=2026-09-10&to=2026-09-20");

        HttpResponse<String> list = browser.get("/anomalies?from=2026-09-10&to=2026-09-20&dimension=total");
        assertThat(list.body()).contains("2026-09-16", "UV", "Douyin", "sev-", "/anomalies/chart?metric=uv");

        HttpResponse<String> chart = browser.get("/anomalies/chart?metric=uv&from=2026-08-20&to=2026-09-30");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("id=\"anomaly-chart\"", "id=\"anomaly-series\"", "\"lower\"", "\"upper\"", "anomalies-chart.js");
    }

    @Test
    void badFormInputShowsTheProblemOnThePage() {
        HttpResponse<String> run = browser.post("/anomalies/detect", Map.of("from", "2026-09-20", "to", "2026-09-10"));
        assertThat(run.statusCode()).isEqualTo(302);
        HttpResponse<String> after = browser.get("/anomalies");
        assertThat(after.body()).contains("to: must not be before from");

        HttpResponse<String> settings = browser.post("/anomalies/settings", Map.of("sensitivity", "high", "minVolume", "lots"));
        assertThat(settings.statusCode()).isEqualTo(302);
        assertThat(browser.get("/anomalies").body()).contains("minVolume: &#39;lots&#39; is not a whole number");
        assertThat(browser.get("/anomalies/chart?metric=nope").body()).contains("metric: &#39;nope&#39; is not watched");
    }

    @Test
    void settingsSavedFromThePage() {
        browser.post("/anomalies/settings", Map.of("sensitivity", "high", "minVolume", "80"));

        String page = browser.get("/anomalies").body();
        assertThat(page).contains("High (more alerts)</strong>", "<strong>80</strong>");
    }
}
