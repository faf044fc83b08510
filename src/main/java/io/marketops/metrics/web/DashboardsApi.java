package io.marketops.metrics.web;

import io.marketops.core.PageQuery;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.core.InvalidRequest;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.internal.Dashboards;
import io.marketops.metrics.internal.ShareLinks;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/** Dashboards of saved charts, their data, and read-only share links. */
@RestController
@RequestMapping("/api/v1/dashboards")
@Tag(name = "Dashboards")
class DashboardsApi {
    private final Dashboards dashboards;
    private final ShareLinks shares;
    private final ChartRunner runner;
    private final AuditLog audit;

    DashboardsApi(Dashboards dashboards, ShareLinks shares, ChartRunner runner, AuditLog audit) {
        this.dashboards = dashboards;
        this.shares = shares;
        this.runner = runner;
        this.audit = audit;
    }

    record NewDashboard(String name) {
    }

    /** @param query the body of the kind's API call; may use "lastDays" instead of from/to */
    record NewChart(String title, String kind, String chartType, JsonNode query) {
    }

    record ChartData(Dashboards.Chart chart, Object result, String error) {
    }

    record DashboardData(Dashboards.Dashboard dashboard, List<ChartData> charts) {
    }

    record NewShare(ShareLinks.ShareLink link, String token, String url) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "The workspace's dashboards (without their charts), by name, a page at a time ({\"items\",\"page\",\"size\",\"total\"}); q searches the name")
    PageResult<Dashboards.Dashboard> list(@Parameter(description = "case-insensitive search in the name") @RequestParam(required = false) String q,
            @Parameter(description = "page number, from 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "items per page, 1 to 500 (default 50)") @RequestParam(required = false) Integer size) {
        return dashboards.page(Actors.workspace(), q, PageQuery.of(page, size));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('metrics.manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates an empty dashboard")
    Dashboards.Dashboard create(@RequestBody NewDashboard body) {
        var a = Actors.require();
        var d = dashboards.create(a.workspaceId(), body.name(), a.name());
        audit.record("metrics.dashboard.create", "dashboard " + d.id(), d.name());
        return d;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "A dashboard with its saved charts (their queries, not their data)")
    Dashboards.Dashboard get(@PathVariable long id) {
        return dashboards.get(Actors.workspace(), id);
    }

    @GetMapping("/{id}/data")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "A dashboard with every chart's current result (a chart whose query no longer runs carries its error)")
    DashboardData data(@PathVariable long id) {
        return data(runner, dashboards.get(Actors.workspace(), id), Actors.workspace());
    }

    static DashboardData data(ChartRunner runner, Dashboards.Dashboard d, WorkspaceId ws) {
        List<ChartData> charts = d.charts().stream().map(c -> {
            try {
                return new ChartData(c, runner.run(ws, c.kind(), runner.parse(c.query())), null);
            } catch (InvalidRequest e) {
                return new ChartData(c, null, e.getMessage());
            }
        }).toList();
        return new DashboardData(d, charts);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('metrics.manage')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a dashboard, its charts and share links")
    void delete(@PathVariable long id) {
        dashboards.delete(Actors.workspace(), id);
        audit.record("metrics.dashboard.delete", "dashboard " + id, null);
    }

    @PostMapping("/{id}/charts")
    @PreAuthorize("hasAuthority('metrics.manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Saves a chart on a dashboard; its query is run once first and refused with the reason when invalid")
    Dashboards.Chart addChart(@PathVariable long id, @RequestBody NewChart body) {
        WorkspaceId ws = Actors.workspace();
        dashboards.get(ws, id);
        if (body.query() == null) throw new InvalidRequest("query", "is required: the body of the " + body.kind() + " API call");
        runner.run(ws, body.kind(), body.query());
        return dashboards.addChart(ws, id, body.title(), body.kind(), body.chartType(), body.query().toString());
    }

    @DeleteMapping("/{id}/charts/{chartId}")
    @PreAuthorize("hasAuthority('metrics.manage')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes a chart from a dashboard")
    void removeChart(@PathVariable long id, @PathVariable long chartId) {
        dashboards.removeChart(Actors.workspace(), id, chartId);
    }

    @GetMapping("/{id}/shares")
    @PreAuthorize("hasAuthority('metrics.read')")
    @Operation(summary = "The dashboard's read-only share links (tokens are never shown again)")
    PageResult<ShareLinks.ShareLink> shares(@PathVariable long id) {
        WorkspaceId ws = Actors.workspace();
        dashboards.get(ws, id);
        var all = shares.list(ws, id);
        return new PageResult<>(all, 1, Math.max(1, all.size()), all.size());
    }

    @PostMapping("/{id}/shares")
    @PreAuthorize("hasAuthority('metrics.manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a read-only share link: anyone with the URL sees the dashboard without signing in, until it is revoked")
    NewShare share(@PathVariable long id, HttpServletRequest request) {
        var a = Actors.require();
        dashboards.get(a.workspaceId(), id);
        var created = shares.create(a.workspaceId(), id, a.name());
        audit.record("metrics.share.create", "dashboard " + id, "link " + created.link().id());
        String url = ServletUriComponentsBuilder.fromContextPath(request).path("/share/" + created.token()).toUriString();
        return new NewShare(created.link(), created.token(), url);
    }

    @DeleteMapping("/{id}/shares/{shareId}")
    @PreAuthorize("hasAuthority('metrics.manage')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revokes a share link; its URL stops working at once")
    void revoke(@PathVariable long id, @PathVariable long shareId) {
        shares.revoke(Actors.workspace(), id, shareId);
        audit.record("metrics.share.revoke", "dashboard " + id, "link " + shareId);
    }
}
