package io.marketops.anomalies;

import io.marketops.core.WorkspaceId;

import java.time.LocalDate;
import java.util.List;

/**
 * Detection ran over local days [from, to] of a workspace and stored what it found (replacing
 * what that range held before); published when the store commits. The reports module listens and
 * delivers {@code alerts} through its channels (e-mail, group robots).
 *
 * @param found  how many anomalies (totals and slices) the range now holds
 * @param high   how many of them are of high severity
 * @param alerts the high-severity anomalies to tell people about now: new (not stored as high
 *               before this run), of the last days the daily run covers (not history being
 *               back-filled), and only when the workspace turned alerts on — else empty.
 *               Their {@code explanation} is in the application's default language.
 */
public record AnomaliesDetected(WorkspaceId workspace, LocalDate from, LocalDate to, int found, int high, List<Anomaly> alerts) {
    public AnomaliesDetected {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }
}
