package io.marketops.reports.web;

import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.metrics.MetricCatalog;
import io.marketops.reports.internal.Period;
import io.marketops.reports.internal.ReportDefinition;
import io.marketops.reports.internal.ReportDefinitions;
import io.marketops.reports.internal.ReportRuns;
import io.marketops.reports.internal.ReportService;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Permission;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** Report definitions: list, create, edit, delete, and one report's page with "run now" and its archive of runs. */
@Controller
class ReportPages {
    static final List<String> BREAKDOWNS = List.of("channel", "campaign", "content", "platform");
    private final ReportDefinitions definitions;
    private final ReportRuns runs;
    private final ReportService service;
    private final MetricCatalog catalog;
    private final AuditLog audit;

    ReportPages(ReportDefinitions definitions, ReportRuns runs, ReportService service, MetricCatalog catalog, AuditLog audit) {
        this.definitions = definitions;
        this.runs = runs;
        this.service = service;
        this.catalog = catalog;
        this.audit = audit;
    }

    @GetMapping("/reports")
    @PreAuthorize("hasAuthority('reports.read')")
    String list(Model model) {
        var a = Actors.require();
        model.addAttribute("reports", definitions.list(a.workspaceId(), new PageQuery(1, 200, "name", false)).items());
        model.addAttribute("runs", runs.list(a.workspaceId(), null, new PageQuery(1, 10, "createdAt", true)).items());
        model.addAttribute("canManage", a.may(Permission.REPORTS_MANAGE));
        return "reports/list";
    }

    @GetMapping("/reports/new")
    @PreAuthorize("hasAuthority('reports.manage')")
    String create(Model model) {
        return form(model, ReportForm.empty(), null);
    }

    @GetMapping("/reports/{id}/edit")
    @PreAuthorize("hasAuthority('reports.manage')")
    String edit(@PathVariable long id, Model model) {
        return form(model, ReportForm.of(definitions.get(Actors.workspace(), id)), id);
    }

    private String form(Model model, ReportForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("reportId", id);
        model.addAttribute("metrics", catalog.all(Actors.workspace()));
        model.addAttribute("breakdowns", BREAKDOWNS);
        return "reports/form";
    }

    @PostMapping({"/reports", "/reports/{id}"})
    @PreAuthorize("hasAuthority('reports.manage')")
    String save(@PathVariable(required = false) Long id, @ModelAttribute ReportForm form, Model model) {
        var a = Actors.require();
        try {
            ReportDefinition d = id == null ? definitions.create(a.workspaceId(), form.request(), a.name())
                    : definitions.update(a.workspaceId(), id, form.request());
            audit.record(id == null ? "reports.definition.create" : "reports.definition.update", "report " + d.id(), d.name());
            return "redirect:/reports/" + d.id();
        } catch (InvalidRequest e) {
            model.addAttribute("formError", e.getMessage());
            model.addAttribute("errorField", e.field());
            return form(model, form, id);
        }
    }

    @GetMapping("/reports/{id}")
    @PreAuthorize("hasAuthority('reports.read')")
    String view(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        var a = Actors.require();
        ReportDefinition d = definitions.get(a.workspaceId(), id);
        model.addAttribute("report", DefinitionView.of(d));
        model.addAttribute("runs", runs.list(a.workspaceId(), id, PageQuery.parse(page, 20, null, ReportRuns.SORTS, "createdAt,desc")));
        model.addAttribute("defaultPeriod", d.frequency().lastComplete(service.today(a.workspaceId())));
        model.addAttribute("canManage", a.may(Permission.REPORTS_MANAGE));
        return "reports/detail";
    }

    @PostMapping("/reports/{id}/run")
    @PreAuthorize("hasAuthority('reports.manage')")
    String run(@PathVariable long id, @RequestParam(required = false) String from, @RequestParam(required = false) String to, RedirectAttributes flash) {
        var a = Actors.require();
        try {
            ReportDefinition d = definitions.get(a.workspaceId(), id);
            Period p = Period.of(d.frequency(), blank(from), blank(to), null, service.today(a.workspaceId()));
            long runId = service.build(d, p, "manual", a.name());
            audit.record("reports.run", "report " + id, "run " + runId + " for " + p.from() + ".." + p.to());
            return "redirect:/reports/runs/" + runId;
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
            return "redirect:/reports/" + id;
        }
    }

    @PostMapping("/reports/{id}/delete")
    @PreAuthorize("hasAuthority('reports.manage')")
    String delete(@PathVariable long id) {
        definitions.delete(Actors.workspace(), id);
        audit.record("reports.definition.delete", "report " + id, null);
        return "redirect:/reports";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
