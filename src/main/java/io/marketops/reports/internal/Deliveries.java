package io.marketops.reports.internal;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery log in PostgreSQL, and the queue it is: a pending row is claimed (attempt counted, leased) before it is
 * sent, so two workers or a restart never send it twice at once, and a send cut off by a crash is retried after the lease.
 */
@Repository
public class Deliveries {
    public static final Set<String> SORTS = Set.of("createdAt", "status");
    public static final Set<String> STATUSES = Set.of("pending", "sent", "failed");
    private static final Map<String, String> SORT_COLUMNS = Map.of("createdAt", "created_at", "status", "status");
    private final JdbcClient db;

    Deliveries(JdbcClient db) {
        this.db = db;
    }

    /** One pending delivery per e-mail address and robot of the definition, due now; returns their ids. */
    List<Long> enqueue(WorkspaceId ws, long runId, ReportDefinition d, String by, Instant now) {
        List<Long> ids = new ArrayList<>();
        for (String email : d.emails()) ids.add(insert(ws, runId, "email", email, null, by, now));
        for (Robot r : d.robots()) ids.add(insert(ws, runId, r.kind().id(), r.url(), r.secret(), by, now));
        return ids;
    }

    private long insert(WorkspaceId ws, long runId, String channel, String target, String secret, String by, Instant now) {
        return db.sql("INSERT INTO reports_deliveries(workspace_id, run_id, channel, target, secret, status, next_attempt_at, requested_by) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?) RETURNING id")
                .params(ws.value(), runId, channel, target, secret, Timestamp.from(now), by).query(Long.class).single();
    }

    /**
     * Claims pending deliveries due at {@code now} ({@code ids} null: any, else only those): counts the attempt and leases
     * them until {@code leaseUntil}. Rows locked by another worker are skipped.
     */
    List<Delivery.Job> claim(Instant now, Instant leaseUntil, List<Long> ids, int limit) {
        String only = ids == null ? "" : " AND id = ANY(?)";
        var spec = db.sql("""
                UPDATE reports_deliveries SET attempts = attempts + 1, next_attempt_at = ?
                WHERE id IN (SELECT id FROM reports_deliveries WHERE status = 'pending' AND next_attempt_at <= ?""" + only + """
                 ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING *""")
                .param(Timestamp.from(leaseUntil)).param(Timestamp.from(now));
        if (ids != null) spec = spec.param(ids.toArray(Long[]::new));
        return spec.param(limit).query((rs, i) -> new Delivery.Job(map(rs, i), rs.getLong("workspace_id"), rs.getString("target"), rs.getString("secret"))).list();
    }

    void sent(long id) {
        db.sql("UPDATE reports_deliveries SET status = 'sent', sent_at = now(), next_attempt_at = NULL, last_error = NULL WHERE id = ?").param(id).update();
    }

    /** After a failed attempt: try again at {@code next}, or give up when {@code next} is null. */
    void failed(long id, String error, Instant next) {
        db.sql("UPDATE reports_deliveries SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(next == null ? "failed" : "pending", next == null ? null : Timestamp.from(next), error, id).update();
    }

    public Delivery get(WorkspaceId ws, long id) {
        return db.sql("SELECT * FROM reports_deliveries WHERE workspace_id = ? AND id = ?").params(ws.value(), id).query(this::map).optional()
                .orElseThrow(() -> new io.marketops.core.NotFound("delivery", id));
    }

    /** The log, newest first by default; {@code runId} and {@code status} optional. */
    public PageResult<Delivery> list(WorkspaceId ws, Long runId, String status, PageQuery page) {
        StringBuilder where = new StringBuilder("WHERE workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(ws.value()));
        if (runId != null) {
            where.append(" AND run_id = ?");
            params.add(runId);
        }
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status);
        }
        List<Delivery> items = db.sql("SELECT * FROM reports_deliveries " + where + " ORDER BY " + SORT_COLUMNS.get(page.sortField()) + " "
                        + page.direction() + ", id DESC LIMIT ? OFFSET ?").params(params).params(page.size(), page.offset()).query(this::map).list();
        long total = db.sql("SELECT count(*) FROM reports_deliveries " + where).params(params).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    private Delivery map(ResultSet rs, int row) throws SQLException {
        String channel = rs.getString("channel"), target = rs.getString("target");
        Timestamp next = rs.getTimestamp("next_attempt_at"), sent = rs.getTimestamp("sent_at");
        return new Delivery(rs.getLong("id"), rs.getLong("run_id"), channel, "email".equals(channel) ? target : Robot.mask(target),
                rs.getString("status"), rs.getInt("attempts"), next == null ? null : next.toInstant(), rs.getString("last_error"),
                rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}
