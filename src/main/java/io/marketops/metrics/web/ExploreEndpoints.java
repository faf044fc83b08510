package io.marketops.metrics.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.core.InvalidRequest;
import io.marketops.core.PageResult;
import io.marketops.metrics.Funnels;
import io.marketops.metrics.SavedCohorts;
import io.marketops.metrics.internal.Dashboards;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;

/**
 * The explore page's JSON calls, behind the signed-in session and CSRF (the API under /api/v1
 * takes tokens instead). They run exactly what the API runs.
 */
@RestController
class ExploreEndpoints {
    private final ChartRunner runner;
    private final Dashboards dashboards;
    private final AuditLog audit;
    private final AnalysisApi analysis;
    private final ChartTexts texts;

    ExploreEndpoints(ChartRunner runner, Dashboards dashboards, AuditLog audit, AnalysisApi analysis, ChartTexts texts) {
        this.texts = texts;
        this.analysis = analysis;
        this.runner = runner;
        this.dashboards = dashboards;
        this.audit = audit;
    }

    record Run(String kind, JsonNode request) {
    }

    record Save(Long dashboardId, String newDashboard, String title, String kind, String chartType, JsonNode query) {
    }

    /** @param funnel the explored funnel request (may use lastDays); step: the step people did not reach (2 or more); name: of the saved cohort */
    record Dropped(JsonNode funnel, Integer step, String name) {
    }

    private Requests.DroppedRequest dropped(Dropped body) {
        if (body.funnel() == null) throw new InvalidRequest("funnel", "is required: the funnel request");
        return new Requests.DroppedRequest(runner.funnel(Actors.workspace(), body.funnel()), body.step(), body.name());
    }

    /** The people who dropped at a step, a page at a time: what POST /api/v1/funnels/dropped answers. */
    @PostMapping("/explore/dropped")
    @PreAuthorize("hasAuthority('metrics.read')")
    PageResult<Funnels.DroppedPerson> dropped(@RequestBody Dropped body, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return analysis.dropped(dropped(body), page, size);
    }

    /** The same people as CSV (a form post, so the browser downloads it); audited like POST /api/v1/funnels/dropped/export. */
    @PostMapping("/explore/dropped/export")
    @PreAuthorize("hasAuthority('data.export')")
    ResponseEntity<byte[]> exportDropped(@RequestParam String funnel, @RequestParam Integer step) {
        return analysis.export(dropped(new Dropped(runner.parse(funnel), step, null)));
    }

    /** Saves them as a named cohort (for a segment), as POST /api/v1/funnels/dropped/cohorts does. */
    @PostMapping("/explore/dropped/cohorts")
    @PreAuthorize("hasAuthority('metrics.manage')")
    SavedCohorts.Cohort saveDropped(@RequestBody Dropped body) throws com.fasterxml.jackson.core.JsonProcessingException {
        return analysis.save(dropped(body));
    }

    @PostMapping("/explore/run")
    @PreAuthorize("hasAuthority('metrics.read')")
    Object run(@RequestBody Run body) {
        return runner.run(Actors.workspace(), body.kind(), body.request());
    }

    @PostMapping("/explore/save")
    @PreAuthorize("hasAuthority('metrics.manage')")
    Map<String, Object> save(@RequestBody Save body) {
        var a = Actors.require();
        if (body.query() == null) throw new InvalidRequest("query", "is required");
        runner.run(a.workspaceId(), body.kind(), body.query());
        long id;
        if (body.dashboardId() != null) {
            id = dashboards.get(a.workspaceId(), body.dashboardId()).id();
        } else {
            if (body.newDashboard() == null || body.newDashboard().isBlank()) throw new InvalidRequest("newDashboard", "name the new dashboard, or choose one");
            id = dashboards.create(a.workspaceId(), body.newDashboard(), a.name()).id();
        }
        String title = body.title() == null || body.title().isBlank() ? body.kind() : body.title();
        var chart = dashboards.addChart(a.workspaceId(), id, title, body.kind(), body.chartType(), body.query().toString());
        return Map.of("dashboardId", id, "chartId", chart.id(), "url", "/dashboards/" + id);
    }

    @PostMapping("/explore/export")
    @PreAuthorize("hasAuthority('data.export')")
    ResponseEntity<byte[]> export(@RequestParam String kind, @RequestParam String request) {
        Object result = runner.run(Actors.workspace(), kind, runner.parse(request));
        byte[] xlsx = XlsxExport.write(kind, result, texts.of(Actors.workspace(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        audit.record("metrics.export", kind, request.length() > 500 ? request.substring(0, 500) : request);
        String name = "marketops-" + kind + "-" + LocalDate.now() + ".xlsx";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).body(xlsx);
    }
}
