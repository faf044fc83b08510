package io.marketops.imports;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Imports files into the warehouse as background jobs. A job reads and validates every row into
 * a staging file first and then applies the staged rows in one transaction, so an import is
 * applied whole or not at all; re-importing the same rows updates them instead of adding them again.
 */
public interface Imports {

    /**
     * Queues an import of {@code file} (moved into the job's own directory) and returns at once.
     *
     * @throws io.marketops.core.InvalidRequest when the file cannot be read or required fields cannot be mapped
     */
    ImportSummary start(WorkspaceId workspace, ImportKind kind, Path file, String fileName, ColumnMapping mapping, String actor);

    /** Waits up to {@code timeout} for the job to finish and returns its state either way. */
    ImportSummary await(WorkspaceId workspace, String importId, Duration timeout);

    Optional<ImportSummary> find(WorkspaceId workspace, String importId);

    /** Jobs of the workspace, newest first by default; {@code kind} may be null for all kinds. */
    PageResult<ImportSummary> list(WorkspaceId workspace, ImportKind kind, PageQuery page);
}
