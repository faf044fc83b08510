package io.marketops.workspace.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.workspace.Actor;
import io.marketops.workspace.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API tokens: random secrets shown once, stored only as SHA-256 hashes (they carry 240 bits of
 * entropy, so a slow hash adds nothing). Lookups are cached for a few seconds; revocation
 * clears the cache at once.
 */
@Repository
public class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final long CACHE_MILLIS = 10_000;
    private static final Map<String, String> SORTS = Map.of("createdAt", "created_at", "name", "name", "lastUsedAt", "last_used_at");

    private final JdbcClient db;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastTouched = new ConcurrentHashMap<>();

    ApiTokens(JdbcClient db) {
        this.db = db;
    }

    public record Token(long id, WorkspaceId workspaceId, String name, String prefix, Role role, String createdBy,
                        Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {
        public boolean active(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** A token just made; {@code secret} is shown to the person once and never stored. */
    public record Created(Token token, String secret) {
    }

    private record Cached(Optional<Token> token, long at) {
    }

    public static String newSecret() {
        StringBuilder sb = new StringBuilder("mo_");
        for (int i = 0; i < 40; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Created create(WorkspaceId ws, String name, Role role, String createdBy, Instant expiresAt) {
        return createWithSecret(ws, name, role, createdBy, expiresAt, newSecret());
    }

    /** Creates a token with a given secret (bootstrap and CLI tokens); an existing one with that secret is returned. */
    public Created createWithSecret(WorkspaceId ws, String name, Role role, String createdBy, Instant expiresAt, String secret) {
        if (name == null || name.isBlank()) throw new InvalidRequest("name", "a token needs a name that says what uses it");
        if (name.length() > 100) throw new InvalidRequest("name", "must be at most 100 characters");
        if (secret.length() < 8) throw new InvalidRequest("token", "must have at least 8 characters");
        String h = hash(secret);
        Optional<Token> existing = findByHash(h);
        if (existing.isPresent()) return new Created(existing.get(), secret);
        long id = db.sql("""
                INSERT INTO api_tokens(workspace_id, name, token_hash, prefix, role, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(ws.value(), name.trim(), h, secret.substring(0, Math.min(7, secret.length())), role.name(), createdBy,
                        expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
                .query(Long.class).single();
        cache.remove(h);
        return new Created(get(ws, id), secret);
    }

    public Token get(WorkspaceId ws, long id) {
        return db.sql("SELECT * FROM api_tokens WHERE workspace_id = ? AND id = ?").params(ws.value(), id)
                .query(this::row).optional().orElseThrow(() -> new NotFound("token", id));
    }

    private Optional<Token> findByHash(String h) {
        return db.sql("SELECT * FROM api_tokens WHERE token_hash = ?").param(h).query(this::row).optional();
    }

    /** The active token with this secret, if any. */
    public Optional<Token> authenticate(String secret) {
        String h = hash(secret);
        long now = System.currentTimeMillis();
        Cached c = cache.get(h);
        if (c == null || now - c.at() > CACHE_MILLIS) {
            c = new Cached(findByHash(h), now);
            cache.put(h, c);
        }
        return c.token().filter(t -> t.active(Instant.now()));
    }

    /** Notes the use of a token; returns true when this is the first use in the last hour (worth an audit entry). */
    public boolean touch(Token t) {
        long now = System.currentTimeMillis();
        Long last = lastTouched.get(t.id());
        if (last != null && now - last < 60_000) return false;
        lastTouched.put(t.id(), now);
        db.sql("UPDATE api_tokens SET last_used_at = now() WHERE id = ?").param(t.id()).update();
        return last == null || now - last > 3_600_000;
    }

    public PageResult<Token> list(WorkspaceId ws, PageQuery page) {
        List<Token> items = db.sql("SELECT * FROM api_tokens WHERE workspace_id = ? ORDER BY " + SORTS.get(page.sortField()) + " "
                        + page.direction() + " NULLS LAST, id LIMIT ? OFFSET ?")
                .params(ws.value(), page.size(), page.offset()).query(this::row).list();
        long total = db.sql("SELECT count(*) FROM api_tokens WHERE workspace_id = ?").param(ws.value()).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    public static java.util.Set<String> sortFields() {
        return SORTS.keySet();
    }

    public Token revoke(WorkspaceId ws, long id) {
        Token t = get(ws, id);
        db.sql("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE workspace_id = ? AND id = ?").params(ws.value(), id).update();
        cache.clear();
        return get(ws, t.id());
    }

    /** Revokes every token of a given name (the CLI token is replaced at each start). */
    public void revokeNamed(WorkspaceId ws, String name) {
        db.sql("UPDATE api_tokens SET revoked_at = now() WHERE workspace_id = ? AND name = ? AND revoked_at IS NULL").params(ws.value(), name).update();
        cache.clear();
    }

    private Token row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Token(rs.getLong("id"), WorkspaceId.of(rs.getLong("workspace_id")), rs.getString("name"), rs.getString("prefix"),
                Role.valueOf(rs.getString("role")), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                ts(rs, "last_used_at"), ts(rs, "expires_at"), ts(rs, "revoked_at"));
    }

    private static Instant ts(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
        var t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    public Actor actorOf(Token t) {
        return new Actor(null, t.id(), t.workspaceId(), t.role(), "token:" + t.name());
    }
}
