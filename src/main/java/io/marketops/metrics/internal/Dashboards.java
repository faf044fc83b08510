package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Dashboards and their saved charts, per workspace, in PostgreSQL. */
@Repository
public class Dashboards {
    public static final Set<String> KINDS = Set.of("metrics", "funnel", "retention", "paths");
    public static final Set<String> CHART_TYPES = Set.of("line", "bar", "table", "funnel", "heatmap", "sankey");
    private final JdbcClient db;

    Dashboards(JdbcClient db) {
        this.db = db;
    }

    public record Dashboard(long id, String name, String createdBy, Instant createdAt, List<Chart> charts) {
    }

    /** @param query the request body of the kind's API call, as JSON; {@code "lastDays": N} makes its range the last N days up to yesterday */
    public record Chart(long id, String title, String kind, String chartType, String query, int position) {
    }

    public List<Dashboard> list(WorkspaceId ws) {
        return db.sql("SELECT * FROM metrics_dashboards WHERE workspace_id = ? ORDER BY name, id").param(ws.value())
                .query((rs, i) -> new Dashboard(rs.getLong("id"), rs.getString("name"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), List.of())).list();
    }

    /** A page of the dashboards (without their charts), by name; {@code q} searches the name (case-insensitive). */
    public PageResult<Dashboard> page(WorkspaceId ws, String q, PageQuery page) {
        String like = io.marketops.core.TextSearch.containsPattern(q);
        String where = " WHERE workspace_id = ?" + (like == null ? "" : " AND name ILIKE ?");
        Object[] params = like == null ? new Object[]{ws.value()} : new Object[]{ws.value(), like};
        long total = db.sql("SELECT count(*) FROM metrics_dashboards" + where).params(params).query(Long.class).single();
        List<Dashboard> items = db.sql("SELECT * FROM metrics_dashboards" + where + " ORDER BY name, id LIMIT " + page.size() + " OFFSET " + page.offset())
                .params(params).query((rs, i) -> new Dashboard(rs.getLong("id"), rs.getString("name"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), List.of())).list();
        return PageResult.of(items, page, total);
    }

    public Dashboard get(WorkspaceId ws, long id) {
        return db.sql("SELECT * FROM metrics_dashboards WHERE workspace_id = ? AND id = ?").params(ws.value(), id)
                .query((rs, i) -> new Dashboard(rs.getLong("id"), rs.getString("name"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), charts(id)))
                .optional().orElseThrow(() -> new NotFound("dashboard", id));
    }

    private List<Chart> charts(long dashboard) {
        return db.sql("SELECT * FROM metrics_charts WHERE dashboard_id = ? ORDER BY position, id").param(dashboard)
                .query((rs, i) -> new Chart(rs.getLong("id"), rs.getString("title"), rs.getString("kind"), rs.getString("chart_type"),
                        rs.getString("query"), rs.getInt("position"))).list();
    }

    public Dashboard create(WorkspaceId ws, String name, String by) {
        if (name == null || name.isBlank()) throw new InvalidRequest("name", "is required");
        if (name.length() > 100) throw new InvalidRequest("name", "at most 100 characters");
        long id = db.sql("INSERT INTO metrics_dashboards(workspace_id, name, created_by) VALUES (?, ?, ?) RETURNING id")
                .params(ws.value(), name.trim(), by).query(Long.class).single();
        return get(ws, id);
    }

    public void delete(WorkspaceId ws, long id) {
        get(ws, id);
        db.sql("DELETE FROM metrics_dashboards WHERE workspace_id = ? AND id = ?").params(ws.value(), id).update();
    }

    /** Adds a chart at the end; the query must already have been run once successfully by the caller. */
    @Transactional
    public Chart addChart(WorkspaceId ws, long dashboard, String title, String kind, String chartType, String query) {
        get(ws, dashboard);
        if (title == null || title.isBlank()) throw new InvalidRequest("title", "is required");
        if (!KINDS.contains(kind)) throw new InvalidRequest("kind", "must be one of " + KINDS.stream().sorted().toList() + ", was '" + kind + "'");
        if (!CHART_TYPES.contains(chartType)) throw new InvalidRequest("chartType", "must be one of " + CHART_TYPES.stream().sorted().toList() + ", was '" + chartType + "'");
        int position = db.sql("SELECT coalesce(max(position), 0) + 1 FROM metrics_charts WHERE dashboard_id = ?").param(dashboard).query(Integer.class).single();
        long id = db.sql("INSERT INTO metrics_charts(workspace_id, dashboard_id, title, kind, chart_type, query, position) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(ws.value(), dashboard, title.trim(), kind, chartType, query, position).query(Long.class).single();
        return get(ws, dashboard).charts().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    public void removeChart(WorkspaceId ws, long dashboard, long chart) {
        if (db.sql("DELETE FROM metrics_charts WHERE workspace_id = ? AND dashboard_id = ? AND id = ?").params(ws.value(), dashboard, chart).update() == 0) {
            throw new NotFound("chart", chart);
        }
    }
}
