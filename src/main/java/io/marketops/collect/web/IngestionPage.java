package io.marketops.collect.web;

import io.marketops.collect.Ingestion;
import io.marketops.collect.internal.QuarantineStore;
import io.marketops.collect.internal.WriteKeys;
import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Workspaces;
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

/** The Ingestion page: health counts, write keys, the install snippet and the quarantine. */
@Controller
@PreAuthorize("hasAuthority('collect.manage')")
class IngestionPage {
    private final Ingestion ingestion;
    private final WriteKeys keys;
    private final QuarantineStore quarantine;
    private final Workspaces workspaces;
    private final AuditLog audit;

    IngestionPage(Ingestion ingestion, WriteKeys keys, QuarantineStore quarantine, Workspaces workspaces, AuditLog audit) {
        this.ingestion = ingestion;
        this.keys = keys;
        this.quarantine = quarantine;
        this.workspaces = workspaces;
        this.audit = audit;
    }

    @GetMapping("/collect")
    String page(@RequestParam(required = false) Integer page, @RequestParam(required = false) String q, HttpServletRequest request, Model model) {
        var ws = Actors.workspace();
        model.addAttribute("stats", ingestion.stats(ws));
        model.addAttribute("zone", workspaces.get(ws).timezone());
        model.addAttribute("keys", keys.list(ws, PageQuery.parse(1, 100, null, WriteKeys.sortFields(), "createdAt,desc")));
        model.addAttribute("quarantine", quarantine.list(ws, PageQuery.parse(page, 20, null, QuarantineStore.sortFields(), "receivedAt,desc"), q));
        model.addAttribute("q", q == null ? "" : q.strip());
        String host = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        model.addAttribute("host", host);
        model.addAttribute("snippet", keys.firstActive(ws).map(k -> snippet(host, k.key())).orElse(null));
        return "collect/ingestion";
    }

    /** The copy-paste install snippet for a site's {@code <head>}. */
    static String snippet(String host, String writeKey) {
        return "<script>\n  window.marketops = window.marketops || [];\n  marketops.push(['init', '" + writeKey + "', {host: '" + host + "'}]);\n</script>\n"
                + "<script async src=\"" + host + "/js/marketops.js\"></script>";
    }

    @PostMapping("/collect/write-keys")
    String create(@RequestParam String name, RedirectAttributes flash) {
        try {
            var k = keys.create(Actors.workspace(), name, Actors.require().name());
            audit.record("collect.write_key.created", "write_key:" + k.id(), k.name());
            flash.addFlashAttribute("notice", "collect.keys.created.notice");
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/collect";
    }

    @PostMapping("/collect/write-keys/{id}/rotate")
    String rotate(@PathVariable long id, RedirectAttributes flash) {
        try {
            var k = keys.rotate(Actors.workspace(), id);
            audit.record("collect.write_key.rotated", "write_key:" + id, k.name());
            flash.addFlashAttribute("notice", "collect.keys.rotated");
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/collect";
    }

    @PostMapping("/collect/write-keys/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        var k = keys.revoke(Actors.workspace(), id);
        audit.record("collect.write_key.revoked", "write_key:" + id, k.name());
        flash.addFlashAttribute("notice", "collect.keys.revoked.notice");
        return "redirect:/collect";
    }
}
