package io.marketops.collect.internal;

import io.marketops.collect.Identities;
import io.marketops.core.WorkspaceId;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the identity graph (the warehouse table {@code identities}) from identify and alias
 * calls and from events that carry both ids, and answers {@link Identities}. Each link is
 * written once (a repeated mover step adds nothing); links written since start are skipped
 * without asking the warehouse.
 */
@Service
class IdentityLinks implements Identities {
    private final Warehouse warehouse;
    private final Map<String, String> written = new LinkedHashMap<>(1 << 14, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 200_000;
        }
    };

    IdentityLinks(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** {@code aliasId} (an anonymous id or earlier user id) belongs to {@code userId}. */
    record Link(long workspaceId, String aliasId, String userId, String source, Instant at) {
    }

    /** The link an event states, if any: alias previousId → userId, identify (or any event) anonymousId → userId. */
    static Link of(EventRow e, String previousId) {
        if (e.type().equals("alias") && previousId != null && e.userId() != null && !previousId.equals(e.userId())) {
            return new Link(e.workspaceId(), previousId, e.userId(), "alias", e.ts());
        }
        if (e.anonymousId() != null && e.userId() != null && !e.anonymousId().equals(e.userId())) {
            return new Link(e.workspaceId(), e.anonymousId(), e.userId(), e.type().equals("identify") ? "identify" : "event", e.ts());
        }
        return null;
    }

    /** Writes links not yet in the table (idempotent: a repeated mover step adds nothing). */
    synchronized void upsert(List<Link> links) {
        Map<String, Link> fresh = new LinkedHashMap<>();
        for (Link l : links) {
            String key = l.workspaceId() + "|" + l.aliasId() + "|" + l.userId();
            if (!written.containsKey(key)) fresh.putIfAbsent(key, l);
        }
        List<Link> todo = new ArrayList<>(fresh.values());
        for (int from = 0; from < todo.size(); from += 500) {
            List<Link> part = todo.subList(from, Math.min(todo.size(), from + 500));
            StringBuilder sql = new StringBuilder("INSERT INTO identities SELECT v.* FROM (VALUES ");
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                Link l = part.get(i);
                sql.append(i == 0 ? "" : ", ").append("(CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMPTZ))");
                params.addAll(List.of(l.workspaceId(), l.aliasId(), l.userId(), l.at().toString()));
            }
            sql.append(") v(workspace_id, anonymous_id, user_id, first_seen) WHERE NOT EXISTS (SELECT 1 FROM identities i ")
                    .append("WHERE i.workspace_id = v.workspace_id AND i.anonymous_id = v.anonymous_id AND i.user_id = v.user_id)");
            warehouse.sql().sql(sql.toString()).params(params).update();
        }
        fresh.forEach((k, l) -> written.put(k, l.userId()));
    }

    @Override
    public Optional<String> userIdOf(WorkspaceId workspace, String aliasId) {
        if (aliasId == null) return Optional.empty();
        return Optional.ofNullable(warehouse.sql().sql("SELECT arg_min(user_id, first_seen) FROM identities WHERE workspace_id = ? AND anonymous_id = ?")
                .params(workspace.value(), aliasId).query(String.class).single());
    }

    @Override
    public String personOf(WorkspaceId workspace, String userId, String anonymousId) {
        return userIdOf(workspace, anonymousId).orElse(userId != null ? userId : anonymousId);
    }
}
