package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.ContentMetricRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.OrderRow;
import io.marketops.warehouse.StandaloneWarehouse;
import io.marketops.workspace.Role;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Test fixtures: short constructors for warehouse facts and a one-workspace {@link Workspaces}. */
final class Facts {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Facts() {
    }

    static EventRow event(long ws, String type, String event, String user, String anon, String utc, String channel, String properties) {
        Instant ts = Instant.parse(utc);
        return new EventRow(ws, UUID.randomUUID().toString(), type, event, user, anon, ts, ts, null, channel, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, properties, null, null);
    }

    static EventRow page(long ws, String user, String anon, String utc, String channel) {
        return event(ws, "page", "home", user, anon, utc, channel, null);
    }

    static EventRow track(long ws, String event, String user, String utc) {
        return event(ws, "track", event, user, null, utc, null, null);
    }

    static OrderRow order(long ws, String id, String customer, String utc, String amount, String status, String channel) {
        return new OrderRow(ws, id, customer, Instant.parse(utc), new BigDecimal(amount), "CNY", status, 1, channel, null, null);
    }

    static AdCostRow ad(long ws, String date, String channel, long impressions, long clicks, String cost, long conversions) {
        return new AdCostRow(ws, LocalDate.parse(date), channel, "c-" + channel, "g", impressions, clicks, new BigDecimal(cost), "CNY", conversions, BigDecimal.ZERO);
    }

    static ContentMetricRow content(long ws, String post, String platform, String date, long reads, long followers) {
        return new ContentMetricRow(ws, post, platform, LocalDate.parse(date), "t", reads, 0, 0, 0, 0, 0.5, followers);
    }

    static void identity(StandaloneWarehouse w, long ws, String anon, String user, String utc) {
        w.sql().sql("INSERT INTO identities (workspace_id, alias_id, user_id, source, first_seen, last_seen) VALUES (?, ?, ?, 'identify', CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ))")
                .params(ws, anon, user, utc, utc).update();
    }

    /** An {@code alias} call's link: the earlier user id {@code previous} belongs to {@code user}. */
    static void alias(StandaloneWarehouse w, long ws, String previous, String user, String utc) {
        w.sql().sql("INSERT INTO identities (workspace_id, alias_id, user_id, source, first_seen, last_seen) VALUES (?, ?, ?, 'alias', CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ))")
                .params(ws, previous, user, utc, utc).update();
    }

    static StandaloneWarehouse warehouse(Path dir) {
        return StandaloneWarehouse.open(dir);
    }

    /** Workspaces with exactly the given ones, all in Asia/Shanghai and CNY. */
    static Workspaces workspaces(long... ids) {
        return new Workspaces() {
            @Override
            public Workspace get(WorkspaceId id) {
                return new Workspace(id, "ws " + id, "ws-" + id, SHANGHAI, "CNY", false, Instant.EPOCH);
            }

            @Override
            public Optional<Workspace> findBySlug(String slug) {
                return Optional.empty();
            }

            @Override
            public List<Workspace> all() {
                return java.util.Arrays.stream(ids).mapToObj(i -> get(WorkspaceId.of(i))).toList();
            }

            @Override
            public Workspace defaultWorkspace() {
                return get(WorkspaceId.of(ids[0]));
            }

            @Override
            public Workspace create(String name, String slug, boolean demo) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void addMember(WorkspaceId workspace, long userId, Role role) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A custom-metric store without PostgreSQL that holds none. */
    static CustomMetrics noCustomMetrics() {
        return new CustomMetrics(null, null) {
            @Override
            public Optional<CustomMetric> find(WorkspaceId ws, String id) {
                return Optional.empty();
            }

            @Override
            public List<CustomMetric> all(WorkspaceId ws) {
                return List.of();
            }
        };
    }

    /** The engine as the server runs it: PV, UV and active users by the main dimensions read the daily activity rollup. */
    static MetricEngine engine(StandaloneWarehouse w, long ws) {
        return engine(w, Optional.of(new ActivityRollup(w)), ws);
    }

    /** The engine reading events only (no rollup), to compare with. */
    static MetricEngine rawEngine(StandaloneWarehouse w, long ws) {
        return engine(w, Optional.empty(), ws);
    }

    static MetricEngine engine(StandaloneWarehouse w, Optional<ActivityRollup> rollup, long... ws) {
        return new MetricEngine(w, workspaces(ws), new MetricDefinitions(noCustomMetrics()), MetricsProperties.defaults(), Optional.empty(), rollup);
    }
}
