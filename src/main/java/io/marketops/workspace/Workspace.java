package io.marketops.workspace;

import io.marketops.core.WorkspaceId;

import java.time.Instant;
import java.time.ZoneId;

/** A brand's workspace: its own data, members, tokens and settings. */
public record Workspace(WorkspaceId id, String name, String slug, ZoneId timezone, String currency, boolean demo, Instant createdAt) {
}
