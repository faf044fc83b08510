package io.marketops.workspace.internal;

import io.marketops.core.NotFound;
import io.marketops.core.WorkspaceId;
import io.marketops.workspace.Role;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

@Service
class JdbcWorkspaces implements Workspaces {
    private static final RowMapper<Workspace> ROW = (rs, n) -> new Workspace(WorkspaceId.of(rs.getLong("id")), rs.getString("name"),
            rs.getString("slug"), ZoneId.of(rs.getString("timezone")), rs.getString("currency").trim(), rs.getBoolean("demo"),
            rs.getTimestamp("created_at").toInstant());
    private final JdbcClient db;
    private final io.marketops.runtime.MarketOpsProperties props;

    JdbcWorkspaces(JdbcClient db, io.marketops.runtime.MarketOpsProperties props) {
        this.db = db;
        this.props = props;
    }

    @Override
    public Workspace get(WorkspaceId id) {
        return db.sql("SELECT * FROM workspaces WHERE id = ?").param(id.value()).query(ROW).optional()
                .orElseThrow(() -> new NotFound("workspace", id));
    }

    @Override
    public Optional<Workspace> findBySlug(String slug) {
        return db.sql("SELECT * FROM workspaces WHERE slug = ?").param(slug).query(ROW).optional();
    }

    @Override
    public List<Workspace> all() {
        return db.sql("SELECT * FROM workspaces ORDER BY id").query(ROW).list();
    }

    @Override
    public Workspace defaultWorkspace() {
        return db.sql("SELECT * FROM workspaces ORDER BY id LIMIT 1").query(ROW).optional()
                .orElseThrow(() -> new IllegalStateException("no workspace exists yet"));
    }

    @Override
    @Transactional
    public Workspace create(String name, String slug, boolean demo) {
        long id = db.sql("INSERT INTO workspaces(name, slug, timezone, demo) VALUES (?, ?, ?, ?) RETURNING id")
                .params(name, slug, props.timezone().getId(), demo).query(Long.class).single();
        return get(WorkspaceId.of(id));
    }

    @Override
    public void addMember(WorkspaceId workspace, long userId, Role role) {
        db.sql("""
                INSERT INTO memberships(workspace_id, user_id, role) VALUES (?, ?, ?)
                ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role""")
                .params(workspace.value(), userId, role.name()).update();
    }
}
