package io.marketops.collect;

import io.marketops.core.WorkspaceId;

/**
 * Published after collected events became queryable in the warehouse (about once a second
 * while events arrive), for modules that refresh derived data.
 *
 * @param count events of the workspace stored in this step
 */
public record EventsStored(WorkspaceId workspaceId, long count) {
}
