/**
 * Workspaces (brands), people and their roles, API tokens, sign-in and the audit log.
 * Offers {@link io.marketops.workspace.Actors} (who is calling, in which workspace),
 * {@link io.marketops.workspace.Workspaces}, {@link io.marketops.workspace.AuditLog},
 * {@link io.marketops.workspace.Permission} and {@link io.marketops.workspace.Role}. Uses: runtime, core.
 */
package io.marketops.workspace;
