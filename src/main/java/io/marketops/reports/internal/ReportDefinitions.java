package io.marketops.reports.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.MetricCatalog;
import io.marketops.workspace.Workspaces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Report definitions per workspace in PostgreSQL; keeps each enabled definition's next scheduled build. */
@Repository
public class ReportDefinitions {
    public static final Set<String> SORTS = Set.of("name", "createdAt", "frequency");
    private static final Map<String, String> SORT_COLUMNS = Map.of("name", "name", "createdAt", "created_at", "frequency", "frequency");
    private final JdbcClient db;
    private final ObjectMapper json;
    private final MetricCatalog catalog;
    private final Workspaces workspaces;
    private final Clock clock;

    ReportDefinitions(JdbcClient db, ObjectMapper json, MetricCatalog catalog, Workspaces workspaces, Optional<Clock> clock) {
        this.db = db;
        this.json = json;
        this.catalog = catalog;
        this.workspaces = workspaces;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public ReportDefinition create(WorkspaceId ws, DefinitionRequest request, String by) {
        ReportDefinition d = DefinitionRules.check(ws, request, catalog, List.of());
        long id = db.sql("""
                        INSERT INTO reports_definitions(workspace_id, name, frequency, metrics, breakdowns, targets, emails, robots, schedule,
                            language, enabled, next_run_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(ws.value(), d.name(), d.frequency().id(), write(d.metrics()), write(d.breakdowns()), write(d.targets()),
                        write(d.emails()), write(d.robots()), d.schedule(), d.language(), d.enabled(), nextRun(ws, d), by)
                .query(Long.class).single();
        return get(ws, id);
    }

    public ReportDefinition update(WorkspaceId ws, long id, DefinitionRequest request) {
        ReportDefinition old = get(ws, id);
        ReportDefinition d = DefinitionRules.check(ws, request, catalog, old.robots());
        db.sql("""
                        UPDATE reports_definitions SET name = ?, frequency = ?, metrics = ?, breakdowns = ?, targets = ?, emails = ?, robots = ?,
                            schedule = ?, language = ?, enabled = ?, next_run_at = ?, updated_at = now() WHERE workspace_id = ? AND id = ?""")
                .params(d.name(), d.frequency().id(), write(d.metrics()), write(d.breakdowns()), write(d.targets()), write(d.emails()),
                        write(d.robots()), d.schedule(), d.language(), d.enabled(), nextRun(ws, d), ws.value(), id)
                .update();
        return get(ws, id);
    }

    private Timestamp nextRun(WorkspaceId ws, ReportDefinition d) {
        if (!d.enabled()) return null;
        return Timestamp.from(Schedules.next(d.schedule(), workspaces.get(ws).timezone(), clock.instant()));
    }

    public ReportDefinition get(WorkspaceId ws, long id) {
        return db.sql("SELECT * FROM reports_definitions WHERE workspace_id = ? AND id = ?").params(ws.value(), id)
                .query(this::map).optional().orElseThrow(() -> new NotFound("report", id));
    }

    public PageResult<ReportDefinition> list(WorkspaceId ws, PageQuery page) {
        String order = SORT_COLUMNS.get(page.sortField()) + " " + page.direction() + ", id";
        List<ReportDefinition> items = db.sql("SELECT * FROM reports_definitions WHERE workspace_id = ? ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(ws.value(), page.size(), page.offset()).query(this::map).list();
        long total = db.sql("SELECT count(*) FROM reports_definitions WHERE workspace_id = ?").param(ws.value()).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    public void delete(WorkspaceId ws, long id) {
        if (db.sql("DELETE FROM reports_definitions WHERE workspace_id = ? AND id = ?").params(ws.value(), id).update() == 0) {
            throw new NotFound("report", id);
        }
    }

    /** The workspace's enabled definitions, oldest first: anomaly alerts go to their recipients. */
    List<ReportDefinition> enabled(WorkspaceId ws) {
        return db.sql("SELECT * FROM reports_definitions WHERE workspace_id = ? AND enabled ORDER BY id").param(ws.value()).query(this::map).list();
    }

    /** Enabled definitions whose next build is due at {@code now}, across workspaces (for the scheduler). */
    List<ReportDefinition> due(Instant now, int limit) {
        return db.sql("SELECT * FROM reports_definitions WHERE enabled AND next_run_at <= ? ORDER BY next_run_at LIMIT ?")
                .params(Timestamp.from(now), limit).query(this::map).list();
    }

    /**
     * Moves a due definition to its following firing; true for exactly one caller, so a build is claimed once even
     * with several schedulers (or a restart) racing for it.
     */
    boolean claim(ReportDefinition d, Instant next) {
        return db.sql("UPDATE reports_definitions SET next_run_at = ? WHERE id = ? AND next_run_at = ?")
                .params(Timestamp.from(next), d.id(), Timestamp.from(d.nextRunAt())).update() == 1;
    }

    private ReportDefinition map(ResultSet rs, int row) throws SQLException {
        Timestamp next = rs.getTimestamp("next_run_at");
        return new ReportDefinition(rs.getLong("id"), WorkspaceId.of(rs.getLong("workspace_id")), rs.getString("name"),
                Frequency.parse(rs.getString("frequency")), read(rs.getString("metrics"), new TypeReference<List<String>>() { }),
                read(rs.getString("breakdowns"), new TypeReference<List<String>>() { }),
                read(rs.getString("targets"), new TypeReference<java.util.LinkedHashMap<String, BigDecimal>>() { }),
                read(rs.getString("emails"), new TypeReference<List<String>>() { }), read(rs.getString("robots"), new TypeReference<List<Robot>>() { }),
                rs.getString("schedule"), rs.getString("language"), rs.getBoolean("enabled"), next == null ? null : next.toInstant(),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report definition JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report definition JSON is unreadable: " + text, e);
        }
    }
}
