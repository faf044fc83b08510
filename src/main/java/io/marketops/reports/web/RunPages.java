package io.marketops.reports.web;

import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.reports.internal.CjkFont;
import io.marketops.reports.internal.Deliveries;
import io.marketops.reports.internal.DeliveryWorker;
import io.marketops.reports.internal.MailSettingsStore;
import io.marketops.reports.internal.Renderings;
import io.marketops.reports.internal.ReportDefinitions;
import io.marketops.reports.internal.ReportRun;
import io.marketops.reports.internal.ReportRuns;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Permission;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One run as a page (the report in its own language, downloads, "send now", its deliveries), the delivery log and SMTP settings. */
@Controller
class RunPages {
    private final ReportRuns runs;
    private final ReportDefinitions definitions;
    private final Renderings renderings;
    private final Downloads downloads;
    private final DeliveryWorker worker;
    private final Deliveries deliveries;
    private final MailSettingsStore mail;
    private final AuditLog audit;

    RunPages(ReportRuns runs, ReportDefinitions definitions, Renderings renderings, Downloads downloads, DeliveryWorker worker,
             Deliveries deliveries, MailSettingsStore mail, AuditLog audit) {
        this.runs = runs;
        this.definitions = definitions;
        this.renderings = renderings;
        this.downloads = downloads;
        this.worker = worker;
        this.deliveries = deliveries;
        this.mail = mail;
        this.audit = audit;
    }

    @GetMapping("/reports/runs/{runId}")
    @PreAuthorize("hasAuthority('reports.read')")
    String view(@PathVariable long runId, Model model) {
        var a = Actors.require();
        ReportRun run = runs.get(a.workspaceId(), runId);
        model.addAttribute("run", run);
        if (run.done()) model.addAllAttributes(renderings.of(a.workspaceId(), runId).model());
        model.addAttribute("deliveries", deliveries.list(a.workspaceId(), runId, null, new PageQuery(1, 100, "createdAt", true)).items());
        model.addAttribute("recipients", definitions.get(a.workspaceId(), run.reportId()).hasRecipients());
        model.addAttribute("canManage", a.may(Permission.REPORTS_MANAGE));
        return "reports/run";
    }

    @GetMapping({"/reports/runs/{runId}.pdf", "/reports/runs/{runId}.xlsx", "/reports/runs/{runId}.html"})
    @PreAuthorize("hasAuthority('reports.read')")
    ResponseEntity<byte[]> download(@PathVariable long runId, jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        return downloads.file(Actors.workspace(), runId, uri.substring(uri.lastIndexOf('.') + 1));
    }

    @PostMapping("/reports/runs/{runId}/send")
    @PreAuthorize("hasAuthority('reports.manage')")
    String send(@PathVariable long runId, RedirectAttributes flash) {
        var a = Actors.require();
        try {
            ReportRun run = runs.get(a.workspaceId(), runId);
            runs.content(a.workspaceId(), runId);
            var sent = worker.sendNow(a.workspaceId(), runId, definitions.get(a.workspaceId(), run.reportId()), a.name());
            flash.addFlashAttribute("sentCount", sent.stream().filter(d -> d.status().equals("sent")).count());
            flash.addFlashAttribute("totalCount", sent.size());
        } catch (InvalidRequest | CjkFont.Missing e) {
            flash.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/reports/runs/" + runId;
    }

    @GetMapping("/reports/deliveries")
    @PreAuthorize("hasAuthority('reports.read')")
    String log(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        String s = status == null || status.isBlank() || !Deliveries.STATUSES.contains(status) ? null : status;
        model.addAttribute("page", deliveries.list(Actors.workspace(), null, s, PageQuery.parse(page, 50, null, Deliveries.SORTS, "createdAt,desc")));
        model.addAttribute("status", s);
        return "reports/deliveries";
    }

    @GetMapping("/reports/settings")
    @PreAuthorize("hasAuthority('reports.manage')")
    String settings(Model model) {
        var view = mail.find(Actors.workspace()).map(x -> x.view()).orElse(null);
        model.addAttribute("settings", view);
        return "reports/settings";
    }

    @PostMapping("/reports/settings")
    @PreAuthorize("hasAuthority('reports.manage')")
    String saveSettings(@ModelAttribute MailSettingsStore.Request request, RedirectAttributes flash) {
        var a = Actors.require();
        try {
            var saved = mail.save(a.workspaceId(), request, a.name());
            audit.record("reports.mail-settings.update", "smtp " + saved.host(), null);
            flash.addFlashAttribute("saved", true);
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/reports/settings";
    }
}
