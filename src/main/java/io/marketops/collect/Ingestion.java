package io.marketops.collect;

import io.marketops.core.WorkspaceId;

/** Ingestion health of a workspace, for pages and reports that show data freshness. */
public interface Ingestion {
    IngestionStats stats(WorkspaceId workspace);
}
