package io.marketops.experiments.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.experiments.Assignment;
import io.marketops.experiments.Assignments;
import io.marketops.experiments.Bucketing;
import io.marketops.experiments.Decision;
import io.marketops.core.NotFound;
import io.marketops.experiments.Experiment;
import io.marketops.experiments.ExperimentStatus;
import io.marketops.experiments.Experiments;
import io.marketops.experiments.Variant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.experiments.Targeting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assignment by {@link Bucketing} after the {@link Targeting} and coverage checks; exposures are rows keyed (experiment, user), inserted with
 * ON CONFLICT DO NOTHING, so retries and repeated page views never count a user twice.
 */
@Service
class AssignmentService implements Assignments {
    private static final TypeReference<Map<String, List<String>>> TARGETING = new TypeReference<>() {
    };
    private final Experiments experiments;
    private final JdbcClient db;
    private final String sink;
    private final ObjectMapper json;

    AssignmentService(Experiments experiments, JdbcClient db, ExposureSync sync, ObjectMapper json) {
        this.experiments = experiments;
        this.db = db;
        this.json = json;
        this.sink = sync.sink();
    }

    /** What assignment needs of an experiment, read in one query: this is the hot path of every page view. */
    private record Plan(long id, String key, ExperimentStatus status, Decision decision, String shippedVariant,
                        String[] variants, double[] weights, double coverage, Map<String, List<String>> targeting) {
        String control() {
            return variants[0];
        }
    }

    private Plan plan(WorkspaceId ws, String key) {
        return db.sql("""
                        SELECT e.id, e.key, e.status, e.decision, e.shipped_variant,
                               array_agg(v.key ORDER BY v.position), array_agg(v.weight ORDER BY v.position), e.coverage, e.targeting::text
                        FROM experiments e JOIN experiment_variants v ON v.experiment_id = e.id
                        WHERE e.workspace_id = ? AND e.key = ?
                        GROUP BY e.id""")
                .params(ws.value(), key)
                .query((rs, i) -> new Plan(rs.getLong(1), rs.getString(2), ExperimentStatus.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : Decision.valueOf(rs.getString(4)), rs.getString(5),
                        (String[]) rs.getArray(6).getArray(), toDoubles((Object[]) rs.getArray(7).getArray()), rs.getDouble(8),
                        targeting(rs.getString(9))))
                .optional().orElseThrow(() -> new NotFound("experiment", key));
    }

    private static double[] toDoubles(Object[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = ((Number) values[i]).doubleValue();
        return out;
    }

    private Map<String, List<String>> targeting(String stored) {
        try {
            return stored == null ? Map.of() : json.readValue(stored, TARGETING);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored targeting rules are not valid JSON: " + stored, e);
        }
    }

    @Override
    public Assignment assign(WorkspaceId ws, String key, String userId, boolean recordExposure, Map<String, String> attributes) {
        if (userId == null || userId.isBlank()) throw new InvalidRequest("userId", "is required: the id the user is known by (logged-in id or anonymous id)");
        if (userId.length() > MAX_USER_ID_LENGTH) throw new InvalidRequest("userId", "must be at most " + MAX_USER_ID_LENGTH + " characters");
        Plan e = plan(ws, key);
        double bucket = Bucketing.bucket(e.key(), userId);
        if (e.status() != ExperimentStatus.RUNNING) {
            return new Assignment(e.key(), userId, servedOutsideTheTest(e), bucket, false, false, e.status(), Assignment.NOT_RUNNING);
        }
        if (!Targeting.matches(e.targeting(), attributes)) {
            return new Assignment(e.key(), userId, e.control(), bucket, false, false, e.status(), Assignment.NOT_TARGETED);
        }
        int index = Bucketing.choose(bucket, Bucketing.ranges(e.weights(), e.coverage()));
        if (index < 0) return new Assignment(e.key(), userId, e.control(), bucket, false, false, e.status(), Assignment.OUTSIDE_COVERAGE);
        String variant = e.variants()[index];
        boolean recorded = recordExposure && db.sql("INSERT INTO experiment_exposures(workspace_id, experiment_id, user_id, variant_key, sink) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (experiment_id, user_id) DO NOTHING")
                .params(ws.value(), e.id(), userId, variant, sink).update() == 1;
        return new Assignment(e.key(), userId, variant, bucket, true, recorded, e.status(), null);
    }

    /** Before and after the test everyone sees the control, except that a shipped variant is served once decided. */
    private static String servedOutsideTheTest(Plan e) {
        if (e.status() == ExperimentStatus.DECIDED && e.decision() == Decision.SHIP) return e.shippedVariant();
        return e.control();
    }

    @Override
    public LinkedHashMap<String, Long> exposureCounts(WorkspaceId ws, String key) {
        Experiment e = experiments.get(ws, key);
        LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
        for (Variant v : e.variants()) counts.put(v.key(), 0L);
        db.sql("SELECT variant_key, count(*) FROM experiment_exposures WHERE workspace_id = ? AND experiment_id = ? GROUP BY variant_key")
                .params(ws.value(), e.id())
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
