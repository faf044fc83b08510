package io.marketops.attribution;

import io.marketops.warehouse.Warehouse;

import java.time.Instant;

/** Writes an anonymous-id → user link into the warehouse's {@code identities} table, as collection keeps it. */
final class Identities {
    private Identities() {
    }

    static void link(Warehouse warehouse, long ws, String anonymousId, String userId, Instant when) {
        warehouse.sql().sql("INSERT INTO identities (workspace_id, alias_id, user_id, source, first_seen, last_seen) VALUES (?, ?, ?, 'identify', ?, ?)")
                .params(ws, anonymousId, userId, when.toString(), when.toString()).update();
    }
}
