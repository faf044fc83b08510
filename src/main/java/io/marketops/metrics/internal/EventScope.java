package io.marketops.metrics.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The {@code ev} CTE every event query starts from: the workspace's events in a time range, with
 * the person resolved and the local day computed. Person resolution lives only here, and is the
 * collect module's ({@code event_people}): person = the user the event's userId was aliased to
 * ({@code alias} calls), else the event's userId, else the user its anonymousId was identified as,
 * else the anonymousId. Collection flattens chains when it writes links, so one look-up suffices.
 */
final class EventScope {
    private EventScope() {
    }

    /** Resolves the person of events aliased {@code e}; needs {@link #IDS} joined as {@code i} and {@link #ALIASES} as {@code iu}. */
    static final String PERSON = "coalesce(iu.user_id, e.user_id, i.user_id, e.anonymous_id)";
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
        return stitched ? Sql.of(" FROM " + table + " e LEFT JOIN " + IDS + " i ON i.anonymous_id = e.anonymous_id LEFT JOIN " + ALIASES
                + " iu ON iu.anonymous_id = e.user_id", workspace, workspace) : Sql.of(" FROM " + table + " e");
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

    /** The links of earlier user ids ({@code alias} calls) only: usually none, so the second join costs almost nothing. */
    static final String ALIASES = "(SELECT alias_id AS anonymous_id, user_id FROM identities WHERE workspace_id = ? AND source = 'alias')";

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

    /**
     * The same narrow {@code name AS (SELECT person, ts, <columns> …)} over the step-event projection
     * ({@code metrics_step_events}, {@link StepEvents}): {@code e} has only {@code event}, {@code ts} and the person
     * keys, and person is an integer resolved exactly as {@link #PERSON} resolves the strings — the stitched user's
     * key when the anonymous id's key has a link, else the user id's key, else the anonymous id's key. Identities are
     * mapped to keys here, at read time ({@link #IDS_KEYED}), so a new link counts at once. The local days of
     * [from, until) must have been made current ({@link ActivityRollup#ensure}).
     */
    static Sql stepEvents(String name, long workspace, boolean stitched, ZoneId zone, Instant from, Instant until, Sql columns, Sql where) {
        Sql s = Sql.of(name + " AS (SELECT " + (stitched ? "coalesce(iu.user_key, e.user_key, i.user_key, e.anonymous_key)" : "coalesce(e.user_key, e.anonymous_key)")
                + " AS person, e.ts, ").add(columns);
        s.add(stitched ? Sql.of(" FROM metrics_step_events e LEFT JOIN " + IDS_KEYED + " i ON i.anonymous_key = e.anonymous_key LEFT JOIN "
                + ALIASES_KEYED + " iu ON iu.anonymous_key = e.user_key", workspace, workspace) : Sql.of(" FROM metrics_step_events e"));
        s.add(" WHERE e.workspace_id = ? AND e.day BETWEEN ? AND ?", workspace, java.time.LocalDate.ofInstant(from, zone), java.time.LocalDate.ofInstant(until, zone));
        s.add(" AND e.ts >= CAST(? AS TIMESTAMPTZ) AND e.ts < CAST(? AS TIMESTAMPTZ)", from.toString(), until.toString());
        if (where != null && !where.text().isBlank()) s.add(" AND ").add(where);
        return s.add(")");
    }

    /**
     * {@link #IDS} in keys of {@code metrics_person_keys}: the alias id's key (an alias without one occurs in no
     * projected event) and the user id's key — or, for a user id no event has carried yet, a negative key of its own
     * (a 61-bit hash of the id, the same for every alias of that user and in {@link #ALIASES_KEYED}, never a real
     * key; two such users would share a key with a probability of about n²/2^62).
     */
    static final String IDS_KEYED = keyed("");

    /** {@link #ALIASES} in keys, as {@link #IDS_KEYED}. */
    static final String ALIASES_KEYED = keyed(" AND s.source = 'alias'");

    private static String keyed(String where) {
        return "(SELECT a.key AS anonymous_key, coalesce(u.key, -1 - CAST(hash(s.user_id) >> 3 AS BIGINT)) AS user_key"
                + " FROM identities s JOIN metrics_person_keys a ON a.workspace_id = s.workspace_id AND a.id = s.alias_id"
                + " LEFT JOIN metrics_person_keys u ON u.workspace_id = s.workspace_id AND u.id = s.user_id WHERE s.workspace_id = ?" + where + ")";
    }

    static String dimList(int n, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) b.append(", ").append(prefix).append("d").append(k);
        return b.toString();
    }
}
