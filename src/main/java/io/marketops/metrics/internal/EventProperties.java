package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.warehouse.Warehouse;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a person can break down or filter by: the built-in dimensions (the whitelist of
 * {@link Dimensions}) and the event property names a workspace actually sent lately, so that
 * the explore page and API clients can offer them instead of a hard-coded list.
 */
@Service
public class EventProperties {
    /** How far back property names are looked for. */
    public static final Duration LOOKBACK = Duration.ofDays(30);
    /** At most this many property names, the most frequent first. */
    public static final int MAX_PROPERTIES = 200;
    /** Names are counted again after this long; a new property shows up at most this late. */
    static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final Warehouse warehouse;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    EventProperties(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * @param field  the dimension or filter field that reads it: {@code properties.<name>}
     * @param events how many events of the last 30 days carry it
     */
    public record PropertyName(String name, String field, long events) {
        PropertyName(String name, long events) {
            this(name, Dimensions.PROPERTY_PREFIX + name, events);
        }
    }

    private record Cached(Instant at, List<PropertyName> names) {
    }

    /** The named dimensions of events, in catalog order (channel, campaign, content, …, event, type). */
    public List<String> dimensions() {
        return List.copyOf(Dimensions.EVENT_COLUMNS.keySet());
    }

    /**
     * The keys of {@code events.properties} in the workspace's events of the last 30 days, most frequent
     * first (ties by name), at most 200; only names a query accepts (1–64 letters, digits, '_', '-').
     * Cached for five minutes per workspace.
     */
    public List<PropertyName> recent(WorkspaceId ws) {
        Instant now = Instant.now();
        Cached c = cache.get(ws.value());
        if (c != null && c.at().plus(CACHE_FOR).isAfter(now)) return c.names();
        List<PropertyName> names = warehouse.sql().sql("""
                        SELECT k, count(*) AS n FROM (
                          SELECT unnest(json_keys(properties)) AS k FROM events
                          WHERE workspace_id = ? AND ts >= CAST(? AS TIMESTAMPTZ) AND properties IS NOT NULL)
                        GROUP BY k ORDER BY n DESC, k LIMIT ?""")
                .params(ws.value(), now.minus(LOOKBACK).toString(), MAX_PROPERTIES * 2)
                .query((rs, i) -> new PropertyName(rs.getString(1), rs.getLong(2))).list()
                .stream().filter(p -> Dimensions.isPropertyName(p.name())).limit(MAX_PROPERTIES).toList();
        cache.put(ws.value(), new Cached(now, names));
        return names;
    }
}
