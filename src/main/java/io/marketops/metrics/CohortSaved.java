package io.marketops.metrics;

import io.marketops.core.WorkspaceId;

/** Published when a group of people was saved from an analysis; listeners may build a segment from {@link SavedCohorts#members}. */
public record CohortSaved(WorkspaceId workspace, long cohortId, String name, int size) {
}
