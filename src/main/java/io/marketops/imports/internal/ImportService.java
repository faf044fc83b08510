package io.marketops.imports.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.imports.ColumnMapping;
import io.marketops.imports.ImportKind;
import io.marketops.imports.ImportStatus;
import io.marketops.imports.ImportSummary;
import io.marketops.imports.Imports;
import io.marketops.imports.ImportsProperties;
import io.marketops.workspace.Workspaces;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Import jobs for the API, the pages and other modules: draft (upload + preview), start, follow. */
@Service
public class ImportService implements Imports {
    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final SavedMappings mappings;
    private final Workspaces workspaces;
    private final ImportsProperties props;

    ImportService(ImportJobs jobs, ImportRunner runner, SavedMappings mappings, Workspaces workspaces, ImportsProperties props) {
        this.jobs = jobs;
        this.runner = runner;
        this.mappings = mappings;
        this.workspaces = workspaces;
        this.props = props;
    }

    /** What the UI shows after an upload, before the import starts. */
    public record Draft(String importId, ImportKind kind, String fileName, String format, String encoding, long headerRow,
                        List<String> headers, List<Map<String, Object>> suggestions, List<List<String>> rows,
                        List<Map<String, Object>> fields, String savedSource, Map<String, String> savedDefaults) {
    }

    /** Moves {@code upload} into a new job's directory and reads its first rows; the job waits for {@link #start(WorkspaceId, String, ColumnMapping, String)}. */
    public Draft draft(WorkspaceId ws, ImportKind kind, Path upload, String fileName, String actor) {
        String id = UUID.randomUUID().toString();
        Path dir = runner.root().resolve(Long.toString(ws.value())).resolve(id);
        try {
            Files.createDirectories(dir);
            long size = Files.size(upload);
            Files.move(upload, dir.resolve("source"), StandardCopyOption.REPLACE_EXISTING);
            SourceFile file = SourceFile.sniff(dir.resolve("source"), fileName);
            Preview p = Preview.of(file, kind, props.previewRows());
            jobs.createDraft(id, ws.value(), kind, fileName == null ? "upload" : fileName, size, file, p.headerRow(), dir, actor);
            var saved = mappings.byHeaders(ws.value(), kind, p.headers());
            List<Map<String, Object>> suggestions = p.suggestions().stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("column", s.column());
                m.put("header", s.header());
                String savedField = saved.map(x -> x.mapping().columns().get(s.header())).orElse(null);
                m.put("field", savedField != null ? savedField : s.field());
                m.put("ambiguous", savedField == null && s.ambiguous());
                return m;
            }).toList();
            List<Map<String, Object>> fields = Fields.of(kind).stream()
                    .map(f -> Map.<String, Object>of("id", f.id(), "required", f.required())).toList();
            return new Draft(id, kind, fileName, file.format().name().toLowerCase(), file.encoding(), p.headerRow(), p.headers(),
                    suggestions, p.rows(), fields, saved.map(SavedMappings.Saved::source).orElse(null),
                    saved.map(x -> x.mapping().defaults()).orElse(Map.of()));
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    /** Resolves the mapping against the draft's header (saved mapping of the source first) and queues the job. */
    public ImportSummary start(WorkspaceId ws, String id, ColumnMapping requested, String actor) {
        Job job = jobs.find(ws.value(), id).orElseThrow(() -> new NotFound("import", id));
        if (job.status() != ImportStatus.DRAFT) throw new InvalidRequest("importId", "import " + id + " has already been started");
        SourceFile file = SourceFile.sniff(job.sourceFile(), job.fileName());
        List<String> headers = Preview.headerAt(file, job.headerRow());
        Optional<SavedMappings.Saved> saved = requested.source() != null
                ? mappings.byName(ws.value(), job.kind(), requested.source())
                : mappings.byHeaders(ws.value(), job.kind(), headers);
        ColumnMapping effective = saved.map(s -> requested.over(present(s.mapping(), headers))).orElse(requested);
        ResolvedMapping resolved = ResolvedMapping.resolve(job.kind(), headers, effective, workspaces.get(ws).timezone());
        String source = effective.source();
        if (requested.save()) {
            if (source == null) throw new InvalidRequest("mapping.source", "name the source to save the mapping under (e.g. \"巨量引擎日报\")");
            mappings.save(ws.value(), job.kind(), source, resolved.asColumnMapping(source), headers, actor);
        }
        if (!jobs.queue(ws.value(), id, source, MappingJson.write(resolved.asColumnMapping(source)))) {
            throw new InvalidRequest("importId", "import " + id + " has already been started");
        }
        runner.submit(id);
        return summary(jobs.find(ws.value(), id).orElseThrow());
    }

