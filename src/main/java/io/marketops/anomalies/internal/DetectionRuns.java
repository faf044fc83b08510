package io.marketops.anomalies.internal;

import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The log of detection runs: what range, why, when, how many found or what failed. The schedule reads it to know what is done. */
@Repository
public class DetectionRuns {
    public record Run(long id, LocalDate from, LocalDate to, String trigger, Instant startedAt, Instant finishedAt, Integer found, String error) {
    }

    private final JdbcClient db;

    DetectionRuns(JdbcClient db) {
        this.db = db;
    }

    long start(WorkspaceId ws, LocalDate from, LocalDate to, String trigger) {
        return db.sql("INSERT INTO anomaly_runs (workspace_id, range_from, range_to, trigger) VALUES (?, ?, ?, ?) RETURNING id")
                .params(ws.value(), from, to, trigger).query(Long.class).single();
    }

    void finish(long id, int found) {
        db.sql("UPDATE anomaly_runs SET finished_at = now(), found = ? WHERE id = ?").params(found, id).update();
    }

    void fail(long id, String error) {
        db.sql("UPDATE anomaly_runs SET finished_at = now(), error = ? WHERE id = ?").params(error, id).update();
    }

    /** The last day a scheduled run completed without error, if any. */
    Optional<LocalDate> lastScheduledDay(WorkspaceId ws) {
        return db.sql("SELECT range_to FROM anomaly_runs WHERE workspace_id = ? AND trigger = 'schedule' AND finished_at IS NOT NULL AND error IS NULL"
                        + " ORDER BY range_to DESC LIMIT 1")
                .param(ws.value()).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
    }

    public Optional<Run> latest(WorkspaceId ws) {
        return db.sql("SELECT * FROM anomaly_runs WHERE workspace_id = ? ORDER BY started_at DESC, id DESC LIMIT 1").param(ws.value())
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getObject("range_from", LocalDate.class), rs.getObject("range_to", LocalDate.class),
                        rs.getString("trigger"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        (Integer) rs.getObject("found"), rs.getString("error"))).optional();
    }
}
