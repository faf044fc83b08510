package io.marketops.workspace.web;

import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.Role;
import io.marketops.workspace.Workspaces;
import io.marketops.workspace.internal.ApiTokens;
import io.marketops.workspace.internal.Users;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** Admin pages: members and roles, API tokens, the audit log. */
@Controller
class AdminPages {
    private final Users users;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final Workspaces workspaces;

    AdminPages(Users users, ApiTokens tokens, AuditLog audit, Workspaces workspaces) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.workspaces = workspaces;
    }

    @GetMapping("/admin/members")
    @PreAuthorize("hasAuthority('members.manage')")
    String members(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("members", users.members(Actors.workspace(), q, PageQuery.parse(page, 50, null, Users.sortFields(), "email")));
        model.addAttribute("roles", Role.values());
        return "workspace/members";
    }

    @PostMapping("/admin/members")
    @PreAuthorize("hasAuthority('members.manage')")
    String addMember(@RequestParam String email, @RequestParam(required = false) String displayName, @RequestParam String password,
                     @RequestParam String role, RedirectAttributes flash) {
        try {
            Role r = Role.parse(role);
            long id = users.byEmail(email).map(Users.User::id).orElseGet(() -> users.create(email, displayName, password));
            workspaces.addMember(Actors.workspace(), id, r);
            audit.record("member.added", "user:" + id, "role=" + r.name());
            flash.addFlashAttribute("notice", "members.added");
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
            flash.addFlashAttribute("formField", e.field());
        }
        return "redirect:/admin/members";
    }

    @PostMapping("/admin/members/{userId}/role")
    @PreAuthorize("hasAuthority('members.manage')")
    String changeRole(@PathVariable long userId, @RequestParam String role, RedirectAttributes flash) {
        var ws = Actors.workspace();
        Role old = users.roleIn(ws, userId).orElseThrow(() -> new io.marketops.core.NotFound("member", userId));
        Role r = Role.parse(role);
        if (old == Role.ADMIN && r != Role.ADMIN && users.countAdmins(ws) <= 1) {
            flash.addFlashAttribute("formError", "members.lastAdmin");
        } else {
            workspaces.addMember(ws, userId, r);
            audit.record("member.role_changed", "user:" + userId, old.name() + " -> " + r.name());
            flash.addFlashAttribute("notice", "members.roleChanged");
        }
        return "redirect:/admin/members";
    }

    @GetMapping("/admin/tokens")
    @PreAuthorize("hasAuthority('tokens.manage')")
    String tokens(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("tokens", tokens.list(Actors.workspace(), PageQuery.parse(page, 50, null, ApiTokens.sortFields(), "createdAt,desc")));
        model.addAttribute("roles", Role.values());
        return "workspace/tokens";
    }

    @PostMapping("/admin/tokens")
    @PreAuthorize("hasAuthority('tokens.manage')")
    String createToken(@RequestParam String name, @RequestParam String role, RedirectAttributes flash) {
        try {
            var created = tokens.create(Actors.workspace(), name, Role.parse(role), Actors.require().name(), null);
            audit.record("token.created", "token:" + created.token().id(), "role=" + created.token().role().name() + " name=" + name);
            flash.addFlashAttribute("newSecret", created.secret());
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/admin/tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    @PreAuthorize("hasAuthority('tokens.manage')")
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        var t = tokens.revoke(Actors.workspace(), id);
        audit.record("token.revoked", "token:" + id, t.name());
        flash.addFlashAttribute("notice", "tokens.revoked");
        return "redirect:/admin/tokens";
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasAuthority('audit.read')")
    String audit(@RequestParam(required = false) String q, @RequestParam(required = false) String action,
                 @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                 @RequestParam(required = false) Integer page, Model model) {
        ZoneId zone = workspaces.get(Actors.workspace()).timezone();
        var filter = new AuditLog.AuditFilter(q, action, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        model.addAttribute("entries", audit.search(Actors.workspace(), filter, PageQuery.parse(page, 50, null, Set.of("at"), "at,desc")));
        model.addAttribute("q", q);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("zone", zone);
        return "workspace/audit";
    }
}
