package io.marketops.collect.internal;

import io.marketops.collect.Touch;
import io.marketops.warehouse.Warehouse;

/** Restores recently active sessions from the warehouse after a restart, so a visit that goes on keeps its session. */
final class SessionWarmup {
    private SessionWarmup() {
    }

    static void warm(Warehouse warehouse, Sessionizer sessions) {
        warehouse.sql().sql("""
                        SELECT workspace_id, anonymous_id, user_id, session_id, min(ts) AS start, max(ts) AS last,
                               arg_min(channel, ts) AS channel, arg_min(utm_source, ts) AS src, arg_min(utm_medium, ts) AS med,
                               arg_min(utm_campaign, ts) AS camp
                        FROM events
                        WHERE received_at > now() - INTERVAL 1 HOUR AND session_id IS NOT NULL
                        GROUP BY ALL ORDER BY last""")
                .query(rs -> {
                    String visitor = Sessionizer.visitorKey(rs.getLong(1), rs.getString(2), rs.getString(3));
                    if (visitor == null) return;
                    Touch t = new Touch(rs.getString("src"), rs.getString("med"), rs.getString("camp"), null, null);
                    sessions.warm(visitor, new Sessionizer.State(rs.getString(4), rs.getTimestamp("start").getTime(),
                            rs.getTimestamp("last").getTime(), t.campaignKey(), rs.getString("channel")));
                });
    }
}
