package io.marketops.workspace.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.workspace.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** People who sign in, and their memberships. */
@Repository
public class Users {
    private static final Map<String, String> SORTS = Map.of("email", "u.email", "name", "u.display_name", "role", "m.role", "createdAt", "m.created_at");
    private final JdbcClient db;
    private final PasswordEncoder encoder;

    Users(JdbcClient db, PasswordEncoder encoder) {
        this.db = db;
        this.encoder = encoder;
    }

    public record User(long id, String email, String displayName, String passwordHash, String locale, boolean enabled) {
    }

    public record Member(long userId, String email, String displayName, Role role, Instant since, Instant lastLoginAt) {
    }

    public record Membership(WorkspaceId workspaceId, String workspaceName, Role role) {
    }

    public Optional<User> byEmail(String email) {
        return db.sql("SELECT * FROM users WHERE lower(email) = lower(?)").param(email.trim())
                .query((rs, n) -> new User(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        rs.getString("password_hash"), rs.getString("locale"), rs.getBoolean("enabled"))).optional();
    }

    public long create(String email, String displayName, String rawPassword) {
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) throw new InvalidRequest("email", "'" + email + "' is not an e-mail address");
        validatePassword(rawPassword);
        if (byEmail(email).isPresent()) throw new InvalidRequest("email", email + " already has an account");
        return db.sql("INSERT INTO users(email, display_name, password_hash) VALUES (?, ?, ?) RETURNING id")
                .params(email.trim(), displayName == null || displayName.isBlank() ? email.trim() : displayName.trim(), encoder.encode(rawPassword))
                .query(Long.class).single();
    }

    public static void validatePassword(String raw) {
        if (raw == null || raw.length() < 10) throw new InvalidRequest("password", "must have at least 10 characters");
    }

    public void changePassword(long userId, String rawPassword) {
        validatePassword(rawPassword);
        db.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(encoder.encode(rawPassword), userId).update();
    }

    public void setLocale(long userId, Locale locale) {
        db.sql("UPDATE users SET locale = ? WHERE id = ?").params(locale.toLanguageTag(), userId).update();
    }

    public void touchLogin(long userId) {
        db.sql("UPDATE users SET last_login_at = now() WHERE id = ?").param(userId).update();
    }

    public List<Membership> memberships(long userId) {
        return db.sql("""
                SELECT m.workspace_id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
                WHERE m.user_id = ? ORDER BY m.workspace_id""").param(userId)
                .query((rs, n) -> new Membership(WorkspaceId.of(rs.getLong(1)), rs.getString(2), Role.valueOf(rs.getString(3)))).list();
    }

    public PageResult<Member> members(WorkspaceId ws, String text, PageQuery page) {
        String like = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
        String where = " FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = :ws"
                + (like == null ? "" : " AND (lower(u.email) LIKE :q OR lower(u.display_name) LIKE :q)");
        var count = db.sql("SELECT count(*)" + where).param("ws", ws.value());
        var list = db.sql("SELECT u.id, u.email, u.display_name, m.role, m.created_at, u.last_login_at" + where
                + " ORDER BY " + SORTS.get(page.sortField()) + " " + page.direction() + " LIMIT :limit OFFSET :offset")
                .param("ws", ws.value()).param("limit", page.size()).param("offset", page.offset());
        if (like != null) {
            count = count.param("q", like);
            list = list.param("q", like);
        }
        List<Member> items = list.query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant())).list();
        return PageResult.of(items, page, count.query(Long.class).single());
    }

    public static java.util.Set<String> sortFields() {
        return SORTS.keySet();
    }

    public Optional<Role> roleIn(WorkspaceId ws, long userId) {
        return db.sql("SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?").params(ws.value(), userId)
                .query(String.class).optional().map(Role::valueOf);
    }

    public int removeMember(WorkspaceId ws, long userId) {
        return db.sql("DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?").params(ws.value(), userId).update();
    }

    public long countAdmins(WorkspaceId ws) {
        return db.sql("SELECT count(*) FROM memberships WHERE workspace_id = ? AND role = 'ADMIN'").param(ws.value()).query(Long.class).single();
    }
}
