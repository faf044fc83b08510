package io.marketops.anomalies;

import io.marketops.core.WorkspaceId;

import java.time.LocalDate;

/**
 * Detection ran over local days [from, to] of a workspace and stored what it found (replacing
 * what that range held before). Reports use it to deliver alerts through their channels.
 *
 * @param found how many anomalies (totals and slices) the range now holds
 * @param high  how many of them are of high severity
 */
public record AnomaliesDetected(WorkspaceId workspace, LocalDate from, LocalDate to, int found, int high) {
}
