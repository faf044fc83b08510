package io.marketops.collect.internal;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Invalid events as they were sent, with the reason, per workspace (PostgreSQL {@code collect_quarantine}). */
@Repository
public class QuarantineStore {
    private static final Map<String, String> SORTS = Map.of("receivedAt", "received_at", "reason", "reason");
    private final JdbcTemplate jdbc;
    private final JdbcClient db;

    QuarantineStore(JdbcTemplate jdbc, JdbcClient db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    /** A rejected event on its way from the log. */
    record Row(long workspaceId, long logPosition, int index, long receivedAt, String reason, byte[] raw) {
    }

    /** A quarantined event as shown: {@code index} is its position in the request that carried it. */
    public record Entry(long id, Instant receivedAt, int index, String reason, String payload) {
    }

    public static Set<String> sortFields() {
        return SORTS.keySet();
    }

    /** Idempotent: rows already moved (a repeated step) are skipped. */
    void insert(String logId, List<Row> rows) {
        if (rows.isEmpty()) return;
        jdbc.batchUpdate("""
                INSERT INTO collect_quarantine(workspace_id, log_id, log_position, batch_index, received_at, reason, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (log_id, log_position, batch_index) DO NOTHING""", rows, 1000, (ps, r) -> {
            ps.setLong(1, r.workspaceId());
            ps.setString(2, logId);
            ps.setLong(3, r.logPosition());
            ps.setInt(4, r.index());
            ps.setTimestamp(5, Timestamp.from(Instant.ofEpochMilli(r.receivedAt())));
            ps.setString(6, r.reason());
            ps.setString(7, new String(r.raw(), StandardCharsets.UTF_8).replace("\u0000", ""));
        });
    }

    public PageResult<Entry> list(WorkspaceId ws, PageQuery page) {
        return list(ws, page, null);
    }

    /** A page of the workspace's quarantine; {@code search} (optional) must occur in the reason or the payload, case-insensitively. */
    public PageResult<Entry> list(WorkspaceId ws, PageQuery page, String search) {
        String where = "workspace_id = ?";
        List<Object> params = new java.util.ArrayList<>(List.of(ws.value()));
        String like = io.marketops.core.TextSearch.containsPattern(search);
        if (like != null) {
            where += " AND (reason ILIKE ? OR payload ILIKE ?)";
            params.add(like);
            params.add(like);
        }
        List<Object> paged = new java.util.ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        List<Entry> items = db.sql("SELECT id, received_at, batch_index, reason, payload FROM collect_quarantine WHERE " + where + " ORDER BY "
                        + SORTS.get(page.sortField()) + " " + page.direction() + ", id DESC LIMIT ? OFFSET ?")
                .params(paged)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getString(4), rs.getString(5))).list();
        long total = db.sql("SELECT count(*) FROM collect_quarantine WHERE " + where).params(params).query(Long.class).single();
        return PageResult.of(items, page, total);
    }
}
