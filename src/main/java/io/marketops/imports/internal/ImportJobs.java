package io.marketops.imports.internal;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.imports.ImportKind;
import io.marketops.imports.ImportStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code imports_jobs} table: every query is scoped by workspace except the start-up resume scan. */
@Repository
class ImportJobs {
    static final Map<String, String> SORTS = Map.of("createdAt", "created_at", "fileName", "file_name", "kind", "kind", "status", "status", "rows", "rows_read");
    private final JdbcClient db;

    ImportJobs(JdbcClient db) {
        this.db = db;
    }

    private static final RowMapper<Job> ROW = (rs, n) -> new Job(rs.getString("id"), rs.getLong("workspace_id"),
            ImportKind.parse(rs.getString("kind")), rs.getString("file_name"), rs.getLong("file_size"), rs.getString("format"),
            rs.getString("encoding"), rs.getLong("header_row"), rs.getString("source"), rs.getString("mapping"),
            ImportStatus.parse(rs.getString("status")), rs.getString("stage"), rs.getDouble("progress"), rs.getLong("rows_read"),
            rs.getLong("imported"), rs.getLong("updated"), rs.getLong("rejected"), rs.getLong("skipped"), rs.getLong("other_currency_rows"),
            rs.getString("rejections"), rs.getString("error"), Path.of(rs.getString("work_dir")), rs.getInt("attempts"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());

    void createDraft(String id, long workspaceId, ImportKind kind, String fileName, long size, SourceFile file, long headerRow,
                     Path workDir, String actor) {
        db.sql("INSERT INTO imports_jobs (id, workspace_id, kind, file_name, file_size, format, encoding, header_row, status, work_dir, created_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)")
                .params(id, workspaceId, kind.slug(), fileName, size, file.format().name().toLowerCase(), file.encoding(), headerRow,
                        workDir.toAbsolutePath().toString(), actor).update();
    }

    Optional<Job> find(long workspaceId, String id) {
        return db.sql("SELECT * FROM imports_jobs WHERE workspace_id = ? AND id = ?").params(workspaceId, id).query(ROW).optional();
    }

    Optional<Job> byId(String id) {
        return db.sql("SELECT * FROM imports_jobs WHERE id = ?").params(id).query(ROW).optional();
    }

    PageResult<Job> list(long workspaceId, ImportKind kind, PageQuery page) {
        String where = " FROM imports_jobs WHERE workspace_id = ? AND status <> 'draft'" + (kind == null ? "" : " AND kind = ?");
        List<Object> params = new ArrayList<>(List.of(workspaceId));
        if (kind != null) params.add(kind.slug());
        long total = db.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
        params.add(page.size());
        params.add(page.offset());
        List<Job> items = db.sql("SELECT *" + where + " ORDER BY " + SORTS.get(page.sortField()) + " " + page.direction()
                + ", id LIMIT ? OFFSET ?").params(params).query(ROW).list();
        return PageResult.of(items, page, total);
    }

    /** Draft → queued with the mapping to apply; false when the job is no longer a draft. */
    boolean queue(long workspaceId, String id, String source, String mappingJson) {
        return db.sql("UPDATE imports_jobs SET status = 'queued', source = ?, mapping = ? WHERE workspace_id = ? AND id = ? AND status = 'draft'")
                .params(source, mappingJson, workspaceId, id).update() == 1;
    }

    void running(String id) {
        db.sql("UPDATE imports_jobs SET status = 'running', stage = 'reading', progress = 0, attempts = attempts + 1,"
                + " started_at = coalesce(started_at, now()), error = NULL WHERE id = ?").params(id).update();
    }

    void progress(String id, String stage, double progress) {
        db.sql("UPDATE imports_jobs SET stage = ?, progress = ? WHERE id = ?").params(stage, progress, id).update();
    }

    /** Reading is complete and the staging file is on disk: from here a restart resumes at the merge. */
    void staged(String id, long rows, long rejected, long skipped, long otherCurrency, String rejectionsJson) {
        db.sql("UPDATE imports_jobs SET status = 'merging', stage = 'counting', progress = 0.9, rows_read = ?, rejected = ?, skipped = ?,"
                        + " other_currency_rows = ?, rejections = ? WHERE id = ?")
                .params(rows, rejected, skipped, otherCurrency, rejectionsJson, id).update();
    }

    /** Counts are known before the upsert, so a restart during it re-applies without recounting. */
    void counted(String id, long imported, long updated, long rejected, String rejectionsJson) {
        db.sql("UPDATE imports_jobs SET stage = 'applying', progress = 0.95, imported = ?, updated = ?, rejected = ?, rejections = ? WHERE id = ?")
                .params(imported, updated, rejected, rejectionsJson, id).update();
    }

    void done(String id) {
        db.sql("UPDATE imports_jobs SET status = 'done', stage = NULL, progress = 1, finished_at = now() WHERE id = ?").params(id).update();
    }

    void failed(String id, String error) {
        db.sql("UPDATE imports_jobs SET status = 'failed', error = ?, finished_at = now() WHERE id = ?").params(error, id).update();
    }

    void deleteDraft(long workspaceId, String id) {
        db.sql("DELETE FROM imports_jobs WHERE workspace_id = ? AND id = ? AND status = 'draft'").params(workspaceId, id).update();
    }

    /** Unfinished jobs whose files live under {@code root}, i.e. that this server started. */
    List<Job> unfinishedUnder(Path root) {
        String prefix = root.toAbsolutePath().toString().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
        return db.sql("SELECT * FROM imports_jobs WHERE status IN ('queued', 'running', 'merging') AND work_dir LIKE ? ORDER BY created_at")
                .params(prefix).query(ROW).list();
    }

    /** Finished or abandoned jobs whose files may be deleted. */
    List<Job> expiredUnder(Path root, Timestamp before) {
        String prefix = root.toAbsolutePath().toString().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
        return db.sql("SELECT * FROM imports_jobs WHERE status IN ('done', 'failed', 'draft') AND created_at < ? AND work_dir LIKE ?")
                .params(before, prefix).query(ROW).list();
    }

    static Set<String> sortFields() {
        return SORTS.keySet();
    }
}
