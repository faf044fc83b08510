package io.marketops.imports.web;

import io.marketops.core.NotFound;
import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;
import io.marketops.core.web.Problems;
import io.marketops.imports.ImportKind;
import io.marketops.imports.ImportStatus;
import io.marketops.imports.ImportSummary;
import io.marketops.imports.ImportsProperties;
import io.marketops.imports.internal.ImportService;
import io.marketops.imports.internal.MappingText;
import io.marketops.workspace.Actor;
import io.marketops.workspace.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "CSV/XLSX imports of ad costs, orders, customers and content metrics, as background jobs")
class ImportsApi {
    private final ImportService imports;
    private final Uploads uploads;
    private final ImportsProperties props;

    ImportsApi(ImportService imports, Uploads uploads, ImportsProperties props) {
        this.imports = imports;
        this.uploads = uploads;
        this.props = props;
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('data.import')")
    @Operation(summary = "Imports a CSV (UTF-8, GBK/GB18030) or XLSX file of the kind ad-costs, orders, customers or content-metrics",
            description = "Multipart field 'file'; optional 'mapping' (JSON: {\"columns\":{\"消耗\":\"cost\"},\"defaults\":{\"channel\":\"douyin\"},"
                    + "\"timezone\":\"Asia/Shanghai\",\"source\":\"巨量引擎日报\",\"save\":true}). Answers 200 with the counts when the job ends within "
                    + "marketops.imports.sync-wait, else 202 with the job to poll at GET /api/v1/imports/{id} (async=true answers 202 at once). "
                    + "400 names the file problem or the fields that could not be mapped; 422 when the job failed.")
    ResponseEntity<?> importFile(@PathVariable String kind, @RequestPart("file") MultipartFile file,
                                 @RequestParam(required = false) String mapping, @RequestParam(required = false) String source,
                                 @RequestParam(defaultValue = "false") boolean async) {
        ImportKind k = ImportKind.parse(kind);
        Actor a = Actors.require();
        var m = MappingText.parse(mapping, source);
        ImportSummary started = imports.start(a.workspaceId(), k, uploads.save(file), Uploads.name(file), m, a.name());
        return answer(a.workspaceId(), started.importId(), async ? Duration.ZERO : props.syncWait());
    }

    @PostMapping(path = "/{kind}/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('data.import')")
    @Operation(summary = "Uploads a file as a draft import and answers its encoding, header row, suggested mapping and first rows",
            description = "Start the draft with POST /api/v1/imports/{id}/start and a mapping body; drafts never started are deleted after marketops.imports.keep-files.")
    ImportService.Draft preview(@PathVariable String kind, @RequestPart("file") MultipartFile file) {
        Actor a = Actors.require();
        return imports.draft(a.workspaceId(), ImportKind.parse(kind), uploads.save(file), Uploads.name(file), a.name());
    }

    @PostMapping(path = "/{id}/start")
    @PreAuthorize("hasAuthority('data.import')")
    @Operation(summary = "Starts a draft import with a mapping (same JSON as the 'mapping' field); answers like POST /api/v1/imports/{kind}")
    ResponseEntity<?> start(@PathVariable String id, @RequestBody(required = false) String mapping,
                            @RequestParam(defaultValue = "false") boolean async) {
        Actor a = Actors.require();
        imports.start(a.workspaceId(), id, MappingText.parse(mapping, null), a.name());
        return answer(a.workspaceId(), id, async ? Duration.ZERO : props.syncWait());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('data.read')")
    @Operation(summary = "Import history, newest first; filter by kind; sort by createdAt, fileName, kind, status or rows")
    PageResult<ImportSummary> list(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        PageQuery q = PageQuery.parse(page, size, sort, ImportService.sortFields(), "createdAt,desc");
        return imports.list(Actors.workspace(), kind == null || kind.isBlank() ? null : ImportKind.parse(kind), q);
    }

    @GetMapping("/mappings")
    @PreAuthorize("hasAuthority('data.read')")
    @Operation(summary = "Mappings saved per source (applied to the next file from the source, by name or by matching headers)")
    java.util.List<ImportService.SavedMapping> mappings(@RequestParam(required = false) String kind) {
        return imports.savedMappings(Actors.workspace(), kind == null || kind.isBlank() ? null : ImportKind.parse(kind));
    }

    @DeleteMapping("/mappings/{kind}/{source}")
    @PreAuthorize("hasAuthority('data.import')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Forgets a saved mapping")
    void deleteMapping(@PathVariable String kind, @PathVariable String source) {
        imports.deleteSavedMapping(Actors.workspace(), ImportKind.parse(kind), source);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('data.read')")
    @Operation(summary = "One import job: status (queued, running, merging, done, failed), progress 0..1, counts and the first rejections")
    ImportSummary get(@PathVariable String id) {
        return imports.find(Actors.workspace(), id).orElseThrow(() -> new NotFound("import", id));
    }

    @GetMapping(path = "/{id}/rejected.csv", produces = "text/csv")
    @PreAuthorize("hasAuthority('data.read')")
    @Operation(summary = "All rejected rows of an import as CSV: row, field, value, reason (PII values masked)")
    void rejected(@PathVariable String id, HttpServletResponse response) throws IOException {
        WorkspaceId ws = Actors.workspace();
        imports.find(ws, id).orElseThrow(() -> new NotFound("import", id));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejected-" + id + ".csv\"");
        imports.writeRejected(ws, id, response.getOutputStream());
    }

    private ResponseEntity<?> answer(WorkspaceId ws, String id, Duration wait) {
        ImportSummary s = wait.isZero() ? imports.find(ws, id).orElseThrow() : imports.await(ws, id, wait);
        if (s.status() == ImportStatus.DONE) return ResponseEntity.ok(s);
        if (s.status() == ImportStatus.FAILED) {
            ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Import failed", s.error());
            p.setProperty("importId", s.importId());
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id)).body(s);
    }
}
