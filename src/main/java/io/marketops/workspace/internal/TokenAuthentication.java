package io.marketops.workspace.internal;

import io.marketops.core.web.Problems;
import io.marketops.workspace.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/** Authenticates {@code Authorization: Bearer <token>} on {@code /api/v1}; a wrong token is a 401 problem, never a redirect. */
class TokenAuthentication extends OncePerRequestFilter {
    private final ApiTokens tokens;
    private final AuditLog audit;

    TokenAuthentication(ApiTokens tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    static final class Authenticated extends AbstractAuthenticationToken {
        private final ApiPrincipal principal;

        Authenticated(ApiPrincipal principal) {
            super(SignedInUser.authorities(principal.actor().role()));
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public ApiPrincipal getPrincipal() {
            return principal;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(7).trim();
        var token = tokens.authenticate(secret);
        if (token.isEmpty()) {
            Problems.write(response, 401, "Unauthorized",
                    "The API token is unknown, revoked or expired; create one under Settings → API tokens or with ./marketops token create.", Map.of());
            return;
        }
        var t = token.get();
        var actor = tokens.actorOf(t);
        SecurityContextHolder.getContext().setAuthentication(new Authenticated(new ApiPrincipal(actor)));
        if (tokens.touch(t)) {
            audit.record(actor.workspaceId(), actor.name(), "token.used", "token:" + t.id(), request.getRemoteAddr(),
                    request.getMethod() + " " + request.getRequestURI());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    record ApiPrincipal(io.marketops.workspace.Actor actor) implements io.marketops.workspace.Actors.HasActor {
        @Override
        public String toString() {
            return actor.name();
        }
    }
}
