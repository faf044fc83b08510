package io.marketops.metrics.internal;

import io.marketops.metrics.Filter;
import io.marketops.warehouse.EventsAppended;
import io.marketops.warehouse.Warehouse;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daily activity rollup {@code metrics_activity}: events grouped by workspace, local day, person keys (user id,
 * anonymous id — stitching is applied when reading, exactly as on events) and the main dimensions
 * ({@link #COLUMNS}), with counts of views, active and all events. PV, UV and DAU/WAU/MAU by day and those
 * dimensions read it instead of every event, and stay exact: UV is still a distinct count of people.
 * <p>
 * Keeping it right: before a statement reads days of it, {@link #ensure} makes sure those days match
 * {@code events}. A day is trusted once checked (its event count equals the count recorded when it was built) until
 * {@link EventsAppended} reports new events near it; unchecked days are counted in {@code events} and rebuilt when
 * their count differs, is missing or was built in another zone. So writes that bypass the announcement (the
 * {@code generate} command, tests writing SQL) are caught on the first read after a start; within a running server
 * every append goes through {@link Warehouse#append}, which announces it.
 * <p>
 * The same days of the step-event projection ({@link StepEvents}, which funnels read) are rebuilt with the rollup's,
 * in the same transaction, so this one check keeps both right.
 */
@Component
class ActivityRollup {
    /** The events columns the rollup keeps (the dimensions a rollup query may break down or filter by). */
    static final List<String> COLUMNS = List.of("channel", "utm_campaign", "utm_content", "utm_source", "utm_medium",
            "device", "region", "city", "platform", "os", "browser");

    private final Warehouse warehouse;
    private final Map<Long, RollupDays> workspaces = new ConcurrentHashMap<>();

    ActivityRollup(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Whether every dimension and filter field maps to a rollup column (not event, type or a property). */
    static boolean covers(List<String> dims, List<Filter> filters) {
        for (String d : dims) if (!column(d)) return false;
        for (Filter f : filters) if (!column(f.field())) return false;
        return true;
    }

    private static boolean column(String dim) {
        return !Dimensions.isProperty(dim) && COLUMNS.contains(Dimensions.EVENT_COLUMNS.get(dim));
    }

    /** New events around [from, to]: a day either side, since any zone's local day lies within a day of the UTC one. */
    @EventListener
    void on(EventsAppended e) {
        days(e.workspaceId()).invalidate(LocalDate.ofInstant(e.from(), ZoneOffset.UTC).minusDays(1),
                LocalDate.ofInstant(e.to(), ZoneOffset.UTC).plusDays(1));
    }

    /** Makes the rollup's local days [from, to] of {@code zone} match {@code events}; cheap when they were checked already. */
    void ensure(long workspace, ZoneId zone, LocalDate from, LocalDate to) {
        RollupDays days = days(workspace);
        RollupDays.Check check = days.unchecked(zone, from, to);
        if (check == null) return;
        synchronized (days.building()) {
            List<LocalDate> stale = RollupSql.staleDays(warehouse, workspace, zone, check.first(), check.last());
            if (!stale.isEmpty()) RollupSql.rebuild(warehouse, workspace, zone, stale.get(0), stale.get(stale.size() - 1));
        }
        days.checked(check);
    }

    private RollupDays days(long workspace) {
        return workspaces.computeIfAbsent(workspace, k -> new RollupDays());
    }
}
