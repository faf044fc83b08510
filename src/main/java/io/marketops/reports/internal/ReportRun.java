package io.marketops.reports.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One build of a report, kept in the archive.
 *
 * @param status  building, done or failed
 * @param trigger manual (API, page) or schedule
 */
public record ReportRun(long id, long reportId, String reportName, LocalDate from, LocalDate to, String status, String trigger,
                        String error, Long buildMillis, String requestedBy, Instant createdAt, Instant finishedAt) {
    public boolean done() {
        return "done".equals(status);
    }
}
