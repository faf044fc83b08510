package io.marketops.workspace.web;

import io.marketops.workspace.Actor;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.internal.SignedInUser;
import io.marketops.workspace.internal.Users;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page, personal settings and the workspace switcher. */
@Controller
class AccountPages {
    private final Users users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    private final io.marketops.workspace.Workspaces workspaces;

    AccountPages(Users users, PasswordEncoder encoder, AuditLog audit, io.marketops.workspace.Workspaces workspaces) {
        this.workspaces = workspaces;
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof SignedInUser) {
            return "redirect:/";
        }
        model.addAttribute("error", error);
        return "workspace/login";
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("memberships", users.memberships(user.userId()));
        return "workspace/settings";
    }

    @PostMapping("/settings/password")
    String changePassword(@AuthenticationPrincipal SignedInUser user, @RequestParam String current, @RequestParam String password,
                          RedirectAttributes flash) {
        String fresh = users.byEmail(user.email()).map(Users.User::passwordHash).orElse("");
        if (!encoder.matches(current, fresh)) {
            flash.addFlashAttribute("passwordError", "settings.password.wrongCurrent");
        } else if (password == null || password.length() < 10) {
            flash.addFlashAttribute("passwordError", "settings.password.tooShort");
        } else {
            users.changePassword(user.userId(), password);
            audit.record("password.changed", "user:" + user.userId(), null);
            flash.addFlashAttribute("notice", "settings.password.changed");
        }
        return "redirect:/settings";
    }

    @PostMapping("/workspaces/switch")
    String switchWorkspace(@AuthenticationPrincipal SignedInUser user, @RequestParam long workspaceId, HttpServletRequest request) {
        var target = users.memberships(user.userId()).stream().filter(m -> m.workspaceId().value() == workspaceId).findFirst()
                .orElseThrow(() -> new io.marketops.core.NotFound("workspace", workspaceId));
        var switched = user.inWorkspace(new Actor(user.userId(), null, target.workspaceId(), target.role(), user.email()));
        var auth = new UsernamePasswordAuthenticationToken(switched, null, switched.getAuthorities());
        auth.setDetails(SecurityContextHolder.getContext().getAuthentication().getDetails());
        SecurityContextHolder.getContext().setAuthentication(auth);
        request.getSession().setAttribute("SPRING_SECURITY_CONTEXT", SecurityContextHolder.getContext());
        audit.record("workspace.switched", "workspace:" + workspaceId, null);
        return "redirect:/";
    }

    @PostMapping("/workspaces")
    String createWorkspace(@AuthenticationPrincipal SignedInUser user, @RequestParam String name, HttpServletRequest request,
                           RedirectAttributes flash) {
        if (name == null || name.isBlank() || name.length() > 80) {
            flash.addFlashAttribute("formError", "settings.newWorkspace.invalid");
            return "redirect:/settings";
        }
        String slug = "ws-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var created = workspaces.create(name.trim(), slug, false);
        workspaces.addMember(created.id(), user.userId(), io.marketops.workspace.Role.ADMIN);
        audit.record(created.id(), user.email(), "workspace.created", "workspace:" + created.id(), request.getRemoteAddr(), created.name());
        return switchWorkspace(user, created.id().value(), request);
    }

    static Actor actor() {
        return Actors.require();
    }
}
