package io.marketops.experiments;

import io.marketops.core.WorkspaceId;

import java.time.Instant;

/** What other modules may react to (reports, campaign post-mortems): past-tense facts carrying ids. */
public final class ExperimentEvents {
    private ExperimentEvents() {
    }

    public record ExperimentStarted(WorkspaceId workspace, String key, Instant at) {
    }

    public record ExperimentStopped(WorkspaceId workspace, String key, Instant at) {
    }

    public record ExperimentDecided(WorkspaceId workspace, String key, Decision decision, String shippedVariant, Instant at) {
    }
}
