package io.marketops.reports.web;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.reports.internal.Renderings;
import io.marketops.workspace.AuditLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** A run's rendering as a file download; every download is an export in the audit log ("data.exported"). */
@Component
class Downloads {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final Renderings renderings;
    private final AuditLog audit;

    Downloads(Renderings renderings, AuditLog audit) {
        this.renderings = renderings;
        this.audit = audit;
    }

    ResponseEntity<byte[]> file(WorkspaceId ws, long runId, String format) {
        Renderings.Rendering r = renderings.of(ws, runId);
        byte[] body;
        MediaType type;
        switch (format) {
            case "pdf" -> { body = r.pdf(); type = MediaType.APPLICATION_PDF; }
            case "xlsx" -> { body = r.xlsx(); type = XLSX; }
            case "html" -> { body = r.html().getBytes(StandardCharsets.UTF_8); type = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8); }
            default -> throw new InvalidRequest("format", "must be html, pdf or xlsx, was '" + format + "'");
        }
        audit.record("data.exported", "report run " + runId, "report " + r.content().reportId() + " as " + format + " (" + r.content().from() + ".." + r.content().to() + ")");
        ContentDisposition disposition = ContentDisposition.builder("html".equals(format) ? "inline" : "attachment")
                .filename(r.fileName() + "." + format, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(body);
    }
}
