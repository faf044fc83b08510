package io.marketops.experiments;

import io.marketops.core.WorkspaceId;

import java.util.LinkedHashMap;

/** Hands out variants and records exposures (one per user and experiment: the first). */
public interface Assignments {
    int MAX_USER_ID_LENGTH = 200;

    /**
     * The user's variant; while the experiment runs and {@code recordExposure} is true, the
     * first call per user records an exposure. Calls for the same user always agree.
     */
    Assignment assign(WorkspaceId workspace, String experimentKey, String userId, boolean recordExposure);

    /** Exposed users per variant key, in variant order (variants without users count 0). */
    LinkedHashMap<String, Long> exposureCounts(WorkspaceId workspace, String experimentKey);
}
