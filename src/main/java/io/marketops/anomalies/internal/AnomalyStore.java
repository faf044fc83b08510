package io.marketops.anomalies.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.anomalies.Anomaly;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anomalies in PostgreSQL. A detection over a range replaces what was stored for that range, in
 * one transaction, so running it again (back-filled data, new settings) never duplicates a row.
 */
@Repository
public class AnomalyStore {
    /** Sortable fields of the list API, mapped to columns (never user text in SQL). */
    public static final Map<String, String> SORTS = Map.of("date", "day", "severity", "CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END",
            "metric", "metric", "change", "abs(change)");

    private final JdbcClient db;
    private final ObjectMapper json;

    AnomalyStore(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Transactional
    void replace(WorkspaceId ws, LocalDate from, LocalDate to, List<Finding> findings) {
        db.sql("DELETE FROM anomalies WHERE workspace_id = ? AND day BETWEEN ? AND ?").params(ws.value(), from, to).update();
        for (Finding f : findings) {
            db.sql("""
                    INSERT INTO anomalies (workspace_id, metric, day, dimension_name, dimension_value, expected, actual, lower_bound,
                        upper_bound, change, score, severity, method, known_day, causes, split, explanation_en, explanation_zh)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(ws.value(), f.metric(), f.date(), f.dimension(), f.value(), f.expected(), f.actual(), f.lower(), f.upper(),
                            f.change(), f.z(), f.severity().id(), f.method(), f.knownDay(), write(causes(f)), split(f) == null ? null : write(split(f)),
                            f.explanationEn(), f.explanationZh())
                    .update();
        }
    }

    /** Stored anomalies of local days [from, to], optionally of one metric, severity and dimension ({@code total} for totals only). */
    public PageResult<AnomalyView> search(WorkspaceId ws, Filter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE workspace_id = ? AND day BETWEEN ? AND ?");
        List<Object> params = new ArrayList<>(List.of(ws.value(), filter.from(), filter.to()));
        if (filter.metric() != null) {
            where.append(" AND metric = ?");
            params.add(filter.metric());
        }
        if (filter.severity() != null) {
            where.append(" AND severity = ?");
            params.add(filter.severity());
        }
        if ("total".equals(filter.dimension())) where.append(" AND dimension_name IS NULL");
        else if (filter.dimension() != null) {
            where.append(" AND dimension_name = ?");
            params.add(filter.dimension());
        }
        long total = db.sql("SELECT count(*) FROM anomalies" + where).params(params).query(Long.class).single();
        String order = SORTS.getOrDefault(page.sortField(), "day") + " " + page.direction() + ", day DESC, dimension_name NULLS FIRST, metric, id";
        params.add(page.size());
        params.add(page.offset());
        List<AnomalyView> items = db.sql("SELECT * FROM anomalies" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(params).query(this::map).list();
        return PageResult.of(items, page, total);
    }

    /** @param metric null for all; @param severity null for all; @param dimension null for all, {@code total} for totals, else a dimension name */
    public record Filter(LocalDate from, LocalDate to, String metric, String severity, String dimension) {
    }

    List<AnomalyView> all(WorkspaceId ws, LocalDate from, LocalDate to, String metric) {
        return db.sql("SELECT * FROM anomalies WHERE workspace_id = ? AND day BETWEEN ? AND ? AND (CAST(? AS TEXT) IS NULL OR metric = ?)"
                        + " ORDER BY day, dimension_name NULLS FIRST, metric, dimension_value")
                .params(ws.value(), from, to, metric, metric).query(this::map).list();
    }

    private static List<Anomaly.Cause> causes(Finding f) {
        return f.causes().stream().map(c -> new Anomaly.Cause(c.dimension(), c.value(), Math.max(0, Math.min(1, c.explains())), c.change())).toList();
    }

    private static AnomalyView.Split split(Finding f) {
        RatioSplit.Parts p = f.parts();
        if (p == null) return null;
        return new AnomalyView.Split(p.expected(), p.actual(), p.numeratorEffect(), p.denominatorEffect(), p.numeratorChange(), p.denominatorChange(),
                f.mixRates().stream().map(m -> new AnomalyView.MixRate(m.dimension(), m.change(), m.mix(), m.rate(), m.unmatched())).toList());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AnomalyView map(ResultSet rs, int row) throws SQLException {
        try {
            String name = rs.getString("dimension_name"), split = rs.getString("split");
            return new AnomalyView(rs.getLong("id"), rs.getString("metric"), rs.getObject("day", LocalDate.class),
                    name == null ? null : new Anomaly.Dimension(name, rs.getString("dimension_value")), rs.getDouble("expected"),
                    rs.getDouble("actual"), rs.getDouble("lower_bound"), rs.getDouble("upper_bound"), rs.getDouble("change"), rs.getDouble("score"),
                    rs.getString("severity"), rs.getString("method"), rs.getString("known_day"),
                    json.readValue(rs.getString("causes"), new TypeReference<List<Anomaly.Cause>>() {
                    }), split == null ? null : json.readValue(split, AnomalyView.Split.class), rs.getString("explanation_en"),
                    rs.getString("explanation_en"), rs.getString("explanation_zh"), rs.getTimestamp("detected_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new SQLException("stored anomaly " + rs.getLong("id") + " has unreadable JSON", e);
        }
    }
}
