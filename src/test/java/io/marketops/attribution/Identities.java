package io.marketops.attribution;

import io.marketops.warehouse.Warehouse;

import java.time.Instant;
import java.util.List;

/**
 * Writes an anonymous-id → user link into the warehouse's {@code identities} table as collection
 * keeps it (alias_id); should the table be missing or keyed by anonymous_id, that shape is used.
 */
final class Identities {
    private Identities() {
    }

    static void link(Warehouse warehouse, long ws, String anonymousId, String userId, Instant when) {
        warehouse.sql().sql("""
                CREATE TABLE IF NOT EXISTS identities (workspace_id BIGINT NOT NULL, anonymous_id VARCHAR NOT NULL,
                    user_id VARCHAR NOT NULL, first_seen TIMESTAMPTZ NOT NULL)""").update();
        List<String> cols = warehouse.sql().sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'identities'")
                .query(String.class).list();
        if (cols.contains("alias_id")) {
            warehouse.sql().sql("INSERT INTO identities (workspace_id, alias_id, user_id, source, first_seen, last_seen) VALUES (?, ?, ?, 'identify', ?, ?)")
                    .params(ws, anonymousId, userId, when.toString(), when.toString()).update();
        } else {
            warehouse.sql().sql("INSERT INTO identities (workspace_id, anonymous_id, user_id, first_seen) VALUES (?, ?, ?, CAST(? AS TIMESTAMPTZ))")
                    .params(ws, anonymousId, userId, when.toString()).update();
        }
    }
}
