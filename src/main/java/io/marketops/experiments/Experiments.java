package io.marketops.experiments;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;

import java.util.Optional;
import java.util.Set;

/**
 * The experiment registry of each workspace. Lifecycle changes publish
 * {@link ExperimentEvents}; metric ids are checked against the metric catalog.
 */
public interface Experiments {
    Set<String> SORT_FIELDS = Set.of("createdAt", "key", "name", "status", "startedAt");

    /** Creates a draft; the key must be new in the workspace. */
    Experiment create(WorkspaceId workspace, String key, ExperimentDesign design);

    Optional<Experiment> find(WorkspaceId workspace, String key);

    /** The experiment or {@link io.marketops.core.NotFound}. */
    Experiment get(WorkspaceId workspace, String key);

    /** @param status null = all; @param text matches key, name or hypothesis */
    PageResult<Experiment> list(WorkspaceId workspace, ExperimentStatus status, String text, PageQuery page);

    Experiment redesign(WorkspaceId workspace, String key, ExperimentDesign design);

    Experiment start(WorkspaceId workspace, String key);

    Experiment stop(WorkspaceId workspace, String key);

    Experiment decide(WorkspaceId workspace, String key, Decision decision, String shippedVariant, String reason);

    /** Deletes a draft (nothing was assigned yet); started experiments stay on record. */
    void delete(WorkspaceId workspace, String key);
}
