package io.marketops.workspace;

import io.marketops.core.WorkspaceId;

import java.util.List;
import java.util.Optional;

/** Reads and creates workspaces. */
public interface Workspaces {
    Workspace get(WorkspaceId id);

    Optional<Workspace> findBySlug(String slug);

    List<Workspace> all();

    /** The first workspace, created at first start; bootstrap tokens and keys belong to it. */
    Workspace defaultWorkspace();

    Workspace create(String name, String slug, boolean demo);

    /** Makes a person a member (or changes their role). */
    void addMember(WorkspaceId workspace, long userId, Role role);
}
