package io.marketops.support;

import io.marketops.workspace.Role;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import io.marketops.workspace.internal.ApiTokens;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Gives a test its own fresh workspace and an admin token for it, so tests sharing the run's
 * PostgreSQL never see each other's data. Inject it into an {@link IntegrationTest}.
 */
@Component
public class TestWorkspaces {
    private final Workspaces workspaces;
    private final ApiTokens tokens;

    public TestWorkspaces(Workspaces workspaces, ApiTokens tokens) {
        this.workspaces = workspaces;
        this.tokens = tokens;
    }

    public record Fresh(Workspace workspace, String token) {
        public long id() {
            return workspace.id().value();
        }
    }

    public Fresh create(String label) {
        return create(label, Role.ADMIN);
    }

    public Fresh create(String label, Role role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Workspace w = workspaces.create(label + " " + suffix, "t-" + suffix, false);
        String secret = tokens.create(w.id(), "test " + label, role, "test", null).secret();
        return new Fresh(w, secret);
    }
}
