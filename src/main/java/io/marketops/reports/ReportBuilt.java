package io.marketops.reports;

import io.marketops.core.WorkspaceId;

import java.time.LocalDate;

/** A report run finished building and is in the archive (published after its transaction commits). */
public record ReportBuilt(WorkspaceId workspace, long reportId, long runId, LocalDate from, LocalDate to) {
}
