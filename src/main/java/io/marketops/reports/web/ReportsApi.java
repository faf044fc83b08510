package io.marketops.reports.web;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.reports.internal.DefinitionRequest;
import io.marketops.reports.internal.DeliveryWorker;
import io.marketops.reports.internal.Period;
import io.marketops.reports.internal.ReportDefinition;
import io.marketops.reports.internal.ReportDefinitions;
import io.marketops.reports.internal.ReportRun;
import io.marketops.reports.internal.ReportRuns;
import io.marketops.reports.internal.ReportService;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportsApi {
    private final ReportDefinitions definitions;
    private final ReportService service;
    private final ReportRuns runs;
    private final DeliveryWorker worker;
    private final AuditLog audit;

    ReportsApi(ReportDefinitions definitions, ReportService service, ReportRuns runs, DeliveryWorker worker, AuditLog audit) {
        this.definitions = definitions;
        this.service = service;
        this.runs = runs;
        this.worker = worker;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('reports.read')")
    @Operation(summary = "The workspace's report definitions (sort: name, createdAt, frequency)")
    PageResult<DefinitionView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) String sort) {
        return definitions.list(Actors.workspace(), PageQuery.parse(page, size, sort, ReportDefinitions.SORTS, "name")).map(DefinitionView::of);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('reports.manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Defines a report: name, frequency (daily|weekly|monthly), metrics, breakdowns, targets, emails, robots, schedule (5-field cron, workspace time zone), language (zh-CN|en)")
    DefinitionView create(@RequestBody DefinitionRequest request) {
        var a = Actors.require();
        ReportDefinition d = definitions.create(a.workspaceId(), request, a.name());
        audit.record("reports.definition.create", "report " + d.id(), d.name());
        return DefinitionView.of(d);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('reports.read')")
    @Operation(summary = "One report definition")
    DefinitionView get(@PathVariable long id) {
        return DefinitionView.of(definitions.get(Actors.workspace(), id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('reports.manage')")
    @Operation(summary = "Replaces a report definition (robots sent back with their masked url keep their address and secret)")
    DefinitionView update(@PathVariable long id, @RequestBody DefinitionRequest request) {
        ReportDefinition d = definitions.update(Actors.workspace(), id, request);
        audit.record("reports.definition.update", "report " + id, d.name());
        return DefinitionView.of(d);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('reports.manage')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a report definition with its archive of runs and deliveries")
    void delete(@PathVariable long id) {
        definitions.delete(Actors.workspace(), id);
        audit.record("reports.definition.delete", "report " + id, null);
    }

    /**
     * @param period  2026-10 (month), 2026-W44 (ISO week) or 2026-10-31 (the frequency's period containing that day)
     * @param deliver also send the run to the report's recipients now
     */
    record RunRequest(String from, String to, String period, Boolean deliver) {
    }

    record RunCreated(long runId, String status, String from, String to, Long buildMillis, Links links, List<Object> deliveries) {
    }

    record Links(String html, String pdf, String xlsx) {
        static Links of(long runId) {
            String base = "/api/v1/reports/runs/" + runId;
            return new Links(base + ".html", base + ".pdf", base + ".xlsx");
        }
    }

    @PostMapping("/{id}/run")
    @PreAuthorize("hasAuthority('reports.manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Builds the report now for a period (from/to, or period, or by default the last complete one) and archives it; returns the run id and its renderings")
    RunCreated run(@PathVariable long id, @RequestBody(required = false) RunRequest request) {
        var a = Actors.require();
        RunRequest r = request == null ? new RunRequest(null, null, null, false) : request;
        ReportDefinition d = definitions.get(a.workspaceId(), id);
        Period p = Period.of(d.frequency(), r.from(), r.to(), r.period(), service.today(a.workspaceId()));
        long runId = service.build(d, p, "manual", a.name());
        audit.record("reports.run", "report " + id, "run " + runId + " for " + p.from() + ".." + p.to());
        List<Object> sent = Boolean.TRUE.equals(r.deliver()) ? List.copyOf(worker.sendNow(a.workspaceId(), runId, d, a.name())) : List.of();
        ReportRun run = runs.get(a.workspaceId(), runId);
        return new RunCreated(runId, run.status(), p.from().toString(), p.to().toString(), run.buildMillis(), Links.of(runId), sent);
    }

    @GetMapping("/{id}/runs")
    @PreAuthorize("hasAuthority('reports.read')")
    @Operation(summary = "The archive of one report's runs, newest first (sort: createdAt, from)")
    PageResult<ReportRun> runs(@PathVariable long id, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                               @RequestParam(required = false) String sort) {
        var ws = Actors.workspace();
        definitions.get(ws, id);
        return runs.list(ws, id, PageQuery.parse(page, size, sort, ReportRuns.SORTS, "createdAt,desc"));
    }
}
