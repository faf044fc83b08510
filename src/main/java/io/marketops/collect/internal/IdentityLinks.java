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
 * calls and from events that carry both ids, and answers {@link Identities}. Upserts are
 * idempotent, so a repeated mover step rewrites the same links. Links already written since
 * start are skipped. Chains are flattened when written: after {@code alias(u_old → u_new)} every
 * id linked to u_old is linked to u_new, and a new link to an id that is itself an alias points to
 * where that alias points — so one look-up of an id (as {@code event_people} and the metrics
 * engine do) always finds the person at the end of the chain.
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

    synchronized void upsert(List<Link> links) {
        Map<String, Link> latest = new LinkedHashMap<>();
        for (Link l : links) {
            String key = l.workspaceId() + "|" + l.aliasId();
            if (l.userId().equals(written.get(key))) continue;
            latest.put(key, l);
        }
        List<Link> todo = new ArrayList<>(latest.values());
        for (int from = 0; from < todo.size(); from += 500) {
            List<Link> part = todo.subList(from, Math.min(todo.size(), from + 500));
            StringBuilder sql = new StringBuilder("INSERT INTO identities VALUES ");
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                Link l = part.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ))");
                params.addAll(List.of(l.workspaceId(), l.aliasId(), l.userId(), l.source(), l.at().toString(), l.at().toString()));
            }
            sql.append(" ON CONFLICT (workspace_id, alias_id) DO UPDATE SET user_id = excluded.user_id, source = excluded.source, ")
                    .append("first_seen = least(identities.first_seen, excluded.first_seen), last_seen = greatest(identities.last_seen, excluded.last_seen)");
            warehouse.sql().sql(sql.toString()).params(params).update();
        }
        latest.forEach((k, l) -> written.put(k, l.userId()));
        java.util.Set<Long> chained = new java.util.TreeSet<>();
        for (Link l : todo) if (l.source().equals("alias")) chained.add(l.workspaceId());
        for (long ws : todo.stream().map(Link::workspaceId).distinct().toList()) {
            if (chained.contains(ws)) continue;
            List<String> targets = todo.stream().filter(l -> l.workspaceId() == ws).map(Link::userId).distinct().toList();
            for (int from = 0; from < targets.size(); from += 500) {
                List<String> part = targets.subList(from, Math.min(targets.size(), from + 500));
                List<Object> params = new ArrayList<>();
                params.add(ws);
                params.addAll(part);
                if (warehouse.sql().sql("SELECT EXISTS (SELECT 1 FROM identities WHERE workspace_id = ? AND alias_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + "))").params(params).query(Boolean.class).single()) {
                    chained.add(ws);
                    break;
                }
            }
        }
        for (long ws : chained) flatten(ws);
    }

    /** Points every link of the workspace at the end of its chain (a cycle is left at its last step). */
    private void flatten(long workspaceId) {
        for (int round = 0; round < 16; round++) {
            int changed = warehouse.sql().sql("""
                    UPDATE identities SET user_id = r.user_id
                    FROM identities r
                    WHERE identities.workspace_id = ? AND r.workspace_id = identities.workspace_id AND r.alias_id = identities.user_id
                      AND r.user_id <> identities.alias_id AND r.user_id <> identities.user_id""").param(workspaceId).update();
            if (changed == 0) break;
        }
        written.clear();
    }

    @Override
    public Optional<String> userIdOf(WorkspaceId workspace, String aliasId) {
        if (aliasId == null) return Optional.empty();
        return warehouse.sql().sql("SELECT user_id FROM identities WHERE workspace_id = ? AND alias_id = ?")
                .params(workspace.value(), aliasId).query(String.class).optional();
    }

    @Override
    public String personOf(WorkspaceId workspace, String userId, String anonymousId) {
        if (userId != null) return userIdOf(workspace, userId).orElse(userId);
        return userIdOf(workspace, anonymousId).orElse(anonymousId);
    }
}
