package io.marketops.anomalies.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;

/**
 * Each workspace's sensitivity, minimum volume and alert switch, in PostgreSQL; the configured
 * defaults until someone changes them.
 */
@Repository
public class DetectionSettings {
    /** Beyond this a minimum volume would silence every metric of a normal brand. */
    static final int MAX_MIN_VOLUME = 1_000_000;

    /**
     * @param alerts    new high-severity anomalies go to the recipients of the workspace's reports
     * @param updatedBy null (and {@code updatedAt} null) while the workspace uses the defaults
     */
    public record Settings(String sensitivity, int minVolume, boolean alerts, String updatedBy, Instant updatedAt) {
    }

    private final JdbcClient db;
    private final AnomaliesProperties defaults;

    DetectionSettings(JdbcClient db, AnomaliesProperties defaults) {
        this.db = db;
        this.defaults = defaults;
    }

    public Settings get(WorkspaceId ws) {
        return db.sql("SELECT sensitivity, min_volume, alerts, updated_by, updated_at FROM anomaly_settings WHERE workspace_id = ?").param(ws.value())
                .query((rs, n) -> new Settings(rs.getString(1), rs.getInt(2), rs.getObject(3) == null ? defaults.alerts() : rs.getBoolean(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).optional()
                .orElse(new Settings(Rules.Sensitivity.parse("sensitivity", defaults.sensitivity()).id(), defaults.minVolume(), defaults.alerts(), null, null));
    }

    /** Validates and stores; {@code alerts} null keeps the current choice. Throws {@link InvalidRequest} naming the field. */
    public Settings put(WorkspaceId ws, String sensitivity, Integer minVolume, Boolean alerts, String by) {
        String s = Rules.Sensitivity.parse("sensitivity", sensitivity).id();
        if (minVolume == null) throw new InvalidRequest("minVolume", "is required: the smallest daily count (visitors, orders, clicks) worth judging, e.g. 50");
        if (minVolume < 0 || minVolume > MAX_MIN_VOLUME) throw new InvalidRequest("minVolume", "must be between 0 and " + MAX_MIN_VOLUME + ", was " + minVolume);
        boolean a = alerts != null ? alerts : get(ws).alerts();
        db.sql("""
                INSERT INTO anomaly_settings (workspace_id, sensitivity, min_volume, alerts, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, now())
                ON CONFLICT (workspace_id) DO UPDATE SET sensitivity = EXCLUDED.sensitivity, min_volume = EXCLUDED.min_volume,
                    alerts = EXCLUDED.alerts, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .params(ws.value(), s, minVolume, a, by).update();
        return get(ws);
    }

    Rules rules(WorkspaceId ws) {
        Settings s = get(ws);
        return defaults.rules(Rules.Sensitivity.parse("sensitivity", s.sensitivity()), s.minVolume());
    }
}
