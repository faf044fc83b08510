package io.marketops.imports.internal;

import io.marketops.imports.ColumnMapping;
import io.marketops.imports.ImportKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Mappings saved per source (e.g. "巨量引擎日报"), applied to the next file from that source: by
 * name when the caller names the source, else by the file's headers matching a saved file's.
 */
@Repository
class SavedMappings {
    private final JdbcClient db;

    SavedMappings(JdbcClient db) {
        this.db = db;
    }

    record Saved(String source, ImportKind kind, ColumnMapping mapping, String updatedBy, Instant updatedAt) {
    }

    static String signature(List<String> headers) {
        return headers.stream().map(Headers::normalize).collect(Collectors.joining("|"));
    }

    Optional<Saved> byName(long workspaceId, ImportKind kind, String source) {
        return db.sql("SELECT source, mapping, updated_by, updated_at FROM imports_mappings WHERE workspace_id = ? AND kind = ? AND source = ?")
                .params(workspaceId, kind.slug(), source).query((rs, n) -> saved(kind, rs)).optional();
    }

    Optional<Saved> byHeaders(long workspaceId, ImportKind kind, List<String> headers) {
        return db.sql("SELECT source, mapping, updated_by, updated_at FROM imports_mappings WHERE workspace_id = ? AND kind = ?"
                        + " AND header_signature = ? ORDER BY updated_at DESC LIMIT 1")
                .params(workspaceId, kind.slug(), signature(headers)).query((rs, n) -> saved(kind, rs)).optional();
    }

    List<Saved> list(long workspaceId, ImportKind kind) {
        String where = kind == null ? "" : " AND kind = ?";
        var spec = db.sql("SELECT source, kind, mapping, updated_by, updated_at FROM imports_mappings WHERE workspace_id = ?" + where + " ORDER BY kind, source")
                .param(workspaceId);
        if (kind != null) spec = spec.param(kind.slug());
        return spec.query((rs, n) -> new Saved(rs.getString("source"), ImportKind.parse(rs.getString("kind")),
                MappingJson.read(rs.getString("mapping")), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant())).list();
    }

    void save(long workspaceId, ImportKind kind, String source, ColumnMapping mapping, List<String> headers, String actor) {
        db.sql("INSERT INTO imports_mappings (workspace_id, kind, source, mapping, header_signature, updated_by) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (workspace_id, kind, source) DO UPDATE SET mapping = EXCLUDED.mapping,"
                        + " header_signature = EXCLUDED.header_signature, updated_by = EXCLUDED.updated_by, updated_at = now()")
                .params(workspaceId, kind.slug(), source, MappingJson.write(mapping), signature(headers), actor).update();
    }

    boolean delete(long workspaceId, ImportKind kind, String source) {
        return db.sql("DELETE FROM imports_mappings WHERE workspace_id = ? AND kind = ? AND source = ?")
                .params(workspaceId, kind.slug(), source).update() > 0;
    }

    private static Saved saved(ImportKind kind, java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Saved(rs.getString("source"), kind, MappingJson.read(rs.getString("mapping")), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
