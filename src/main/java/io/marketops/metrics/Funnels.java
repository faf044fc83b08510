package io.marketops.metrics;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;

import java.time.Instant;

/** Funnel analysis over the warehouse events, and the people who dropped off at a step. */
public interface Funnels {
    FunnelResult run(WorkspaceId workspace, FunnelQuery query);

    /**
     * People who reached step {@code step − 1} but not {@code step} (steps count from 1, so
     * {@code step} is 2 or more), in person order.
     */
    PageResult<DroppedPerson> droppedAt(WorkspaceId workspace, FunnelQuery query, int step, PageQuery page);

    /** Like {@link #droppedAt} without paging, for exports and saved cohorts: at most {@code max} people. */
    java.util.List<DroppedPerson> allDroppedAt(WorkspaceId workspace, FunnelQuery query, int step, int max);

    /** @param person the resolved person id (stitched user, user id or anonymous id); enteredAt: their counted entry */
    record DroppedPerson(String person, Instant enteredAt) {
    }
}
