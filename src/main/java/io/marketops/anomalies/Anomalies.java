package io.marketops.anomalies;

import io.marketops.core.WorkspaceId;

import java.time.LocalDate;
import java.util.List;

/** Detects and lists anomalies of a workspace's core metrics (the reports module reads them). */
public interface Anomalies {

    /** Runs detection over local days [from, to] now, stores what it finds and returns it. */
    List<Anomaly> detect(WorkspaceId workspace, LocalDate from, LocalDate to);

    /** Stored anomalies whose local date lies in [from, to]; {@code metric} null for all metrics. */
    List<Anomaly> list(WorkspaceId workspace, LocalDate from, LocalDate to, String metric);
}
