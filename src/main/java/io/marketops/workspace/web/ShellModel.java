package io.marketops.workspace.web;

import io.marketops.workspace.Workspaces;
import io.marketops.workspace.internal.SignedInUser;
import io.marketops.workspace.internal.Users;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in person, their workspace and the workspaces they may switch to. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {
    private final Workspaces workspaces;
    private final Users users;

    ShellModel(Workspaces workspaces, Users users) {
        this.workspaces = workspaces;
        this.users = users;
    }

    @ModelAttribute
    void shell(Model model) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser u) {
            model.addAttribute("me", u);
            model.addAttribute("currentWorkspace", workspaces.get(u.actor().workspaceId()));
            model.addAttribute("myWorkspaces", users.memberships(u.userId()));
        }
    }
}
