package io.marketops.workspace;

import io.marketops.core.WorkspaceId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The caller of the current request, as set by sign-in or token authentication. */
public final class Actors {
    private Actors() {
    }

    public static Optional<Actor> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null) return Optional.empty();
        if (a.getPrincipal() instanceof HasActor h) return Optional.of(h.actor());
        if (a.getDetails() instanceof HasActor h) return Optional.of(h.actor());
        return Optional.empty();
    }

    /** The caller; throws {@link AccessDeniedException} when nobody is signed in. */
    public static Actor require() {
        return current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    public static WorkspaceId workspace() {
        return require().workspaceId();
    }

    /** Implemented by the principals the workspace module puts into the security context. */
    public interface HasActor {
        Actor actor();
    }
}
