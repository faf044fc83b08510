package io.marketops.collect.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Write keys: which workspace a tracking call belongs to. A key is public (it sits in tracked
 * pages), so it is stored as is; rotating gives the key a new value at once, revoking ends it.
 * Lookups are cached for a few seconds and the cache is cleared on every change.
 */
@Repository
public class WriteKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final long CACHE_MILLIS = 5_000;
    private static final Map<String, String> SORTS = Map.of("createdAt", "created_at", "name", "name");

    private final JdbcClient db;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    WriteKeys(JdbcClient db) {
        this.db = db;
    }

    public record WriteKey(long id, WorkspaceId workspaceId, String name, String key, String createdBy, Instant createdAt,
                           Instant rotatedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    private record Cached(Optional<WorkspaceId> workspace, long at) {
    }

    static String newKey() {
        StringBuilder sb = new StringBuilder("wk_");
        for (int i = 0; i < 32; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    public static Set<String> sortFields() {
        return SORTS.keySet();
    }

    /** The workspace of an active key. */
    public Optional<WorkspaceId> authenticate(String key) {
        if (key == null || key.isBlank()) return Optional.empty();
        long now = System.currentTimeMillis();
        Cached c = cache.get(key);
        if (c == null || now - c.at() > CACHE_MILLIS) {
            if (cache.size() > 10_000) cache.clear();
            c = new Cached(db.sql("SELECT workspace_id FROM collect_write_keys WHERE write_key = ? AND revoked_at IS NULL")
                    .param(key).query(Long.class).optional().map(WorkspaceId::of), now);
            cache.put(key, c);
        }
        return c.workspace();
    }

    public WriteKey create(WorkspaceId ws, String name, String createdBy) {
        return insert(ws, checkedName(name), newKey(), createdBy);
    }

    /** Makes sure a key with exactly this value exists for the workspace (the bootstrap key). */
    public WriteKey ensure(WorkspaceId ws, String name, String key, String createdBy) {
        if (key.length() < 8) throw new InvalidRequest("writeKey", "must have at least 8 characters");
        Optional<WriteKey> existing = db.sql("SELECT * FROM collect_write_keys WHERE write_key = ?").param(key).query(this::row).optional();
        if (existing.isPresent()) {
            WriteKey k = existing.get();
            if (!k.workspaceId().equals(ws) || !k.active()) {
                db.sql("UPDATE collect_write_keys SET workspace_id = ?, revoked_at = NULL WHERE id = ?").params(ws.value(), k.id()).update();
                cache.clear();
                return get(ws, k.id());
            }
            return k;
        }
        return insert(ws, name, key, createdBy);
    }

    private WriteKey insert(WorkspaceId ws, String name, String key, String createdBy) {
        long id = db.sql("INSERT INTO collect_write_keys(workspace_id, name, write_key, created_by) VALUES (?, ?, ?, ?) RETURNING id")
                .params(ws.value(), name, key, createdBy).query(Long.class).single();
        cache.remove(key);
        return get(ws, id);
    }

    public WriteKey get(WorkspaceId ws, long id) {
        return db.sql("SELECT * FROM collect_write_keys WHERE workspace_id = ? AND id = ?").params(ws.value(), id)
                .query(this::row).optional().orElseThrow(() -> new NotFound("write key", id));
    }

    /** Gives the key a new value; the old value stops working at once. */
    public WriteKey rotate(WorkspaceId ws, long id) {
        WriteKey k = get(ws, id);
        if (!k.active()) throw new InvalidRequest("id", "write key " + id + " is revoked; create a new one instead");
        db.sql("UPDATE collect_write_keys SET write_key = ?, rotated_at = now() WHERE workspace_id = ? AND id = ?")
                .params(newKey(), ws.value(), id).update();
        cache.clear();
        return get(ws, id);
    }

    public WriteKey revoke(WorkspaceId ws, long id) {
        get(ws, id);
        db.sql("UPDATE collect_write_keys SET revoked_at = coalesce(revoked_at, now()) WHERE workspace_id = ? AND id = ?").params(ws.value(), id).update();
        cache.clear();
        return get(ws, id);
    }

    public PageResult<WriteKey> list(WorkspaceId ws, PageQuery page) {
        List<WriteKey> items = db.sql("SELECT * FROM collect_write_keys WHERE workspace_id = ? ORDER BY " + SORTS.get(page.sortField()) + " "
                        + page.direction() + ", id LIMIT ? OFFSET ?")
                .params(ws.value(), page.size(), page.offset()).query(this::row).list();
        long total = db.sql("SELECT count(*) FROM collect_write_keys WHERE workspace_id = ?").param(ws.value()).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    /** The newest active key, for the install snippet. */
    public Optional<WriteKey> firstActive(WorkspaceId ws) {
        return db.sql("SELECT * FROM collect_write_keys WHERE workspace_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1")
                .param(ws.value()).query(this::row).optional();
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) throw new InvalidRequest("name", "a write key needs a name that says where it is used (site, app, mini-program)");
        if (name.length() > 100) throw new InvalidRequest("name", "must be at most 100 characters");
        return name.trim();
    }

    private WriteKey row(ResultSet rs, int n) throws SQLException {
        return new WriteKey(rs.getLong("id"), WorkspaceId.of(rs.getLong("workspace_id")), rs.getString("name"), rs.getString("write_key"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), ts(rs, "rotated_at"), ts(rs, "revoked_at"));
    }

    private static Instant ts(ResultSet rs, String col) throws SQLException {
        var t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
