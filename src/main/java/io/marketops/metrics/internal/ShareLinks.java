package io.marketops.metrics.internal;

import io.marketops.core.NotFound;
import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Read-only share links of dashboards. Only the SHA-256 of a token is stored; the token is shown
 * once. A revoked link stops working at once.
 */
@Repository
public class ShareLinks {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient db;

    ShareLinks(JdbcClient db) {
        this.db = db;
    }

    public record ShareLink(long id, long dashboardId, String prefix, String createdBy, Instant createdAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** @param token the secret for the URL, returned only here */
    public record Created(ShareLink link, String token) {
    }

    public record Target(WorkspaceId workspace, long dashboardId) {
    }

    public Created create(WorkspaceId ws, long dashboard, String by) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = db.sql("INSERT INTO metrics_share_links(workspace_id, dashboard_id, token_hash, prefix, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(ws.value(), dashboard, hash(token), token.substring(0, 6), by).query(Long.class).single();
        return new Created(list(ws, dashboard).stream().filter(l -> l.id() == id).findFirst().orElseThrow(), token);
    }

    public List<ShareLink> list(WorkspaceId ws, long dashboard) {
        return db.sql("SELECT * FROM metrics_share_links WHERE workspace_id = ? AND dashboard_id = ? ORDER BY id DESC").params(ws.value(), dashboard)
                .query((rs, i) -> new ShareLink(rs.getLong("id"), rs.getLong("dashboard_id"), rs.getString("prefix"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    public void revoke(WorkspaceId ws, long dashboard, long id) {
        if (db.sql("UPDATE metrics_share_links SET revoked_at = coalesce(revoked_at, now()) WHERE workspace_id = ? AND dashboard_id = ? AND id = ?")
                .params(ws.value(), dashboard, id).update() == 0) {
            throw new NotFound("share link", id);
        }
    }

    /** The dashboard a token opens, if the token exists and is not revoked. */
    public Optional<Target> resolve(String token) {
        if (token == null || token.length() < 20 || token.length() > 64) return Optional.empty();
        return db.sql("SELECT workspace_id, dashboard_id FROM metrics_share_links WHERE token_hash = ? AND revoked_at IS NULL").param(hash(token))
                .query((rs, i) -> new Target(WorkspaceId.of(rs.getLong(1)), rs.getLong(2))).optional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
