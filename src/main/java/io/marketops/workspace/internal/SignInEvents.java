package io.marketops.workspace.internal;

import io.marketops.workspace.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Writes sign-ins and failed attempts to the audit log and feeds the login throttle. */
@Component
class SignInEvents {
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final Users users;

    SignInEvents(AuditLog audit, LoginThrottle throttle, Users users) {
        this.audit = audit;
        this.throttle = throttle;
        this.users = users;
    }

    @EventListener
    void on(AuthenticationSuccessEvent e) {
        if (!(e.getAuthentication().getPrincipal() instanceof SignedInUser u)) return;
        String ip = ip(e.getAuthentication().getDetails());
        throttle.succeeded(u.email(), ip);
        users.touchLogin(u.userId());
        audit.record(u.actor().workspaceId(), u.email(), "login.succeeded", "user:" + u.userId(), ip, null);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent e) {
        String name = e.getAuthentication().getName();
        String ip = ip(e.getAuthentication().getDetails());
        throttle.failed(name, ip);
        var ws = users.byEmail(name == null ? "" : name).flatMap(u -> users.memberships(u.id()).stream().findFirst())
                .map(Users.Membership::workspaceId).orElse(null);
        audit.record(ws, name == null ? "unknown" : name, "login.failed", null, ip, e.getException().getClass().getSimpleName());
    }

    private static String ip(Object details) {
        return details instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
