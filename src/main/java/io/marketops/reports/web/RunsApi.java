package io.marketops.reports.web;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.web.Problems;
import io.marketops.reports.internal.CjkFont;
import io.marketops.reports.internal.Deliveries;
import io.marketops.reports.internal.Delivery;
import io.marketops.reports.internal.DeliveryWorker;
import io.marketops.reports.internal.ReportContent;
import io.marketops.reports.internal.ReportDefinitions;
import io.marketops.reports.internal.ReportRun;
import io.marketops.reports.internal.ReportRuns;
import io.marketops.workspace.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/reports/runs")
@Tag(name = "Reports")
class RunsApi {
    private final ReportRuns runs;
    private final ReportDefinitions definitions;
    private final Downloads downloads;
    private final DeliveryWorker worker;
    private final Deliveries deliveries;

    RunsApi(ReportRuns runs, ReportDefinitions definitions, Downloads downloads, DeliveryWorker worker, Deliveries deliveries) {
        this.runs = runs;
        this.definitions = definitions;
        this.downloads = downloads;
        this.worker = worker;
        this.deliveries = deliveries;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('reports.read')")
    @Operation(summary = "The archive of every report's runs, newest first (sort: createdAt, from)")
    PageResult<ReportRun> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                               @RequestParam(required = false) String sort) {
        return runs.list(Actors.workspace(), null, PageQuery.parse(page, size, sort, ReportRuns.SORTS, "createdAt,desc"));
    }

    /** @param content the built report (null while building or when failed) */
    record RunDetail(ReportRun run, ReportContent content) {
    }

    @GetMapping("/{runId}")
    @PreAuthorize("hasAuthority('reports.read')")
    @Operation(summary = "One run: status, period, build time and the built report (KPIs, trends, movers, anomalies, channel ROI, narrative) as JSON")
    RunDetail get(@PathVariable long runId) {
        var ws = Actors.workspace();
        ReportRun run = runs.get(ws, runId);
        return new RunDetail(run, run.done() ? runs.content(ws, runId) : null);
    }

    @GetMapping("/{runId}.pdf")
    @PreAuthorize("hasAuthority('reports.read')")
    @Operation(summary = "The run as PDF (charts embedded, Chinese font embedded); audited as an export")
    ResponseEntity<byte[]> pdf(@PathVariable long runId) {
        return downloads.file(Actors.workspace(), runId, "pdf");
    }

    @GetMapping("/{runId}.xlsx")
    @PreAuthorize("hasAuthority('reports.read')")
    @Operation(summary = "The run as XLSX (a sheet per table, numbers as numbers, charts on the summary sheet); audited as an export")
    ResponseEntity<byte[]> xlsx(@PathVariable long runId) {
        return downloads.file(Actors.workspace(), runId, "xlsx");
    }

    @GetMapping("/{runId}.html")
    @PreAuthorize("hasAuthority('reports.read')")
    @Operation(summary = "The run as a standalone HTML page; audited as an export")
    ResponseEntity<byte[]> html(@PathVariable long runId) {
        return downloads.file(Actors.workspace(), runId, "html");
    }

    @PostMapping("/{runId}/deliveries")
    @PreAuthorize("hasAuthority('reports.manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send now: delivers the run to every e-mail and robot of its report at once; failures are retried with backoff")
    List<Delivery> send(@PathVariable long runId) {
        var a = Actors.require();
        ReportRun run = runs.get(a.workspaceId(), runId);
        runs.content(a.workspaceId(), runId);
        return worker.sendNow(a.workspaceId(), runId, definitions.get(a.workspaceId(), run.reportId()), a.name());
    }

    @GetMapping("/{runId}/deliveries")
    @PreAuthorize("hasAuthority('reports.read')")
    @Operation(summary = "The deliveries of one run")
    PageResult<Delivery> deliveries(@PathVariable long runId, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var ws = Actors.workspace();
        runs.get(ws, runId);
        return deliveries.list(ws, runId, null, PageQuery.parse(page, size, null, Deliveries.SORTS, "createdAt,desc"));
    }

    @ExceptionHandler(CjkFont.Missing.class)
    ProblemDetail fontMissing(CjkFont.Missing e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "PDF font missing", e.getMessage());
    }
}
