package io.marketops.reports.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.core.InvalidRequest;
import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The archive of report runs in PostgreSQL: status, who asked, how long the build took and the built content as JSON. */
@Repository
public class ReportRuns {
    public static final Set<String> SORTS = Set.of("createdAt", "from");
    private static final Map<String, String> SORT_COLUMNS = Map.of("createdAt", "r.created_at", "from", "r.period_from");
    private static final String SELECT = "SELECT r.*, d.name AS report_name FROM reports_runs r JOIN reports_definitions d ON d.id = r.definition_id ";
    private final JdbcClient db;
    private final ObjectMapper json;

    ReportRuns(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    long start(WorkspaceId ws, long reportId, Period p, String trigger, String by) {
        return db.sql("INSERT INTO reports_runs(workspace_id, definition_id, period_from, period_to, status, trigger, requested_by) VALUES (?, ?, ?, ?, 'building', ?, ?) RETURNING id")
                .params(ws.value(), reportId, p.from(), p.to(), trigger, by).query(Long.class).single();
    }

    void finish(long id, ReportContent content, long millis) {
        try {
            db.sql("UPDATE reports_runs SET status = 'done', content = ?, build_millis = ?, finished_at = now() WHERE id = ?")
                    .params(json.writeValueAsString(content), millis, id).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report content", e);
        }
    }

    void fail(long id, String error) {
        db.sql("UPDATE reports_runs SET status = 'failed', error = ?, finished_at = now() WHERE id = ?").params(error, id).update();
    }

    /** Builds still "building" long after they started were cut off by a stop or crash: they are marked failed, not left hanging. */
    int failStale(Instant startedBefore) {
        return db.sql("UPDATE reports_runs SET status = 'failed', error = 'interrupted: MarketOps stopped while building', finished_at = now() WHERE status = 'building' AND created_at < ?")
                .param(Timestamp.from(startedBefore)).update();
    }

    public ReportRun get(WorkspaceId ws, long id) {
        return db.sql(SELECT + "WHERE r.workspace_id = ? AND r.id = ?").params(ws.value(), id).query(this::map).optional()
                .orElseThrow(() -> new NotFound("report run", id));
    }

    /** The built content; a 400 naming the run when it is still building or failed. */
    public ReportContent content(WorkspaceId ws, long id) {
        ReportRun run = get(ws, id);
        if (!run.done()) throw new InvalidRequest("runId", "run " + id + " is " + run.status() + (run.error() == null ? "" : ": " + run.error()));
        String text = db.sql("SELECT content FROM reports_runs WHERE workspace_id = ? AND id = ?").params(ws.value(), id).query(String.class).single();
        try {
            return json.readValue(text, ReportContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored content of report run " + id + " is unreadable", e);
        }
    }

    /** Runs of one report ({@code reportId} null: of all reports), newest first by default. */
    public PageResult<ReportRun> list(WorkspaceId ws, Long reportId, PageQuery page) {
        String where = "WHERE r.workspace_id = ?" + (reportId == null ? "" : " AND r.definition_id = ?");
        Object[] params = reportId == null ? new Object[]{ws.value()} : new Object[]{ws.value(), reportId};
        List<ReportRun> items = db.sql(SELECT + where + " ORDER BY " + SORT_COLUMNS.get(page.sortField()) + " " + page.direction() + ", r.id DESC LIMIT ? OFFSET ?")
                .params(params).params(page.size(), page.offset()).query(this::map).list();
        long total = db.sql("SELECT count(*) FROM reports_runs r " + where).params(params).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    private ReportRun map(ResultSet rs, int row) throws SQLException {
        long millis = rs.getLong("build_millis");
        Long buildMillis = rs.wasNull() ? null : millis;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ReportRun(rs.getLong("id"), rs.getLong("definition_id"), rs.getString("report_name"), rs.getObject("period_from", java.time.LocalDate.class),
                rs.getObject("period_to", java.time.LocalDate.class), rs.getString("status"), rs.getString("trigger"), rs.getString("error"),
                buildMillis, rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
