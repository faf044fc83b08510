package io.marketops.workspace;

import io.marketops.core.WorkspaceId;

/**
 * Who is calling and in which workspace: a signed-in person or an API token. Every query a
 * module runs for a request is scoped to {@link #workspaceId()}.
 *
 * @param userId  the person, or null for a token
 * @param tokenId the API token, or null for a person
 * @param name    what the audit log shows (e-mail, or {@code token:<name>})
 */
public record Actor(Long userId, Long tokenId, WorkspaceId workspaceId, Role role, String name) {
    public boolean may(Permission p) {
        return role.may(p);
    }
}
