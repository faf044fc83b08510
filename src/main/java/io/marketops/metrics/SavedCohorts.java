package io.marketops.metrics;

import io.marketops.core.WorkspaceId;

import java.time.Instant;
import java.util.List;

/**
 * Groups of people saved from an analysis (e.g. who dropped off at a funnel step), so that the
 * audience module can turn them into segments. Persons are resolved ids (stitched user, user id
 * or anonymous id).
 */
public interface SavedCohorts {
    List<Cohort> list(WorkspaceId workspace);

    /** The people of a saved cohort; throws {@link io.marketops.core.NotFound} for another workspace's id. */
    List<String> members(WorkspaceId workspace, long cohortId);

    /** @param origin what produced it, as JSON text (e.g. the funnel request and step) */
    record Cohort(long id, String name, String origin, int size, String createdBy, Instant createdAt) {
    }
}
