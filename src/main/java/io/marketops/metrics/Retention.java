package io.marketops.metrics;

import io.marketops.core.WorkspaceId;

/** Cohort retention tables over the warehouse events (semantics in {@link RetentionQuery}). */
public interface Retention {
    RetentionResult run(WorkspaceId workspace, RetentionQuery query);
}
