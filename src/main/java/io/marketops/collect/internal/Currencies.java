package io.marketops.collect.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A workspace's reporting currency, the currency of revenue sent without one (cached; CNY when unknown). */
@Component
class Currencies {
    private final Workspaces workspaces;
    private final Map<Long, String> cache = new ConcurrentHashMap<>();

    Currencies(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    String of(WorkspaceId ws) {
        return cache.computeIfAbsent(ws.value(), id -> {
            try {
                return workspaces.get(ws).currency();
            } catch (RuntimeException e) {
                return "CNY";
            }
        });
    }
}
