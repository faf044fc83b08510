package io.marketops.imports.internal;

import io.marketops.imports.ImportKind;
import io.marketops.imports.ImportStatus;

import java.nio.file.Path;
import java.time.Instant;

/** An import job's row in {@code imports_jobs} (counts as last saved). */
record Job(String id, long workspaceId, ImportKind kind, String fileName, long fileSize, String format, String encoding,
           long headerRow, String source, String mappingJson, ImportStatus status, String stage, double progress,
           long rows, long imported, long updated, long rejected, long skipped, long otherCurrencyRows,
           String rejectionsJson, String error, Path workDir, int attempts, String createdBy, Instant createdAt,
           Instant finishedAt) {

    Path sourceFile() {
        return workDir.resolve("source");
    }

    Path stagedFile() {
        return workDir.resolve("staged.csv");
    }

    /** Rows rejected while reading. */
    Path rejectedFile() {
        return workDir.resolve("rejected.csv");
    }

    /** Rows rejected while merging (repeated keys), rewritten whole on every attempt. */
    Path rejectedAtMergeFile() {
        return workDir.resolve("rejected-merge.csv");
    }
}
