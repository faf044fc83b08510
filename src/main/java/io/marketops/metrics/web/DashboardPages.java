package io.marketops.metrics.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.core.InvalidRequest;
import io.marketops.metrics.internal.Dashboards;
import io.marketops.metrics.internal.ShareLinks;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Dashboard pages: list, view with live charts, delete charts, share links. */
@Controller
class DashboardPages {
    private final Dashboards dashboards;
    private final ShareLinks shares;
    private final ChartRunner runner;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final ChartTexts texts;

    DashboardPages(Dashboards dashboards, ShareLinks shares, ChartRunner runner, AuditLog audit, ObjectMapper json, ChartTexts texts) {
        this.texts = texts;
        this.dashboards = dashboards;
        this.shares = shares;
        this.runner = runner;
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/dashboards")
    @PreAuthorize("hasAuthority('metrics.read')")
    String list(Model model) {
        var a = Actors.require();
        model.addAttribute("dashboards", dashboards.list(a.workspaceId()));
        model.addAttribute("canManage", a.may(Permission.METRICS_MANAGE));
        return "metrics/dashboards";
    }

    @PostMapping("/dashboards")
    @PreAuthorize("hasAuthority('metrics.manage')")
    String create(@RequestParam String name, RedirectAttributes flash) {
        var a = Actors.require();
        try {
            var d = dashboards.create(a.workspaceId(), name, a.name());
            audit.record("metrics.dashboard.create", "dashboard " + d.id(), d.name());
            return "redirect:/dashboards/" + d.id();
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
            return "redirect:/dashboards";
        }
    }

    @GetMapping("/dashboards/{id}")
    @PreAuthorize("hasAuthority('metrics.read')")
    String view(@PathVariable long id, Model model, java.util.Locale locale) throws JsonProcessingException {
        var a = Actors.require();
        var data = DashboardsApi.data(runner, dashboards.get(a.workspaceId(), id), a.workspaceId());
        model.addAttribute("data", data);
        model.addAttribute("dataJson", json.writeValueAsString(data));
        model.addAttribute("textsJson", texts.json(a.workspaceId(), locale));
        model.addAttribute("shares", shares.list(a.workspaceId(), id));
        model.addAttribute("canManage", a.may(Permission.METRICS_MANAGE));
        model.addAttribute("readOnly", false);
        return "metrics/dashboard";
    }

    @PostMapping("/dashboards/{id}/delete")
    @PreAuthorize("hasAuthority('metrics.manage')")
    String delete(@PathVariable long id) {
        dashboards.delete(Actors.workspace(), id);
        audit.record("metrics.dashboard.delete", "dashboard " + id, null);
        return "redirect:/dashboards";
    }

    @PostMapping("/dashboards/{id}/charts/{chartId}/delete")
    @PreAuthorize("hasAuthority('metrics.manage')")
    String removeChart(@PathVariable long id, @PathVariable long chartId) {
        dashboards.removeChart(Actors.workspace(), id, chartId);
        return "redirect:/dashboards/" + id;
    }

    @PostMapping("/dashboards/{id}/shares")
    @PreAuthorize("hasAuthority('metrics.manage')")
    String share(@PathVariable long id, HttpServletRequest request, RedirectAttributes flash) {
        var a = Actors.require();
        dashboards.get(a.workspaceId(), id);
        var created = shares.create(a.workspaceId(), id, a.name());
        audit.record("metrics.share.create", "dashboard " + id, "link " + created.link().id());
        flash.addFlashAttribute("shareUrl", ServletUriComponentsBuilder.fromContextPath(request).path("/share/" + created.token()).toUriString());
        return "redirect:/dashboards/" + id;
    }

    @PostMapping("/dashboards/{id}/shares/{shareId}/revoke")
    @PreAuthorize("hasAuthority('metrics.manage')")
    String revoke(@PathVariable long id, @PathVariable long shareId) {
        shares.revoke(Actors.workspace(), id, shareId);
        audit.record("metrics.share.revoke", "dashboard " + id, "link " + shareId);
        return "redirect:/dashboards/" + id;
    }
}
