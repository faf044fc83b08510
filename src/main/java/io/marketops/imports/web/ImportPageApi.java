package io.marketops.imports.web;

import io.marketops.core.NotFound;
import io.marketops.imports.ImportKind;
import io.marketops.imports.ImportSummary;
import io.marketops.imports.internal.ImportService;
import io.marketops.imports.internal.MappingText;
import io.marketops.workspace.Actor;
import io.marketops.workspace.Actors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/**
 * JSON calls of the import page, behind the sign-in session and CSRF like every page (the
 * bearer-token API under /api/v1 offers the same). Errors are problem+json like the API's.
 */
@RestController
@RequestMapping("/imports")
class ImportPageApi {
    private final ImportService imports;
    private final Uploads uploads;

    ImportPageApi(ImportService imports, Uploads uploads) {
        this.imports = imports;
        this.uploads = uploads;
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('data.import')")
    ImportService.Draft preview(@RequestParam String kind, @RequestPart("file") MultipartFile file) {
        Actor a = Actors.require();
        return imports.draft(a.workspaceId(), ImportKind.parse(kind), uploads.save(file), Uploads.name(file), a.name());
    }

    @PostMapping("/{id}/start")
    @PreAuthorize("hasAuthority('data.import')")
    ImportSummary start(@PathVariable String id, @RequestBody(required = false) String mapping) {
        Actor a = Actors.require();
        return imports.start(a.workspaceId(), id, MappingText.parse(mapping, null), a.name());
    }

    @GetMapping("/{id}/status")
    @PreAuthorize("hasAuthority('data.read')")
    ImportSummary status(@PathVariable String id) {
        return imports.find(Actors.workspace(), id).orElseThrow(() -> new NotFound("import", id));
    }

    @GetMapping(path = "/{id}/rejected.csv", produces = "text/csv")
    @PreAuthorize("hasAuthority('data.read')")
    void rejected(@PathVariable String id, HttpServletResponse response) throws IOException {
        var ws = Actors.workspace();
        imports.find(ws, id).orElseThrow(() -> new NotFound("import", id));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejected-" + id + ".csv\"");
        imports.writeRejected(ws, id, response.getOutputStream());
    }
}
