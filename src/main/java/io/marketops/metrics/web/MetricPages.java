package io.marketops.metrics.web;

import io.marketops.core.InvalidRequest;
import io.marketops.core.NotFound;
import io.marketops.metrics.Filter;
import io.marketops.metrics.MetricCatalog;
import io.marketops.metrics.MetricQueries;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.internal.CustomMetric;
import io.marketops.metrics.internal.CustomMetrics;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Permission;
import io.marketops.workspace.Workspaces;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.List;

/** The metric catalog page, a page per metric with its definition and SQL, and the custom-metric form. */
@Controller
class MetricPages {
    private final MetricCatalog catalog;
    private final MetricQueries queries;
    private final CustomMetrics custom;
    private final Workspaces workspaces;
    private final AuditLog audit;

    MetricPages(MetricCatalog catalog, MetricQueries queries, CustomMetrics custom, Workspaces workspaces, AuditLog audit) {
        this.catalog = catalog;
        this.queries = queries;
        this.custom = custom;
        this.workspaces = workspaces;
        this.audit = audit;
    }

    @GetMapping("/metrics")
    @PreAuthorize("hasAuthority('metrics.read')")
    String catalog(Model model) {
        var a = Actors.require();
        model.addAttribute("metrics", catalog.all(a.workspaceId()));
        model.addAttribute("canManage", a.may(Permission.METRICS_MANAGE));
        return "metrics/catalog";
    }

    @GetMapping("/metrics/{id}")
    @PreAuthorize("hasAuthority('metrics.read')")
    String metric(@PathVariable String id, Model model) {
        var a = Actors.require();
        var m = catalog.find(a.workspaceId(), id).orElseThrow(() -> new NotFound("metric", id));
        var zone = workspaces.get(a.workspaceId()).timezone();
        LocalDate to = LocalDate.now(zone);
        model.addAttribute("metric", m);
        model.addAttribute("timezone", zone.getId());
        model.addAttribute("sql", queries.sql(a.workspaceId(), MetricQuery.of(List.of(id), to.minusDays(29), to, MetricQuery.Granularity.DAY))
                .stream().map(MetricPages::readable).toList());
        model.addAttribute("canManage", a.may(Permission.METRICS_MANAGE));
        return "metrics/metric";
    }

    /** Line breaks before each CTE and clause, so the statement reads like hand-written SQL. */
    static String readable(String sql) {
        return sql.replaceAll(", (\\w+) AS \\(", ",\n$1 AS (").replace(" SELECT ", "\nSELECT ").replace(" FROM ", "\n  FROM ")
                .replace(" WHERE ", "\n  WHERE ").replace(" GROUP BY ", "\n  GROUP BY ").replace(" LEFT JOIN ", "\n  LEFT JOIN ").replace(" JOIN ", "\n  JOIN ");
    }

    @PostMapping("/metrics/custom")
    @PreAuthorize("hasAuthority('metrics.manage')")
    String create(@RequestParam String id, @RequestParam String nameEn, @RequestParam(required = false) String nameZh,
                  @RequestParam(required = false) String unit, @RequestParam String aggregation, @RequestParam String event,
                  @RequestParam(required = false) String property, @RequestParam(required = false) String filterField,
                  @RequestParam(required = false) String filterValue, @RequestParam(required = false) String denominatorEvent,
                  RedirectAttributes flash) {
        var a = Actors.require();
        List<Filter> filters = filterField == null || filterField.isBlank() ? List.of() : List.of(Filter.eq(filterField.trim(), filterValue == null ? "" : filterValue));
        var numerator = new CustomMetric.Part(aggregation, event, property == null || property.isBlank() ? null : property.trim(), filters);
        var denominator = denominatorEvent == null || denominatorEvent.isBlank() ? null : new CustomMetric.Part("count", denominatorEvent.trim(), null, List.of());
        try {
            var created = custom.create(a.workspaceId(), new CustomMetric(id, nameEn, nameZh, null, unit == null || unit.isBlank() ? null : unit,
                    null, numerator, denominator, null, null), a.name());
            audit.record("metrics.custom.create", created.id(), created.nameEn());
            return "redirect:/metrics/" + created.id();
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
            return "redirect:/metrics";
        }
    }

    @PostMapping("/metrics/custom/{id}/delete")
    @PreAuthorize("hasAuthority('metrics.manage')")
    String delete(@PathVariable String id) {
        custom.delete(Actors.workspace(), id);
        audit.record("metrics.custom.delete", id, null);
        return "redirect:/metrics";
    }
}
