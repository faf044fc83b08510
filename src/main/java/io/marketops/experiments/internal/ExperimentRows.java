package io.marketops.experiments.internal;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.experiments.Decision;
import io.marketops.experiments.Experiment;
import io.marketops.experiments.ExperimentDesign;
import io.marketops.experiments.ExperimentStatus;
import io.marketops.experiments.Variant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the registry: one experiment is a row plus its variant and metric rows. */
@Repository
class ExperimentRows {
    private static final Map<String, String> SORT_COLUMNS = Map.of("createdAt", "created_at", "key", "key", "name", "lower(name)",
            "status", "status", "startedAt", "started_at");
    private static final String COLUMNS = "id, workspace_id, key, name, hypothesis, owner, status, primary_metric, started_at, ended_at, "
            + "decision, shipped_variant, decision_reason, decided_at, created_at, coverage, targeting::text AS targeting, pre_period_days";
    private static final TypeReference<Map<String, List<String>>> TARGETING = new TypeReference<>() {
    };
    private final JdbcClient db;
    private final ObjectMapper json;

    ExperimentRows(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    Optional<Experiment> find(WorkspaceId ws, String key, boolean forUpdate) {
        return db.sql("SELECT " + COLUMNS + " FROM experiments WHERE workspace_id = ? AND key = ?" + (forUpdate ? " FOR UPDATE" : ""))
                .params(ws.value(), key).query(this::head).optional().map(this::complete);
    }

    PageResult<Experiment> list(WorkspaceId ws, ExperimentStatus status, String text, PageQuery page) {
        StringBuilder where = new StringBuilder(" FROM experiments WHERE workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(ws.value()));
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status.name());
        }
        String like = io.marketops.core.TextSearch.containsPattern(text);
        if (like != null) {
            where.append(" AND (key ILIKE ? OR name ILIKE ? OR hypothesis ILIKE ?)");
            params.addAll(List.of(like, like, like));
        }
        long total = db.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        String order = SORT_COLUMNS.get(page.sortField()) + " " + page.direction() + " NULLS LAST, id " + page.direction();
        var items = db.sql("SELECT " + COLUMNS + where + " ORDER BY " + order + " LIMIT ? OFFSET ?").params(pageParams)
                .query(this::head).list().stream().map(this::complete).toList();
        return PageResult.of(items, page, total);
    }

    long insert(WorkspaceId ws, String key, ExperimentDesign d) {
        long id = db.sql("INSERT INTO experiments(workspace_id, key, name, hypothesis, owner, primary_metric, coverage, targeting, pre_period_days) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?) RETURNING id")
                .params(ws.value(), key, d.name(), d.hypothesis(), d.owner(), d.primaryMetric(), d.coverage(), targeting(d), d.prePeriodDays())
                .query(Long.class).single();
        writeDesignRows(id, d);
        return id;
    }

    /** Saves the whole experiment: head row, and design rows when {@code designChanged}. */
    void update(Experiment e, boolean designChanged) {
        var d = e.design();
        db.sql("UPDATE experiments SET name = ?, hypothesis = ?, owner = ?, primary_metric = ?, status = ?, started_at = ?, ended_at = ?, "
                        + "decision = ?, shipped_variant = ?, decision_reason = ?, decided_at = ?, coverage = ?, targeting = CAST(? AS JSONB), "
                        + "pre_period_days = ?, updated_at = now() WHERE id = ?")
                .params(d.name(), d.hypothesis(), d.owner(), d.primaryMetric(), e.status().name(), ts(e.startedAt()), ts(e.endedAt()),
                        e.decision() == null ? null : e.decision().name(), e.shippedVariant(), e.decisionReason(), ts(e.decidedAt()),
                        d.coverage(), targeting(d), d.prePeriodDays(), e.id())
                .update();
        if (designChanged) {
            db.sql("DELETE FROM experiment_variants WHERE experiment_id = ?").param(e.id()).update();
            db.sql("DELETE FROM experiment_metrics WHERE experiment_id = ?").param(e.id()).update();
            writeDesignRows(e.id(), d);
        }
    }

    void delete(long id) {
        db.sql("DELETE FROM experiments WHERE id = ?").param(id).update();
    }

    private void writeDesignRows(long id, ExperimentDesign d) {
        for (int i = 0; i < d.variants().size(); i++) {
            Variant v = d.variants().get(i);
            db.sql("INSERT INTO experiment_variants(experiment_id, position, key, name, weight) VALUES (?, ?, ?, ?, ?)")
                    .params(id, i, v.key(), v.name(), v.weight()).update();
        }
        writeMetrics(id, "SECONDARY", d.secondaryMetrics());
        writeMetrics(id, "GUARDRAIL", d.guardrailMetrics());
    }

    private void writeMetrics(long id, String role, List<String> metrics) {
        for (int i = 0; i < metrics.size(); i++) {
            db.sql("INSERT INTO experiment_metrics(experiment_id, role, position, metric_id) VALUES (?, ?, ?, ?)")
                    .params(id, role, i, metrics.get(i)).update();
        }
    }

    /** The experiments row; variants and metrics come from their own tables in {@link #complete}. */
    private record Head(long id, long workspace, String key, String name, String hypothesis, String owner, String status,
                        String primaryMetric, Instant startedAt, Instant endedAt, String decision, String shippedVariant,
                        String decisionReason, Instant decidedAt, Instant createdAt, double coverage, String targeting, int prePeriodDays) {
    }

    private Head head(ResultSet rs, int row) throws SQLException {
        return new Head(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("key"), rs.getString("name"), rs.getString("hypothesis"),
                rs.getString("owner"), rs.getString("status"), rs.getString("primary_metric"), instant(rs, "started_at"),
                instant(rs, "ended_at"), rs.getString("decision"), rs.getString("shipped_variant"), rs.getString("decision_reason"),
                instant(rs, "decided_at"), instant(rs, "created_at"), rs.getDouble("coverage"),
                rs.getString("targeting"), rs.getInt("pre_period_days"));
    }

    private Experiment complete(Head h) {
        List<Variant> variants = db.sql("SELECT key, name, weight FROM experiment_variants WHERE experiment_id = ? ORDER BY position")
                .param(h.id()).query((rs, n) -> new Variant(rs.getString(1), rs.getString(2), rs.getDouble(3))).list();
        var design = new ExperimentDesign(h.name(), h.hypothesis(), h.owner(), variants, h.primaryMetric(),
                metrics(h.id(), "SECONDARY"), metrics(h.id(), "GUARDRAIL"), h.coverage(), targeting(h.targeting()), h.prePeriodDays());
        return new Experiment(h.id(), WorkspaceId.of(h.workspace()), h.key(), design, ExperimentStatus.valueOf(h.status()),
                h.startedAt(), h.endedAt(), h.decision() == null ? null : Decision.valueOf(h.decision()), h.shippedVariant(),
                h.decisionReason(), h.decidedAt(), h.createdAt());
    }

    private List<String> metrics(long id, String role) {
        return db.sql("SELECT metric_id FROM experiment_metrics WHERE experiment_id = ? AND role = ? ORDER BY position")
                .params(id, role).query(String.class).list();
    }

    private String targeting(ExperimentDesign d) {
        try {
            return json.writeValueAsString(d.targeting());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("targeting rules could not be written as JSON", e);
        }
    }

    private Map<String, List<String>> targeting(String stored) {
        try {
            return stored == null ? Map.of() : json.readValue(stored, TARGETING);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored targeting rules are not valid JSON: " + stored, e);
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
