package io.marketops.metrics.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The {@code ev} CTE every event query starts from: the workspace's events in a time range, with
 * the person resolved and the local day computed. Person resolution lives only here:
 * person = the stitched user (from {@code identities}, anonymousId → userId) when known, else the
 * event's userId, else its anonymousId.
 */
final class EventScope {
    private EventScope() {
    }

    /** Resolves the person of events aliased {@code e}; needs {@link #IDS} joined as {@code i}. */
    static final String PERSON = "coalesce(i.user_id, e.user_id, e.anonymous_id)";
    /** The same when the workspace has no stitched identities yet: the join is left out (it costs a probe per event). */
    static final String PERSON_UNSTITCHED = "coalesce(e.user_id, e.anonymous_id)";

    /** Whether the workspace has any anonymousId → userId link; decides if statements join {@code identities}. */
    static boolean stitched(io.marketops.warehouse.Warehouse warehouse, long workspace) {
        return warehouse.sql().sql("SELECT EXISTS (SELECT 1 FROM identities WHERE workspace_id = ?)").param(workspace).query(Boolean.class).single();
    }

    private static Sql from(long workspace, boolean stitched) {
        return from("events", workspace, stitched);
    }

    private static Sql from(String table, long workspace, boolean stitched) {
        return stitched ? Sql.of(" FROM " + table + " e LEFT JOIN " + IDS + " i ON i.anonymous_id = e.anonymous_id", workspace) : Sql.of(" FROM " + table + " e");
    }

    /**
     * The same {@code ev} CTE over the daily activity rollup for local days [from, to]: its rows carry the same
     * person keys, {@code day} and dimension columns as events (so dimension and filter SQL is shared), plus
     * {@code views}, {@code active} and {@code events} counts instead of {@code type}.
     */
    static Sql rollupCte(String name, long workspace, boolean stitched, java.time.LocalDate from, java.time.LocalDate to, List<Sql> dims, Sql where) {
        Sql s = Sql.of(name + " AS (SELECT e.*, " + (stitched ? PERSON : PERSON_UNSTITCHED) + " AS person");
        for (int k = 0; k < dims.size(); k++) s.add(", ").add(dims.get(k)).add(" AS d" + k);
        s.add(from("metrics_activity", workspace, stitched));
        s.add(" WHERE e.workspace_id = ? AND e.day BETWEEN ? AND ?", workspace, from, to);
        if (where != null && !where.text().isBlank()) s.add(" AND ").add(where);
        return s.add(")");
    }

    /**
     * One stitched user per anonymous id: collection keeps one row per alias id in {@code identities}
     * (the latest link wins there), so a shared device never fans out rows.
     */
    static final String IDS = "(SELECT alias_id AS anonymous_id, user_id FROM identities WHERE workspace_id = ?)";

    /**
     * {@code ev AS (SELECT e.*, person, day, d0…dn FROM events e …)}: every events column plus the resolved person, the local day and the dimension values.
     *
     * @param from  first instant included, or null for all history
     * @param until first instant excluded
     */
    static Sql cte(String name, long workspace, boolean stitched, ZoneId zone, Instant from, Instant until, List<Sql> dims, Sql where) {
        Sql s = Sql.of(name + " AS (SELECT e.*, ")
                .add((stitched ? PERSON : PERSON_UNSTITCHED) + " AS person, " + LocalDays.of("e.ts", zone, from, until) + " AS day");
        for (int k = 0; k < dims.size(); k++) s.add(", ").add(dims.get(k)).add(" AS d" + k);
        s.add(from(workspace, stitched));
        s.add(" WHERE e.workspace_id = ?", workspace);
        if (from != null) s.add(" AND e.ts >= CAST(? AS TIMESTAMPTZ)", from.toString());
        s.add(" AND e.ts < CAST(? AS TIMESTAMPTZ)", until.toString());
        if (where != null && !where.text().isBlank()) s.add(" AND ").add(where);
        return s.add(")");
    }

    /**
     * A narrow {@code name AS (SELECT person, ts, <columns> FROM events …)}: cheap to materialise when
     * a statement reads it several times (funnels, paths).
     */
    static Sql narrow(String name, long workspace, boolean stitched, Instant from, Instant until, Sql columns, Sql where) {
        Sql s = Sql.of(name + " AS (SELECT " + (stitched ? PERSON : PERSON_UNSTITCHED) + " AS person, e.ts, ").add(columns)
                .add(from(workspace, stitched))
                .add(" WHERE e.workspace_id = ?", workspace);
        if (from != null) s.add(" AND e.ts >= CAST(? AS TIMESTAMPTZ)", from.toString());
        s.add(" AND e.ts < CAST(? AS TIMESTAMPTZ)", until.toString());
        if (where != null && !where.text().isBlank()) s.add(" AND ").add(where);
        return s.add(")");
    }

    static String dimList(int n, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) b.append(", ").append(prefix).append("d").append(k);
        return b.toString();
    }
}
