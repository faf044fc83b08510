package io.marketops.imports;

/** Published when an import's rows have been applied to the warehouse (and PostgreSQL for customers). */
public record ImportCompleted(long workspaceId, String importId, ImportKind kind, long imported, long updated, long rejected) {
}
