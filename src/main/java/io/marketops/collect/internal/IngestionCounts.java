package io.marketops.collect.internal;

import io.marketops.collect.Ingestion;
import io.marketops.collect.IngestionStats;
import io.marketops.core.WorkspaceId;
import io.marketops.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * Counts since records began: received, duplicates and rejected are kept by the writer with
 * every commit; stored is what the warehouse holds for the workspace.
 */
@Service
class IngestionCounts implements Ingestion {
    private final CollectStore store;
    private final Warehouse warehouse;

    IngestionCounts(CollectStore store, Warehouse warehouse) {
        this.store = store;
        this.warehouse = warehouse;
    }

    @Override
    public IngestionStats stats(WorkspaceId workspace) {
        EventWriter.Counts c = store.writer().counts(workspace.value());
        long stored = warehouse.sql().sql("SELECT count(*) FROM events WHERE workspace_id = ?").param(workspace.value()).query(Long.class).single();
        return new IngestionStats(c.received(), stored, c.duplicates(), c.rejected(), c.lastEventInstant());
    }
}
