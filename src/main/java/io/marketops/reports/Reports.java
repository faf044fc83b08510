package io.marketops.reports;

import io.marketops.core.WorkspaceId;

import java.time.LocalDate;

/** Builds reports from their definitions; what the API, the scheduler and other modules call. */
public interface Reports {

    /**
     * Builds the report {@code reportId} for local days [from, to] now and archives it.
     *
     * @return the run id; the renderings are {@code /api/v1/reports/runs/{runId}.html|.pdf|.xlsx}
     * @throws io.marketops.core.NotFound       when the report is not in the workspace
     * @throws io.marketops.core.InvalidRequest when the period is inverted or too long
     */
    long run(WorkspaceId workspace, long reportId, LocalDate from, LocalDate to, String requestedBy);
}
