package io.marketops.experiments;

import io.marketops.core.WorkspaceId;

import java.util.LinkedHashMap;
import java.util.Map;

/** Hands out variants and records exposures (one per user and experiment: the first). */
public interface Assignments {
    int MAX_USER_ID_LENGTH = 200;

    /**
     * The user's variant; while the experiment runs and {@code recordExposure} is true, the
     * first call per user records an exposure. Calls for the same user always agree.
     */
    default Assignment assign(WorkspaceId workspace, String experimentKey, String userId, boolean recordExposure) {
        return assign(workspace, experimentKey, userId, recordExposure, Map.of());
    }

    /**
     * As above, for a visitor with these attributes ({@code city → 上海}); a visitor the
     * experiment's {@link Targeting} excludes, or outside its coverage, gets the control and is
     * not exposed.
     */
    Assignment assign(WorkspaceId workspace, String experimentKey, String userId, boolean recordExposure, Map<String, String> attributes);

    /** Exposed users per variant key, in variant order (variants without users count 0). */
    LinkedHashMap<String, Long> exposureCounts(WorkspaceId workspace, String experimentKey);
}
