package io.marketops.reports.internal;

import io.marketops.core.PageQuery;
import io.marketops.core.WorkspaceId;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A due schedule is built once, for the last complete period before it fired, and moves on to its next firing. */
@IntegrationTest
class ReportSchedulerIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ReportScheduler scheduler;
    @Autowired
    ReportRuns runs;
    @Autowired
    JdbcClient db;

    @Test
    void aDueWeeklyReportIsBuiltOnceForTheWeekBeforeItFired() {
        var ws = workspaces.create("reports-schedule");
        long id = new Api(port, ws.token()).post("/api/v1/reports", Map.of("name", "周报", "frequency", "weekly")).json().get("id").asLong();
        Instant mondayNine = LocalDate.of(2026, 11, 16).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        db.sql("UPDATE reports_definitions SET next_run_at = ? WHERE id = ?").params(Timestamp.from(mondayNine), id).update();
        Instant now = Instant.now();
        scheduler.buildDue(now);
        scheduler.buildDue(now);
        var archive = runs.list(WorkspaceId.of(ws.id()), id, new PageQuery(1, 10, "createdAt", true)).items();
        assertThat(archive).singleElement().satisfies(r -> {
            assertThat(r.from()).isEqualTo(LocalDate.of(2026, 11, 9));
            assertThat(r.to()).isEqualTo(LocalDate.of(2026, 11, 15));
            assertThat(r.trigger()).isEqualTo("schedule");
            assertThat(r.status()).isEqualTo("done");
        });
        Timestamp next = db.sql("SELECT next_run_at FROM reports_definitions WHERE id = ?").param(id).query(Timestamp.class).single();
        assertThat(next.toInstant()).isAfter(now);
        assertThat(next.toInstant().atZone(ZoneId.of("Asia/Shanghai")).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    }
}
