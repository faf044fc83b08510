package io.marketops.experiments.internal;

import io.marketops.experiments.ExperimentsProperties;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies recorded exposures (PostgreSQL, the system of record) into the warehouse as track
 * events {@code $experiment_viewed} (the id in anonymous_id) with properties {experimentKey, variant}, where results
 * are joined with what users did next. Each exposure becomes the event with message id
 * {@code exposure-<id>}; before appending, ids already in the warehouse are skipped, so a
 * crash between the append and the "warehoused" mark never counts an exposure twice.
 * <p>
 * Each exposure row names its sink, the warehouse of the process that recorded it; a process
 * copies its own rows, and rows of another sink only once they are an hour old. One MarketOps
 * has one warehouse, so this only matters when several processes share a PostgreSQL (tests
 * run several application contexts on one database, each with its own warehouse).
 */
@Component
class ExposureSync {
    static final String EVENT = "$experiment_viewed";
    private static final Logger log = LoggerFactory.getLogger(ExposureSync.class);
    private final JdbcClient db;
    private final Warehouse warehouse;
    private final int batch;
    private final String sink;

    ExposureSync(JdbcClient db, Warehouse warehouse, ExperimentsProperties props) {
        this.db = db;
        this.warehouse = warehouse;
        this.batch = props.exposureBatch();
        this.sink = warehouse.parquetDir().toAbsolutePath().getParent().toString();
    }

    /** The identity of this process's warehouse, written on each exposure it records. */
    String sink() {
        return sink;
    }

    record Pending(long id, long workspace, String experimentKey, String userId, String variant, Instant at) {
        String messageId() {
            return "exposure-" + id;
        }
    }

    @Scheduled(fixedDelayString = "${marketops.experiments.exposure-sync:10s}", initialDelayString = "${marketops.experiments.exposure-sync:10s}")
    void scheduled() {
        try {
            syncAll();
        } catch (RuntimeException e) {
            log.warn("Copying exposures to the warehouse failed, will retry: {}", e.getMessage());
        }
    }

    /** Copies every pending exposure; returns how many were appended. */
    synchronized int syncAll() {
        int total = 0, n;
        do {
            n = syncBatch();
            total += n;
        } while (n == batch);
        return total;
    }

    private int syncBatch() {
        List<Pending> pending = db.sql("""
                        SELECT x.id, x.workspace_id, e.key, x.user_id, x.variant_key, x.first_exposed_at
                        FROM experiment_exposures x JOIN experiments e ON e.id = x.experiment_id
                        WHERE NOT x.warehoused AND (x.sink = ? OR x.sink IS NULL OR x.first_exposed_at < now() - INTERVAL '1 hour')
                        ORDER BY x.id LIMIT ?""")
                .params(sink, batch)
                .query((rs, i) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
        if (pending.isEmpty()) return 0;
        Set<String> present = alreadyInWarehouse(pending);
        List<Pending> missing = pending.stream().filter(p -> !present.contains(p.messageId())).toList();
        if (!missing.isEmpty()) warehouse.append(a -> missing.forEach(p -> a.event(event(p))));
        List<Long> ids = pending.stream().map(Pending::id).toList();
        db.sql("UPDATE experiment_exposures SET warehoused = TRUE WHERE id = ANY (?)").param(ids.toArray(Long[]::new)).update();
        return pending.size();
    }

    private Set<String> alreadyInWarehouse(List<Pending> pending) {
        Set<String> present = new HashSet<>();
        Map<Long, List<Pending>> byWorkspace = pending.stream().collect(Collectors.groupingBy(Pending::workspace));
        byWorkspace.forEach((ws, rows) -> {
            List<Object> params = new ArrayList<>(List.of(ws, EVENT));
            rows.forEach(r -> params.add(r.messageId()));
            String marks = String.join(", ", java.util.Collections.nCopies(rows.size(), "?"));
            present.addAll(warehouse.sql().sql("SELECT message_id FROM events WHERE workspace_id = ? AND type = 'track' AND event = ? AND message_id IN (" + marks + ")")
                    .params(params).query(String.class).list());
        });
        return present;
    }

    private static EventRow event(Pending p) {
        String props = "{\"experimentKey\":" + json(p.experimentKey()) + ",\"variant\":" + json(p.variant()) + "}";
        // the id goes into anonymous_id: metrics resolve a person as coalesce(stitched user, user_id, anonymous_id),
        // so an exposure lands on the same person as that visitor's page views whether the id is anonymous or not
        return new EventRow(p.workspace(), p.messageId(), "track", EVENT, null, p.userId(), p.at(), Instant.now(), null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                props, null, null);
    }

    /** A JSON string literal; keys and variant keys are [a-z0-9_-] but quote defensively anyway. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

}