    @Override
    public ImportSummary start(WorkspaceId ws, ImportKind kind, Path file, String fileName, ColumnMapping mapping, String actor) {
        Draft d = draft(ws, kind, file, fileName, actor);
        try {
            return start(ws, d.importId(), mapping, actor);
        } catch (RuntimeException e) {
            discard(ws, d.importId());
            throw e;
        }
    }

    /** Forgets a draft that will not be started (its files too). */
    void discard(WorkspaceId ws, String id) {
        jobs.find(ws.value(), id).filter(j -> j.status() == ImportStatus.DRAFT).ifPresent(j -> {
            deleteQuietly(j.workDir());
            jobs.deleteDraft(ws.value(), j.id());
        });
    }

    @Override
    public ImportSummary await(WorkspaceId ws, String id, Duration timeout) {
        runner.future(id).ifPresent(f -> {
            try {
                f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // still running, or failed: the job row says which
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return find(ws, id).orElseThrow(() -> new NotFound("import", id));
    }

    @Override
    public Optional<ImportSummary> find(WorkspaceId ws, String id) {
        return jobs.find(ws.value(), id).map(ImportService::summary);
    }

    @Override
    public PageResult<ImportSummary> list(WorkspaceId ws, ImportKind kind, PageQuery page) {
        return jobs.list(ws.value(), kind, page).map(ImportService::summary);
    }

    /** A saved mapping as the API shows it. */
    public record SavedMapping(String source, ImportKind kind, ColumnMapping mapping, String updatedBy, java.time.Instant updatedAt) {
    }

    public List<SavedMapping> savedMappings(WorkspaceId ws, ImportKind kind) {
        return mappings.list(ws.value(), kind).stream()
                .map(m -> new SavedMapping(m.source(), m.kind(), m.mapping(), m.updatedBy(), m.updatedAt())).toList();
    }

    public void deleteSavedMapping(WorkspaceId ws, ImportKind kind, String source) {
        if (!mappings.delete(ws.value(), kind, source)) throw new NotFound("saved mapping", kind.slug() + "/" + source);
    }

    /** The field ids a column of this kind can be mapped to, required ones first as listed in the docs. */
    public static List<String> fieldIds(ImportKind kind) {
        List<String> ids = new java.util.ArrayList<>(Fields.ids(kind));
        if (kind == ImportKind.CUSTOMERS) ids.add(Fields.TRAIT);
        return ids;
    }

    public static java.util.Set<String> sortFields() {
        return ImportJobs.sortFields();
    }

    /** Writes all rejected rows of a job as CSV (UTF-8 with BOM, so Excel shows Chinese correctly). */
    public void writeRejected(WorkspaceId ws, String id, java.io.OutputStream out) throws IOException {
        Job job = jobs.find(ws.value(), id).orElseThrow(() -> new NotFound("import", id));
        if (!Files.exists(job.rejectedFile()) && job.status().finished()) {
            throw new NotFound("rejected-rows file of import", id + " (files are kept " + props.keepFiles().toDays() + " days)");
        }
        out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Rejects.concat(job.rejectedFile(), job.rejectedAtMergeFile(), out);
    }

    private static ColumnMapping present(ColumnMapping saved, List<String> headers) {
        Map<String, String> cols = new LinkedHashMap<>();
        saved.columns().forEach((h, f) -> {
            if (headers.contains(h)) cols.put(h, f);
        });
        return new ColumnMapping(cols, saved.defaults(), saved.timezone(), saved.dateFormat(), saved.source(), false);
    }

    static ImportSummary summary(Job j) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (j.mappingJson() != null) {
            ColumnMapping m = MappingJson.read(j.mappingJson());
            m.columns().forEach((h, f) -> {
                if (!Fields.IGNORE.equals(f)) mapping.put(h, f);
            });
            m.defaults().forEach((f, v) -> mapping.put("(default) " + f, v));
        }
        return new ImportSummary(j.id(), j.kind(), j.fileName(), j.status(), j.stage(), j.progress(), j.rows(), j.imported(),
                j.updated(), j.rejected(), j.skipped(), j.otherCurrencyRows(), j.format(), j.encoding(), j.source(), mapping,
                Rejects.fromJson(j.rejectionsJson()), j.error(), j.createdBy(), j.createdAt(), j.finishedAt());
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException ignored) {
            // a leftover directory is removed by the clean-up at start
        }
    }
}
