package io.marketops.metrics.internal;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Custom metrics of each workspace, in PostgreSQL. Ids never shadow a built-in metric. */
@Repository
public class CustomMetrics {
    private final JdbcClient db;
    private final ObjectMapper json;

    CustomMetrics(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public List<CustomMetric> all(WorkspaceId ws) {
        return db.sql("SELECT * FROM metrics_custom_metrics WHERE workspace_id = ? ORDER BY id").param(ws.value()).query(this::map).list();
    }

    /** A page of the custom metrics, by id; {@code q} searches id and both names (case-insensitive). */
    public PageResult<CustomMetric> page(WorkspaceId ws, String q, PageQuery page) {
        String like = io.marketops.core.TextSearch.containsPattern(q);
        String where = " WHERE workspace_id = ?" + (like == null ? "" : " AND (id ILIKE ? OR name_en ILIKE ? OR name_zh ILIKE ?)");
        Object[] params = like == null ? new Object[]{ws.value()} : new Object[]{ws.value(), like, like, like};
        long total = db.sql("SELECT count(*) FROM metrics_custom_metrics" + where).params(params).query(Long.class).single();
        List<CustomMetric> items = db.sql("SELECT * FROM metrics_custom_metrics" + where + " ORDER BY id LIMIT " + page.size() + " OFFSET " + page.offset())
                .params(params).query(this::map).list();
        return PageResult.of(items, page, total);
    }

    public Optional<CustomMetric> find(WorkspaceId ws, String id) {
        return db.sql("SELECT * FROM metrics_custom_metrics WHERE workspace_id = ? AND id = ?").params(ws.value(), id).query(this::map).optional();
    }

    public CustomMetric create(WorkspaceId ws, CustomMetric m, String by) {
        CustomMetric v = m.validated();
        if (BuiltInMetrics.find(v.id()).isPresent()) throw new InvalidRequest("id", "'" + v.id() + "' is a built-in metric; choose another id");
        if (find(ws, v.id()).isPresent()) throw new InvalidRequest("id", "a custom metric '" + v.id() + "' already exists in this workspace");
        String definition;
        try {
            definition = json.writeValueAsString(Map.of("numerator", v.numerator(), "denominator", v.denominator() == null ? Map.of() : v.denominator()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.sql("INSERT INTO metrics_custom_metrics(workspace_id, id, name_en, name_zh, description, unit, direction, definition, created_by) VALUES (?,?,?,?,?,?,?,?,?)")
                .params(ws.value(), v.id(), v.nameEn(), v.nameZh(), v.description(), v.unit(), v.direction(), definition, by).update();
        return find(ws, v.id()).orElseThrow();
    }

    public void delete(WorkspaceId ws, String id) {
        if (db.sql("DELETE FROM metrics_custom_metrics WHERE workspace_id = ? AND id = ?").params(ws.value(), id).update() == 0) {
            throw new NotFound("custom metric", id);
        }
    }

    private CustomMetric map(ResultSet rs, int row) throws SQLException {
        try {
            var tree = json.readTree(rs.getString("definition"));
            CustomMetric.Part n = json.treeToValue(tree.get("numerator"), CustomMetric.Part.class);
            var d = tree.get("denominator");
            CustomMetric.Part den = d == null || d.isEmpty() ? null : json.treeToValue(d, CustomMetric.Part.class);
            return new CustomMetric(rs.getString("id"), rs.getString("name_en"), rs.getString("name_zh"), rs.getString("description"),
                    rs.getString("unit"), rs.getString("direction"), n, den, rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("custom metric " + rs.getString("id") + " has an unreadable definition", e);
        }
    }
}
