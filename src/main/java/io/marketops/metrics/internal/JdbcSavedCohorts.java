package io.marketops.metrics.internal;

import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.CohortSaved;
import io.marketops.metrics.SavedCohorts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Saved cohorts in PostgreSQL; members are written in one transaction with the cohort. */
@Repository
public class JdbcSavedCohorts implements SavedCohorts {
    private final JdbcClient db;
    private final ApplicationEventPublisher events;

    JdbcSavedCohorts(JdbcClient db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    @Transactional
    public Cohort save(WorkspaceId ws, String name, String origin, List<String> people, String by) {
        List<String> distinct = people.stream().distinct().toList();
        long id = db.sql("INSERT INTO metrics_cohorts(workspace_id, name, origin, size, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(ws.value(), name, origin, distinct.size(), by).query(Long.class).single();
        for (int k = 0; k < distinct.size(); k += 10_000) {
            String[] chunk = distinct.subList(k, Math.min(distinct.size(), k + 10_000)).toArray(String[]::new);
            db.sql("INSERT INTO metrics_cohort_members(cohort_id, person) SELECT ?, unnest(CAST(? AS text[]))").params(id, chunk).update();
        }
        events.publishEvent(new CohortSaved(ws, id, name, distinct.size()));
        return get(ws, id);
    }

    public Cohort get(WorkspaceId ws, long id) {
        return db.sql("SELECT * FROM metrics_cohorts WHERE workspace_id = ? AND id = ?").params(ws.value(), id)
                .query((rs, i) -> new Cohort(rs.getLong("id"), rs.getString("name"), rs.getString("origin"), rs.getInt("size"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
                .optional().orElseThrow(() -> new NotFound("cohort", id));
    }

    @Override
    public List<Cohort> list(WorkspaceId ws) {
        return db.sql("SELECT * FROM metrics_cohorts WHERE workspace_id = ? ORDER BY id DESC").param(ws.value())
                .query((rs, i) -> new Cohort(rs.getLong("id"), rs.getString("name"), rs.getString("origin"), rs.getInt("size"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant())).list();
    }

    /** A page of the saved cohorts, newest first; {@code q} searches the name (case-insensitive). */
    public PageResult<Cohort> page(WorkspaceId ws, String q, PageQuery page) {
        String like = io.marketops.core.TextSearch.containsPattern(q);
        String where = " WHERE workspace_id = ?" + (like == null ? "" : " AND name ILIKE ?");
        Object[] params = like == null ? new Object[]{ws.value()} : new Object[]{ws.value(), like};
        long total = db.sql("SELECT count(*) FROM metrics_cohorts" + where).params(params).query(Long.class).single();
        List<Cohort> items = db.sql("SELECT * FROM metrics_cohorts" + where + " ORDER BY id DESC LIMIT " + page.size() + " OFFSET " + page.offset())
                .params(params).query((rs, i) -> new Cohort(rs.getLong("id"), rs.getString("name"), rs.getString("origin"), rs.getInt("size"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant())).list();
        return PageResult.of(items, page, total);
    }

    /** A page of a saved cohort's people, in person order; the total is the cohort's size. */
    public PageResult<String> members(WorkspaceId ws, long cohortId, PageQuery page) {
        Cohort c = get(ws, cohortId);
        List<String> items = db.sql("SELECT person FROM metrics_cohort_members WHERE cohort_id = ? ORDER BY person LIMIT " + page.size() + " OFFSET " + page.offset())
                .param(cohortId).query(String.class).list();
        return PageResult.of(items, page, c.size());
    }

    @Override
    public List<String> members(WorkspaceId ws, long cohortId) {
        get(ws, cohortId);
        return db.sql("SELECT person FROM metrics_cohort_members WHERE cohort_id = ? ORDER BY person").param(cohortId).query(String.class).list();
    }
}
