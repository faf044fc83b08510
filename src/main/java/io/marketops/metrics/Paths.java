package io.marketops.metrics;

import io.marketops.core.WorkspaceId;

/** Path analysis over the warehouse events (semantics in {@link PathQuery}). */
public interface Paths {
    PathResult run(WorkspaceId workspace, PathQuery query);
}
