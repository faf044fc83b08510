package io.marketops.workspace.internal;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.workspace.Actor;
import io.marketops.workspace.Actors;
import io.marketops.workspace.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Service
class JdbcAuditLog implements AuditLog {
    private final JdbcClient db;

    JdbcAuditLog(JdbcClient db) {
        this.db = db;
    }

    @Override
    public void record(String action, String target, String details) {
        Actor a = Actors.current().orElse(null);
        record(a == null ? null : a.workspaceId(), a == null ? "anonymous" : a.name(), action, target, clientIp(), details);
    }

    @Override
    public void record(WorkspaceId workspace, String actor, String action, String target, String ip, String details) {
        db.sql("INSERT INTO audit_log(workspace_id, actor, action, target, ip, details) VALUES (?, ?, ?, ?, ?, ?)")
                .params(workspace == null ? null : workspace.value(), actor, action, target, ip, details).update();
    }

    static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest r = attrs.getRequest();
            return r.getRemoteAddr();
        }
        return null;
    }

    @Override
    public PageResult<AuditEntry> search(WorkspaceId workspace, AuditFilter f, PageQuery page) {
        StringBuilder where = new StringBuilder(" FROM audit_log WHERE workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" AND (lower(actor) LIKE ? OR lower(action) LIKE ? OR lower(coalesce(target,'')) LIKE ?)");
            String like = "%" + f.text().trim().toLowerCase(Locale.ROOT) + "%";
            params.addAll(List.of(like, like, like));
        }
        if (f.action() != null && !f.action().isBlank()) {
            where.append(" AND action = ?");
            params.add(f.action().trim());
        }
        if (f.from() != null) {
            where.append(" AND at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND at < ?");
            params.add(Timestamp.from(f.to()));
        }
        long total = db.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<AuditEntry> items = db.sql("SELECT id, at, actor, action, target, ip, details" + where + " ORDER BY at "
                        + page.direction() + ", id " + page.direction() + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).list();
        return PageResult.of(items, page, total);
    }
}
